import type { INodeExecutionData } from 'n8n-workflow';

import { runAllMySmsChain } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await account.sandbox.close();
});

/** What an Aggregate node makes of three rows: one item holding the list of contacts. */
const aggregated = {
	listName: 'Newsletter',
	contacts: [
		{ phone: '06 12 34 56 78', firstName: 'Ada', shop: 'Nice', email: 'ada@example.com' },
		{ phone: '+33712345678', firstName: 'Grace', shop: 'Lyon', email: 'grace@example.com' },
		{ phone: '0687654321', firstName: 'Margaret', shop: 'Nice' },
	],
};

test('one workflow creates a list, fills it in one request, reads it back, deletes two contacts in one request, then the list', async () => {
	const listName = "={{ $('Items').first().json.listName }}";
	const after: Record<
		string,
		{
			lists: string[];
			contacts: Array<Record<string, string>> | undefined;
			items: INodeExecutionData[];
		}
	> = {};
	const { items, error } = await runAllMySmsChain({
		credentials: account.credentials,
		input: [aggregated],
		steps: [
			{
				name: 'Create List',
				parameters: {
					resource: 'contactList',
					operation: 'createList',
					listName: '={{ $json.listName }}',
					structure: {
						field: [
							{ name: 'Firstname', filter: false },
							{ name: 'Shop', filter: true },
						],
					},
				},
			},
			{
				name: 'Add Contacts',
				parameters: {
					resource: 'contactList',
					operation: 'populateList',
					listName,
					contactsFrom: 'list',
					contacts: "={{ $('Items').first().json.contacts }}",
					phoneProperty: 'phone',
					fieldMapping: {
						mapping: [
							{ field: 'Firstname', property: 'firstName' },
							{ field: 'Shop', property: 'shop' },
						],
					},
				},
			},
			{
				name: 'Get Contacts',
				parameters: { resource: 'contactList', operation: 'getContacts', listName },
			},
			{
				// The contacts of the Nice shop, as read back, removed in one request.
				name: 'Delete Contacts',
				executeOnce: true,
				parameters: {
					resource: 'contactList',
					operation: 'deleteContacts',
					listName,
					contactsFrom: 'list',
					contacts:
						"={{ $('Get Contacts').all().map(item => item.json).filter(contact => contact.Shop === 'Nice') }}",
					phoneProperty: 'MobilePhone',
				},
			},
			{
				name: 'Delete List',
				executeOnce: true,
				parameters: { resource: 'contactList', operation: 'deleteList', listName },
			},
		],
		afterNode: (nodeName, nodeItems) => {
			const lists = account.sandbox.state.account(account.login).lists;
			after[nodeName] = {
				lists: [...lists.keys()],
				contacts: structuredClone(lists.get('Newsletter')?.contacts),
				items: nodeItems,
			};
		},
	});
	expect(error).toBeUndefined();

	// 1. The list exists, with its two fields and no contact.
	expect(after['Create List'].lists).toEqual(['Newsletter']);
	expect(after['Create List'].contacts).toEqual([]);
	expect(items['Create List'].map((item) => item.json)).toEqual([
		{ status: 1, statusText: 'database successfully populated' },
	]);
	const [create] = requestsTo(account.sandbox, 'createList');
	expect(create.smsData?.data).toEqual({
		DATA: {
			LISTNAME: 'Newsletter',
			STRUCTURE: [
				{ FIELDNAME: 'Firstname', FILTER: '0' },
				{ FIELDNAME: 'Shop', FILTER: '1' },
			],
		},
	});

	// 2. Three contacts, mapped to the list's fields, in ONE populateList request.
	const populates = requestsTo(account.sandbox, 'populateList');
	expect(populates).toHaveLength(1);
	expect(populates[0].smsData?.data).toEqual({
		DATA: [
			{
				LISTNAME: 'Newsletter',
				CONTACTS: [
					{ MOBILEPHONE: '0612345678', Firstname: 'Ada', Shop: 'Nice' },
					{ MOBILEPHONE: '+33712345678', Firstname: 'Grace', Shop: 'Lyon' },
					{ MOBILEPHONE: '0687654321', Firstname: 'Margaret', Shop: 'Nice' },
				],
			},
		],
	});
	expect(after['Add Contacts'].contacts).toEqual([
		{ MobilePhone: '33612345678', Firstname: 'Ada', Shop: 'Nice' },
		{ MobilePhone: '33712345678', Firstname: 'Grace', Shop: 'Lyon' },
		{ MobilePhone: '33687654321', Firstname: 'Margaret', Shop: 'Nice' },
	]);
	expect(items['Add Contacts'].map((item) => item.json)).toEqual([
		{
			listName: 'Newsletter',
			status: 1,
			statusText: 'list Newsletter successfully populated',
			success: 3,
			ignored: 0,
			duplicated: 0,
			contactsSent: 3,
		},
	]);

	// 3. Read back: one item per contact.
	expect(items['Get Contacts'].map((item) => item.json)).toEqual(after['Add Contacts'].contacts);
	expect(after['Get Contacts'].contacts).toHaveLength(3);

	// 4. Two contacts deleted in one request; Grace stays.
	const deletes = requestsTo(account.sandbox, 'deleteContacts');
	expect(deletes).toHaveLength(1);
	expect(deletes[0].smsData?.data).toEqual({
		DATA: [
			{
				LISTNAME: 'Newsletter',
				CONTACTS: [{ MOBILEPHONE: '33612345678' }, { MOBILEPHONE: '33687654321' }],
			},
		],
	});
	expect(after['Delete Contacts'].contacts).toEqual([
		{ MobilePhone: '33712345678', Firstname: 'Grace', Shop: 'Lyon' },
	]);
	expect(items['Delete Contacts'].map((item) => item.json)).toEqual([
		{
			listName: 'Newsletter',
			status: 1,
			statusText: 'list Newsletter successfully updated',
			success: 2,
			ignored: 0,
			duplicated: 0,
			contactsSent: 2,
		},
	]);

	// 5. The list is gone.
	expect(after['Delete List'].lists).toEqual([]);
	expect(items['Delete List'].map((item) => item.json)).toEqual([
		{ status: 1, statusText: 'list Newsletter has been successfully deleted' },
	]);
});
