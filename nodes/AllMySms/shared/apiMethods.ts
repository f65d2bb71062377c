/**
 * What the transport needs to know about each AllMySMS method: its path, its XML/JSON flow, how
 * its answer tells success from failure, and how to normalise the answer so that JSON and XML
 * give the same items. Paths in answers: `a.b` reaches into an object, `a[].b` into a list.
 */
export interface ApiMethod {
	/** As the manual writes it. */
	path: string;
	/** Form field carrying the flow (`smsData`…, root element DATA), and its CDATA fields. */
	payloadField?: string;
	cdataFields?: string[];
	/**
	 * Flow lists nested in XML, field → entry element (`<STRUCTURE><FIELD>…</FIELD></STRUCTURE>`,
	 * annex 7). Other lists repeat their own element (`<SMS>…</SMS><SMS>…</SMS>`).
	 */
	flowLists?: Record<string, string>;
	/** The JSON flow is `{"DATA": [{…}]}` (annexes 8, 10, 12). */
	flowDataArray?: boolean;
	/**
	 * How the answer says failure, besides a non-empty `error` field:
	 * - `send`: annex 2 (100 sent, 101 scheduled, anything else fails); `voiceSend`: the same
	 *   codes as annex 13 explains them;
	 * - `read`: an `error` field, or an annex 2 failure status such as 102, instead of the data;
	 * - `flag`: `status` 0 (annexes 6, 9, 11, most management methods);
	 * - `campaignDeletion`: annex 4, anything but `OK` (CAMPNOTFOUND…);
	 * - `subAccountCredits`: section 24, numeric statuses 0-5 (success: `OK` or the new figures).
	 */
	statusKind: 'send' | 'voiceSend' | 'read' | 'flag' | 'campaignDeletion' | 'subAccountCredits';
	/** Answer lists, container → repeated XML element: always output as arrays. */
	lists?: Record<string, string>;
	/**
	 * Fields output under one name whatever the manual's spelling (`tppa`, `tboa` for `tpoa`…).
	 * Applied after `lists`, before `numbers` and `booleans`; a field already under the new name wins.
	 */
	renames?: Record<string, string>;
	/** Output as numbers (XML gives text, JSON sometimes strings). */
	numbers?: string[];
	/** Output as booleans (`true`/`false`, `1`/`0` or an empty element in XML). */
	booleans?: string[];
	/** `|`-separated phone numbers, output as arrays. */
	numberLists?: string[];
	/** Secrets the API echoes back: never output. */
	hidden?: string[];
	/** The list (or object) whose entries become the output items; else the whole answer is one. */
	itemsFrom?: string;
	/** Output name of an entry that is a plain value (a domain name…). */
	itemKey?: string;
	/** Answer fields copied into every item (`cliMsgId`…). */
	keepFields?: string[];
	/** The status and text of a "nothing found" answer (no items); with another text, a refusal. */
	empty?: { status: number; text: RegExp };
}

const SMS_FLOW = { payloadField: 'smsData', cdataFields: ['MESSAGE'] };

