import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

import type { ICredentialType, INodeType } from 'n8n-workflow';

/**
 * The built package as n8n loads it: the files listed in package.json's "n8n" field, each
 * exporting a class named after its file, with their icons and codex beside them.
 * (`npm test` builds first.)
 */

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	name: string;
	keywords: string[];
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
};

function load<T>(path: string, suffix: string): T {
	const className = basename(path, suffix);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(join(root, path)) as Record<string, new () => T>;
	expect(Object.keys(exported)).toContain(className);
	return new exported[className]();
}

function iconFiles(icon: unknown): string[] {
	const paths = typeof icon === 'string' ? [icon] : Object.values(icon as Record<string, string>);
	return paths.map((path) => path.replace(/^file:/, ''));
}

test('package.json declares what n8n needs', () => {
	expect(pkg.name).toBe('n8n-nodes-allmysms');
	expect(pkg.keywords).toContain('n8n-community-node-package');
	expect(pkg.n8n.credentials).toEqual(['dist/credentials/AllMySmsApi.credentials.js']);
	expect(pkg.n8n.nodes).toContain('dist/nodes/AllMySms/AllMySms.node.js');
	// n8n installs community packages without dependencies: fast-xml-parser is bundled into dist.
	expect(pkg.dependencies ?? {}).toEqual({});
	expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
});

describe('the XML module as shipped (dist/, fast-xml-parser bundled in)', () => {
	const shipped = join(root, 'dist/nodes/AllMySms/shared/xml.js');
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const xml = require(shipped) as typeof import('../nodes/AllMySms/shared/xml');

	test('needs no package at run time, and carries the bundled licences', () => {
		const code = readFileSync(shipped, 'utf8');
		expect(code).not.toMatch(/require\(["']fast-xml-parser["']\)/);
		expect(code).toContain('fast-xml-parser@');
		expect(code).toContain('MIT License');
	});

	test('parses an XML answer, keeping phone numbers as text', () => {
		const answer = xml.parseXml(
			'<?xml version="1.0" encoding="UTF-8"?><getAcks><acks><ack><phoneNumber>0612345678</phoneNumber><status>1</status></ack></acks></getAcks>',
		);
		expect(answer).toEqual({
			ok: true,
			document: { getAcks: { acks: { ack: { phoneNumber: '0612345678', status: '1' } } } },
		});
	});

	test('builds an XML flow with CDATA', () => {
		expect(
			xml.buildXml('DATA', { MESSAGE: 'Café <b> & co', SMS: [{ MOBILEPHONE: '33612345678' }] }, [
				'MESSAGE',
			]),
		).toBe(
			'<DATA><MESSAGE><![CDATA[Café <b> & co]]></MESSAGE><SMS><MOBILEPHONE>33612345678</MOBILEPHONE></SMS></DATA>',
		);
	});
});

test.each(pkg.n8n.credentials)('%s loads, with its icons', (path) => {
	const credential = load<ICredentialType>(path, '.credentials.js');
	expect(credential.name).toBe('allMySmsApi');
	expect(credential.properties.map((property) => property.name)).toEqual([
		'login',
		'apiKey',
		'subAccount',
		'baseUrl',
	]);
	expect(
		credential.properties.find((property) => property.name === 'apiKey')?.typeOptions?.password,
	).toBe(true);
	for (const icon of iconFiles(credential.icon))
		expect(existsSync(join(root, dirname(path), icon))).toBe(true);
});

test.each(pkg.n8n.nodes)('%s loads, with its icons and codex', (path) => {
	const node = load<INodeType>(path, '.node.js');
	const { description } = node;
	for (const icon of iconFiles(description.icon))
		expect(existsSync(join(root, dirname(path), icon))).toBe(true);
	expect(existsSync(join(root, path.replace(/\.js$/, '.json')))).toBe(true);
	expect(description.credentials?.map((credential) => credential.name)).toEqual(['allMySmsApi']);
});

/** Every method of the manual, as CONTRACT.md names the operations. */
const CONTRACT_OPERATIONS = [
	'sendSms',
	'simulateCampaign',
	'getAcks',
	'getAckBySmsId',
	'getCampaignStats',
	'getCampaignInfo',
	'getCampaignsInfo',
	'getPulls',
	'getPull',
	'getPullBySmsId',
	'getInfo',
	'getBlacklist',
	'deleteBlacklistEntry',
	'deleteCampaign',
	'createSubAccount',
	'updateSubAccount',
	'getSubAccounts',
	'manageSubAccountCredits',
	'deleteSubAccount',
	'createList',
	'populateList',
	'deleteContacts',
	'deleteList',
	'getLists',
	'getContacts',
	'getCreditsByCountryIsoCode',
	'getPrices',
	'shortenUrl',
	'getShortUrlDomains',
	'simpleVocal',
	'sendVocal',
	'createCode',
	'getMedia',
	'downloadMedia',
	'getWebhook',
	'configureWebhook',
	'deleteWebhook',
	'simpleSms',
	'sendAndWait',
];

test('every method of the manual is an operation, under its own name', () => {
	const node = load<INodeType>('dist/nodes/AllMySms/AllMySms.node.js', '.node.js');
	const operations = node.description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as Array<{ value: string }>).map((option) => option.value),
		);
	expect([...operations].sort()).toEqual([...CONTRACT_OPERATIONS].sort());
});
