// n8n finds the nodes and the credential through the "n8n" field of package.json; this entry
// point only lets other code require the built classes.
module.exports = {
	AllMySms: require('./dist/nodes/AllMySms/AllMySms.node.js').AllMySms,
	AllMySmsApi: require('./dist/credentials/AllMySmsApi.credentials.js').AllMySmsApi,
};