const METHODS = {
	sendSms: {
		path: '/sendSms/',
		...SMS_FLOW,
		statusKind: 'send',
		lists: { smsIds: 'sms', discardedNumbersDetails: 'discardedNumber' },
		numbers: ['status', 'credits', 'creditsUsed', 'nbContacts', 'nbSms', 'balance', 'cost'],
		numberLists: ['invalidNumbers'],
	},
	simulateCampaign: {
		path: '/simulateCampaign/',
		...SMS_FLOW,
		statusKind: 'send',
		lists: { discardedNumbersDetails: 'discardedNumber' },
		numbers: ['status', 'nbCredits', 'nbContacts', 'nbSms', 'balance', 'cost'],
		numberLists: ['invalidNumbers'],
	},
	// Section 6: the simplified URL is the base URL itself, parameters as plain form fields.
	simpleSms: {
		path: '/',
		statusKind: 'send',
		numbers: ['status', 'credits', 'balance', 'cost'],
		numberLists: ['invalidNumbers'],
	},
	getInfo: {
		path: '/getInfo/',
		statusKind: 'read',
		numbers: ['credits', 'nbSms', 'balance', 'alerting'],
		// The answer echoes the API key (17.2); it must never reach an output item.
		hidden: ['apiKey'],
	},
	// Also behind the country dropdowns (methods/loadOptions.ts) and the cost check (rules/cost.ts).
	getPrices: {
		path: '/getPrices/',
		statusKind: 'read',
		lists: { countries: 'country' },
		numbers: [
			'countries[].sms',
			'countries[].directdeposit',
			'countries[].call',
			'countries[].prefix',
		],
		itemsFrom: 'countries',
	},
	getLists: {
		path: '/getLists/',
		statusKind: 'read',
		lists: { lists: 'list' },
		numbers: ['lists[].contacts'],
		// "1 si la table est verrouillée (lecture seule), 0 sinon" (30.2).
		booleans: ['lists[].locked'],
		itemsFrom: 'lists',
	},
	getSubAccounts: {
		path: '/getSubAccounts/',
		statusKind: 'read',
		lists: { subAccounts: 'subAccount' },
		numbers: ['total', 'subAccounts[].Credits', 'subAccounts[].Balance'],
		itemsFrom: 'subAccounts',
		// "Si vous n'avez pas de sous compte… status 0, No subaccount found" (23). A wrong key
		// gets status 0 too, with another text.
		empty: { status: 0, text: /^no ?sub-?accounts? found\.?$/i },
	},
	// ── Delivery reports, replies, campaigns ──
	// Section 9's examples call the ack status `statut` (its field list `status`); getAckBySmsId
	// (10), the webhooks and the trigger say `status`, as every delivery report output does.
	getAcks: {
		path: '/getAcks/',
		statusKind: 'read',
		lists: { acks: 'ack' },
		renames: { 'acks[].statut': 'status' },
		numbers: ['acks[].status'],
		itemsFrom: 'acks',
		keepFields: ['cliMsgId'],
	},
	getAckBySmsId: {
		path: '/getAckBySmsId/',
		statusKind: 'read',
		renames: { statut: 'status' },
		numbers: ['status'],
	},
	// Sections 11-13 spell the sender `tppa` (11 XML, 12), `tpoa` (11 JSON) and `tboa` (13), the
	// contact lists `lists` (12-13 XML) or `usedLists` (JSON): the output says `tpoa`, `usedLists`.
	getCampaignStats: {
		path: '/getCampaignStats/',
		statusKind: 'read',
		lists: { 'campaign.msisdnList': 'sms' },
		renames: { 'campaign.tppa': 'tpoa', 'campaign.tboa': 'tpoa', 'campaign.lists': 'usedLists' },
		numbers: [
			'campaign.nbSms',
			'campaign.nbContacts',
			'campaign.delivered',
			'campaign.undelivered',
			'campaign.pending',
			'campaign.error',
			'campaign.invalid',
			'campaign.stop',
			'campaign.mo',
			'campaign.click',
			'campaign.uniqueClick',
			'campaign.msisdnList[].status',
			'campaign.msisdnList[].clicks',
		],
		booleans: ['campaign.tracking'],
		itemsFrom: 'campaign',
	},
	getCampaignInfo: {
		path: '/getCampaignInfo/',
		statusKind: 'read',
		renames: { 'campaign.tppa': 'tpoa', 'campaign.tboa': 'tpoa', 'campaign.lists': 'usedLists' },
		numbers: ['campaign.nbSms', 'campaign.nbContacts'],
		booleans: ['campaign.tracking'],
		itemsFrom: 'campaign',
	},
	getCampaignsInfo: {
		path: '/getCampaignsInfo/',
		statusKind: 'read',
		lists: { campaigns: 'campaign' },
		renames: {
			'campaigns[].tboa': 'tpoa',
			'campaigns[].tppa': 'tpoa',
			'campaigns[].lists': 'usedLists',
		},
		numbers: ['campaigns[].nbSms', 'campaigns[].nbContacts'],
		booleans: ['campaigns[].tracking'],
		itemsFrom: 'campaigns',
	},
	// Reply ids (`id`) stay text, like every identifier.
	getPulls: {
		path: '/getPulls/',
		statusKind: 'read',
		lists: { mos: 'mo' },
		itemsFrom: 'mos',
	},
	getPull: {
		path: '/getPull/',
		statusKind: 'read',
		lists: { mos: 'mo' },
		itemsFrom: 'mos',
		keepFields: ['cliMsgId'],
	},
	getPullBySmsId: {
		path: '/getPullBySmsId/',
		statusKind: 'read',
	},
	deleteCampaign: {
		path: '/deleteCampaign/',
		statusKind: 'campaignDeletion',
	},
	// ── Blacklist, sub-accounts, prices and credits, URLs ──
	// Section 18. The JSON example (`[ "blacklist": [...] ]`) is not JSON; the XML example is an
	// object holding a `blacklist` list of `contact`s, so the API answers {"blacklist": [...]}.
	getBlacklist: {
		path: '/getBlacklist/',
		statusKind: 'read',
		lists: { blacklist: 'contact' },
		itemsFrom: 'blacklist',
	},
	// Section 19, path spelled as the manual spells it (the API's paths are case-insensitive).
	// Its XML root is <deleteList> in the manual (copied from section 29): any root is read.
	deleteBlacklistEntry: {
		path: '/deleteblacklistentry/',
		statusKind: 'flag',
		numbers: ['status'],
	},
	// Sections 21-22: the answer's text is under `text` (annex 6), not `statusText`.
	createSubAccount: {
		path: '/createSubAccount/',
		payloadField: 'accountData',
		statusKind: 'flag',
		numbers: ['status'],
	},
	updateSubAccount: {
		path: '/updateSubAccount/',
		payloadField: 'accountData',
		statusKind: 'flag',
		numbers: ['status'],
	},
	// Section 24. The XML example has `status` OK and one <subAccount>; the JSON example no
	// status and a list of one `subAccount`: both read as a list, one item per sub-account.
	manageSubAccountCredits: {
		path: '/manageSubAccountCredits/',
		statusKind: 'subAccountCredits',
		lists: { subAccount: 'subAccount' },
		numbers: ['subAccount[].Credits', 'subAccount[].Balance'],
		itemsFrom: 'subAccount',
	},
	deleteSubAccount: {
		path: '/deleteSubAccount/',
		statusKind: 'flag',
		numbers: ['status'],
	},
	// Section 32. The JSON example gives strings; its `cost` of "15" repeats the credits, but
	// `cost` is documented in euros.
	getCreditsByCountryIsoCode: {
		path: '/getCreditsByCountryIsoCode/',
		statusKind: 'read',
		numbers: ['nbCredits', 'cost'],
	},
	shortenUrl: {
		path: '/shortenUrl/',
		statusKind: 'read',
	},
	// Section 35 (numbered 35 in the body, the table of contents has no entry), path as spelled.
	getShortUrlDomains: {
		path: '/getshorturldomains/',
		statusKind: 'read',
		lists: { domains: 'domain' },
		itemsFrom: 'domains',
		itemKey: 'domain',
	},
	// ── Contact lists, voice ──
	// Section 26's parameter table is empty; its flow is headed "FLUX LISTDATA" (as smsData in
	// 7.2): the form field is `listData`. Annex 7 nests the fields in XML, lists them in JSON.
	createList: {
		path: '/createList/',
		payloadField: 'listData',
		flowLists: { STRUCTURE: 'FIELD' },
		statusKind: 'flag',
		numbers: ['status'],
	},
	// Annexes 8 and 10: <CONTACTS><CONTACT> in XML; in JSON, DATA is an array holding the flow
	// (annex 1's smsData DATA is an object). Each annex is followed as written.
	populateList: {
		path: '/populateList/',
		payloadField: 'populateData',
		flowLists: { CONTACTS: 'CONTACT' },
		flowDataArray: true,
		statusKind: 'flag',
		numbers: ['status', 'success', 'ignored', 'duplicated'],
	},
	deleteContacts: {
		path: '/deleteContacts/',
		payloadField: 'deleteData',
		flowLists: { CONTACTS: 'CONTACT' },
		flowDataArray: true,
		statusKind: 'flag',
		numbers: ['status', 'success', 'ignored', 'duplicated'],
	},
	deleteList: {
		path: '/deleteList/',
		statusKind: 'flag',
		numbers: ['status'],
	},
	// Contact fields stay text: phone numbers and whatever the list's own fields hold.
	getContacts: {
		path: '/getContacts/',
		statusKind: 'read',
		lists: { contacts: 'contact' },
		itemsFrom: 'contacts',
	},
	// Section 36: the manual writes the path without a trailing slash. Always a JSON answer.
	simpleVocal: {
		path: '/simpleVocal',
		statusKind: 'voiceSend',
		numbers: ['status', 'credits', 'balance', 'cost'],
		numberLists: ['invalidNumbers'],
	},
	// Section 37's example names the rejected numbers `invalidEmails` (a copy from an e-mail
	// service); the output calls them `invalidNumbers`, like every other send. Annex 12: DATA
	// is an array in JSON, and each recipient is its own <VOCALS> element in XML.
	sendVocal: {
		path: '/sendVocal/',
		payloadField: 'vocalData',
		flowDataArray: true,
		statusKind: 'voiceSend',
		renames: { invalidEmails: 'invalidNumbers' },
		numbers: ['status', 'credits', 'balance', 'cost'],
		numberLists: ['invalidNumbers'],
	},
	// 38.2's example leaves `status` empty; the code is text (it may start with 0).
	createCode: {
		path: '/createCode/',
		statusKind: 'flag',
		numbers: ['status'],
	},
	// One item: the `media` envelope (its own `status` is the recording's, RECORDED…).
	getMedia: {
		path: '/getMedia',
		statusKind: 'flag',
		numbers: ['status', 'media.duration'],
		itemsFrom: 'media',
	},
	// The base64 `file` becomes binary data (resources/voice/downloadMedia.ts).
	downloadMedia: {
		path: '/downloadMedia',
		statusKind: 'flag',
		numbers: ['status'],
	},
	// ── Webhooks ──
	// Section 41: one delivery-report URL and one reply URL per account; '' when none is set.
	getWebhook: {
		path: '/getWebhook/',
		statusKind: 'read',
	},
	// Sections 42-43: `status` 0 (failure) or 1, with `statusText`. The examples print
	// `"status": ""`, so the status may come as text: read as a number.
	configureWebhook: {
		path: '/configureWebhook/',
		statusKind: 'flag',
		numbers: ['status'],
	},
	deleteWebhook: {
		path: '/deleteWebhook/',
		statusKind: 'flag',
		numbers: ['status'],
	},
} satisfies Record<string, ApiMethod>;

export type ApiMethodName = keyof typeof METHODS;

export const API_METHODS: Record<ApiMethodName, ApiMethod> = METHODS;

export function isApiMethodName(name: string): name is ApiMethodName {
	return Object.prototype.hasOwnProperty.call(API_METHODS, name);
}
