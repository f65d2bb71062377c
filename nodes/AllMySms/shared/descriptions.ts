import type { INodeProperties } from 'n8n-workflow';

/** The wire format of the request's flow and of the answer; both carry the same data. */
export const requestFormatOption: INodeProperties = {
	displayName: 'Request Format',
	name: 'requestFormat',
	type: 'options',
	options: [
		{ name: 'JSON', value: 'json' },
		{ name: 'XML', value: 'xml' },
	],
	default: 'json',
	description:
		'Format of the data exchanged with AllMySMS. Both give the same result; XML is there for setups that only accept XML.',
};
