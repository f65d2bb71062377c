/**
 * Every operation of the node, run once as a tool the way n8n's MCP Server Trigger and AI Agent
 * 1.x/2.x run it (`makeHandleToolInvocation` → the node type's `execute`), each reaching the
 * sandbox with the arguments the model gave. Before the node had its own `execute`, n8n gave it
 * one that runs the routing only, and the sends, Simulate Campaign and the contact list updates
 * went out empty (issue 14).
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { AllMySms } from '../../nodes/AllMySms/AllMySms.node';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { futureDay } from '../helpers/dates';
import { allMySmsTool, fromAi } from '../helpers/tool';

const AUDIO_URL = 'https://example.com/message.mp3';

interface ToolCase {
	resource: string;
	operation: string;
	parameters?: INodeParameters;
	/** What the model passes; a function reads what earlier calls returned. */
	args?: IDataObject | (() => IDataObject);
	/** What the answer handed to the model must contain. */
	expectInResult?: (result: unknown[]) => void;
	/** AllMySMS refuses the call (state the sandbox does not have): the model gets its error. */
	refused?: RegExp;
}

const state: {
	campaignId?: string;
	smsId?: string;
	scheduledCampaignId?: string;
	voiceCode?: string;
} = {};

const sms = (extra: INodeParameters = {}): INodeParameters => ({
	messageCategory: 'transactional',
	phoneNumbers: fromAi('phoneNumbers', 'Mobile numbers, comma-separated'),
	message: fromAi('message', 'The text of the SMS'),
	...extra,
});

// In the order a user would meet them: what a call creates, a later call reads.
const CASES: ToolCase[] = [
	{
		resource: 'account',
		operation: 'getInfo',
		expectInResult: (result) => expect(result[0]).toHaveProperty('credits'),
	},
	{
		resource: 'account',
		operation: 'getCreditsByCountryIsoCode',
		parameters: { countryIsoCode: fromAi('country') },
		args: { country: 'fr' },
	},
	{ resource: 'account', operation: 'getPrices' },
	{
		resource: 'sms',
		operation: 'sendSms',
		parameters: sms(),
		args: { phoneNumbers: '+33612345678', message: 'Your parcel arrives today' },
		expectInResult: (result) => {
			const answer = result[0] as IDataObject;
			state.campaignId = String(answer.campaignId);
			state.smsId = String((answer.smsIds as IDataObject[])[0].smsId);
			expect(state.smsId).toMatch(/\w/);
		},
	},
	{
		resource: 'sms',
		operation: 'simpleSms',
		parameters: sms(),
		args: { phoneNumbers: '0612345679', message: 'Door code 4821' },
	},
	{
		resource: 'sms',
		operation: 'simulateCampaign',
		parameters: sms(),
		args: { phoneNumbers: '0612345670', message: 'How many credits?' },
	},
	{
		resource: 'sms',
		operation: 'sendSms',
		parameters: sms({ options: { sendAt: fromAi('sendAt') } }),
		args: {
			phoneNumbers: '0612345671',
			message: 'Scheduled reminder',
			sendAt: `${futureDay(4, 1, 15, 3)}T10:00:00`,
		},
		expectInResult: (result) => {
			state.scheduledCampaignId = String((result[0] as IDataObject).campaignId);
		},
	},
	{
		resource: 'deliveryReport',
		operation: 'getAcks',
		parameters: { campaignId: fromAi('campaignId') },
		args: () => ({ campaignId: state.campaignId }),
	},
	{
		resource: 'deliveryReport',
		operation: 'getAckBySmsId',
		parameters: { smsId: fromAi('smsId') },
		args: () => ({ smsId: state.smsId }),
	},
	{
		resource: 'reply',
		operation: 'getPull',
		parameters: { campaignId: fromAi('campaignId') },
		args: () => ({ campaignId: state.campaignId }),
	},
	{
		resource: 'reply',
		operation: 'getPullBySmsId',
		parameters: { smsId: fromAi('smsId') },
		args: () => {
			account.sandbox.state.addReply(String(state.smsId), 'Thanks!');
			return { smsId: state.smsId };
		},
		expectInResult: (result) => expect(JSON.stringify(result)).toContain('Thanks!'),
	},
	{ resource: 'reply', operation: 'getPulls', parameters: { limit: 10 } },
	{
		resource: 'campaign',
		operation: 'getCampaignStats',
		parameters: { campaignId: fromAi('campaignId') },
		args: () => ({ campaignId: state.campaignId }),
	},
	{
		resource: 'campaign',
		operation: 'getCampaignInfo',
		parameters: { campaignId: fromAi('campaignId') },
		args: () => ({ campaignId: state.campaignId }),
	},
	{
		resource: 'campaign',
		operation: 'getCampaignsInfo',
		parameters: { startDate: fromAi('startDate'), endDate: fromAi('endDate'), returnAll: true },
		args: { startDate: '2020-01-01', endDate: futureDay(5, 1, 1, 1) },
	},
	{
		resource: 'campaign',
		operation: 'deleteCampaign',
		parameters: { campaignId: fromAi('campaignId') },
		args: () => ({ campaignId: state.scheduledCampaignId }),
	},
	{ resource: 'blacklist', operation: 'getBlacklist' },
	{
		resource: 'blacklist',
		operation: 'deleteBlacklistEntry',
		parameters: { phoneNumber: fromAi('phoneNumber') },
		args: { phoneNumber: '0611111111' },
		refused: /AllMySMS/,
	},
	{
		resource: 'subAccount',
		operation: 'createSubAccount',
		parameters: {
			subAccountLogin: fromAi('login'),
			password: 'secret-123',
			firstName: 'Ada',
			lastName: 'Shop',
			email: fromAi('email'),
		},
		args: { login: 'acme_shop', email: 'shop@example.com' },
	},
	{
		resource: 'subAccount',
		operation: 'updateSubAccount',
		parameters: { subAccount: fromAi('login'), options: { city: fromAi('city') } },
		args: { login: 'acme_shop', city: 'Lyon' },
	},
	{
		resource: 'subAccount',
		operation: 'manageSubAccountCredits',
		parameters: { subAccount: fromAi('login'), credits: fromAi('credits', '', 'number') },
		args: { login: 'acme_shop', credits: 50 },
	},
	{ resource: 'subAccount', operation: 'getSubAccounts' },
	{
		resource: 'subAccount',
		operation: 'deleteSubAccount',
		parameters: { loginToDelete: fromAi('login') },
		args: { login: 'acme_shop' },
	},
	{
		resource: 'contactList',
		operation: 'createList',
		parameters: { listName: fromAi('listName') },
		args: { listName: 'Clients' },
	},
	{
		resource: 'contactList',
		operation: 'populateList',
		parameters: { listName: 'Clients', mobilePhone: fromAi('mobilePhone') },
		args: { mobilePhone: '0622222222' },
	},
	{
		resource: 'contactList',
		operation: 'getContacts',
		parameters: { listName: fromAi('listName') },
		args: { listName: 'Clients' },
	},
	{ resource: 'contactList', operation: 'getLists' },
	{
		resource: 'contactList',
		operation: 'deleteContacts',
		parameters: { listName: 'Clients', mobilePhones: fromAi('mobilePhones') },
		args: { mobilePhones: '0622222222' },
	},
	{
		resource: 'contactList',
		operation: 'deleteList',
		parameters: { listName: fromAi('listName') },
		args: { listName: 'Clients' },
	},
	{
		resource: 'voice',
		operation: 'createCode',
		parameters: { options: { label: fromAi('label') } },
		args: { label: 'Opening hours' },
		expectInResult: (result) => {
			state.voiceCode = String((result[0] as IDataObject).code);
		},
	},
	{
		resource: 'voice',
		operation: 'getMedia',
		parameters: { code: fromAi('code') },
		args: () => ({ code: state.voiceCode }),
		refused: /AllMySMS/,
	},
	{
		resource: 'voice',
		operation: 'downloadMedia',
		parameters: { code: fromAi('code') },
		args: () => ({ code: state.voiceCode }),
		refused: /AllMySMS/,
	},
	{
		resource: 'voice',
		operation: 'sendVocal',
		parameters: {
			phoneNumbers: fromAi('phoneNumbers'),
			audioUrl: AUDIO_URL,
			sender: '01 23 45 67 89',
			messageCategory: 'transactional',
		},
		args: { phoneNumbers: '0612345672' },
	},
	{
		resource: 'voice',
		operation: 'simpleVocal',
		parameters: {
			phoneNumbers: fromAi('phoneNumbers'),
			audioUrl: AUDIO_URL,
			sender: '01 23 45 67 89',
			messageCategory: 'transactional',
		},
		args: { phoneNumbers: '0612345673' },
	},
	{
		resource: 'url',
		operation: 'shortenUrl',
		parameters: { url: fromAi('url') },
		args: { url: 'https://www.example.com/offers/42' },
	},
	{ resource: 'url', operation: 'getShortUrlDomains' },
	{ resource: 'webhook', operation: 'getWebhook' },
	{
		resource: 'webhook',
		operation: 'configureWebhook',
		parameters: { type: 'mo', url: fromAi('url') },
		args: { url: 'http://127.0.0.1:9/nothing-listens' },
		refused: /AllMySMS/,
	},
	{ resource: 'webhook', operation: 'deleteWebhook', parameters: { type: 'mo' } },
];

let account: TestAccount;

beforeAll(async () => {
	account = await sandboxWithAccount({ credits: 100_000 });
});
afterAll(async () => await account.sandbox.close());

test('the cases cover every operation of the node', () => {
	const declared = new AllMySms().description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((property) =>
			(property.options ?? []).map((option) => String((option as { value: string }).value)),
		);
	expect(new Set([...CASES.map((entry) => entry.operation), 'sendAndWait'])).toEqual(
		new Set(declared),
	);
	expect(declared).toHaveLength(39);
});

test('SMS → Send and Wait as a tool of the MCP Server Trigger or AI Agent 1.x/2.x: refused before anything is sent, n8n cannot pause there', async () => {
	const tool = allMySmsTool({
		credentials: account.credentials,
		parameters: { resource: 'sms', operation: 'sendAndWait', ...sms() },
	});
	const before = requestsTo(account.sandbox, 'sendSms').length;
	await expect(
		tool.call({ phoneNumbers: '0639980001', message: 'Do you confirm? YES or NO' }),
	).rejects.toThrow(
		/cannot run as a tool of the MCP Server Trigger or of an AI Agent before version 3/,
	);
	expect(requestsTo(account.sandbox, 'sendSms').length).toBe(before);
});

describe.each(CASES.map((entry) => [`${entry.resource} → ${entry.operation}`, entry] as const))(
	'%s as a tool',
	(_title, entry) => {
		test('reaches AllMySMS with the arguments the model gave, and hands the answer back', async () => {
			const tool = allMySmsTool({
				credentials: account.credentials,
				parameters: { resource: entry.resource, operation: entry.operation, ...entry.parameters },
			});
			const before = requestsTo(account.sandbox, entry.operation).length;
			const args = typeof entry.args === 'function' ? entry.args() : (entry.args ?? {});
			let result: unknown[] | undefined;
			let failure: Error | undefined;
			try {
				result = JSON.parse(await tool.call(args)) as unknown[];
			} catch (error) {
				failure = error as Error;
			}
			const requests = requestsTo(account.sandbox, entry.operation).slice(before);
			expect(requests.length).toBeGreaterThanOrEqual(1);
			// The model's arguments are in what reached AllMySMS.
			const sent = JSON.stringify(requests.map((request) => request.form));
			for (const value of Object.values(args)) {
				const text = String(value);
				if (/^\d{4}-\d\d-\d\d/.test(text) || text === 'fr') continue; // dates and codes are reformatted
				expect(sent).toContain(text.replace(/^0(?=6)/, '').replace(/^\+33/, ''));
			}
			expect(sent).not.toMatch(/"smsData":"\{\\"DATA\\":\{\}\}"/);
			if (entry.refused && failure) {
				expect(failure.message).toMatch(entry.refused);
				return;
			}
			expect(failure).toBeUndefined();
			expect(Array.isArray(result)).toBe(true);
			expect(JSON.stringify(result)).not.toContain(account.apiKey);
			entry.expectInResult?.(result ?? []);
		});
	},
);
