import { loadOptions, runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
	account.sandbox.state.createAccount({
		login: 'acme_shop',
		apiKey: 'shop-key',
		credits: 10,
		subAccountOf: account.login,
	});
});

afterEach(async () => {
	await account.sandbox.close();
});

const listsOf = (login: string) => account.sandbox.state.account(login).lists;

function addList(login: string, name: string, contacts: number, locked = false): void {
	listsOf(login).set(name, {
		name,
		locked,
		creationDate: new Date('2025-01-25T10:00:00Z'),
		fields: [],
		contacts: Array.from({ length: contacts }, (_, index) => ({
			MobilePhone: `3361111111${index}`,
		})),
	});
}

describe('createList', () => {
	test('XML: listData nests the fields as <STRUCTURE><FIELD>, and the XML answer gives the same output', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'contactList',
				operation: 'createList',
				listName: ' VIP ',
				structure: { field: [{ name: 'Ville', filter: true }, { name: 'Prénom' }] },
				options: { locked: true, requestFormat: 'xml' },
			},
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(account.sandbox, 'createList');
		expect(request.form.listData).toBe(
			'<DATA><LISTNAME>VIP</LISTNAME><LOCKED>1</LOCKED><STRUCTURE><FIELD><FIELDNAME>Ville</FIELDNAME><FILTER>1</FILTER></FIELD><FIELD><FIELDNAME>Prénom</FIELDNAME><FILTER>0</FILTER></FIELD></STRUCTURE></DATA>',
		);
		expect(request.answer.body).toContain('<createList>');
		expect(items.map((item) => item.json)).toEqual([
			{ status: 1, statusText: 'database successfully populated' },
		]);
		expect(listsOf(account.login).get('VIP')).toMatchObject({
			locked: true,
			fields: [
				{ name: 'Ville', filter: true },
				{ name: 'Prénom', filter: false },
			],
		});
	});

	test('a list with only the mobile phone: no STRUCTURE at all', async () => {
		await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'contactList', operation: 'createList', listName: 'Plain' },
		});
		expect(requestsTo(account.sandbox, 'createList')[0].smsData?.data).toEqual({
			DATA: { LISTNAME: 'Plain' },
		});
		expect(listsOf(account.login).get('Plain')?.fields).toEqual([]);
	});

	test.each([
		[
			'a name with spaces',
			[{ name: 'Date de naissance' }],
			'"Date de naissance" is not a field name AllMySMS can store: start with a letter, then letters, digits or underscores only (no spaces)',
		],
		[
			'the built-in phone column',
			[{ name: 'mobilephone' }],
			'"mobilephone" is the list\'s built-in mobile phone column',
		],
		['the same name twice', [{ name: 'Shop' }, { name: 'shop' }], '"shop" is given twice'],
	])('refuses %s before any request', async (_case, field, reason) => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'contactList',
				operation: 'createList',
				listName: 'VIP',
				structure: { field },
			},
		});
		expect(error?.message).toBe(`Invalid "Fields" in item 0: ${reason}`);
		expect(requestsTo(account.sandbox, 'createList')).toHaveLength(0);
	});

	test("an existing name: AllMySMS's refusal, with its text", async () => {
		addList(account.login, 'VIP', 0);
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'contactList', operation: 'createList', listName: 'VIP' },
		});
		expect(error?.message).toBe('AllMySMS: La liste VIP existe déjà (status 0)');
	});

	test('the Sub-account option creates the list for that sub-account (SUBACCOUNT in the flow)', async () => {
		await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'contactList',
				operation: 'createList',
				listName: 'Shop list',
				options: { subAccount: 'acme_shop' },
			},
		});
		expect(requestsTo(account.sandbox, 'createList')[0].smsData?.data).toEqual({
			DATA: { LISTNAME: 'Shop list', SUBACCOUNT: 'acme_shop' },
		});
		expect(listsOf('acme_shop').has('Shop list')).toBe(true);
		expect(listsOf(account.login).size).toBe(0);
	});
});

describe('getLists, getContacts, deleteList', () => {
	test('getLists: one item per list, counts as numbers and locked as a boolean, in JSON and XML alike', async () => {
		addList(account.login, 'Newsletter', 2);
		addList(account.login, 'Staff', 0, true);
		const expected = [
			{ listName: 'Newsletter', contacts: 2, locked: false, creationDate: '2025-01-25' },
			{ listName: 'Staff', contacts: 0, locked: true, creationDate: '2025-01-25' },
		];
		for (const requestFormat of ['json', 'xml']) {
			const { items } = await runAllMySmsNode({
				credentials: account.credentials,
				parameters: { resource: 'contactList', operation: 'getLists', options: { requestFormat } },
			});
			expect(items.map((item) => item.json)).toEqual(expected);
		}
	});

	test('getLists of an account without lists: no items', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'contactList', operation: 'getLists' },
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	test('getContacts of an unknown list: the API reason', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'contactList', operation: 'getContacts', listName: 'Nope' },
		});
		expect(error?.message).toBe("AllMySMS: La liste Nope n'existe pas");
	});

	test('getContacts in XML: one item per contact, phone numbers kept as text', async () => {
		addList(account.login, 'Newsletter', 2);
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'contactList',
				operation: 'getContacts',
				listName: 'Newsletter',
				options: { requestFormat: 'xml' },
			},
		});
		expect(items.map((item) => item.json)).toEqual([
			{ MobilePhone: '33611111110' },
			{ MobilePhone: '33611111111' },
		]);
	});

	test("deleteList in XML, on a sub-account's list", async () => {
		addList('acme_shop', 'Old', 1);
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'contactList',
				operation: 'deleteList',
				listName: 'Old',
				options: { subAccount: 'acme_shop', requestFormat: 'xml' },
			},
		});
		const [request] = requestsTo(account.sandbox, 'deleteList');
		expect(request.form).toEqual(
			expect.objectContaining({ listName: 'Old', subAccount: 'acme_shop', returnformat: 'xml' }),
		);
		expect(items.map((item) => item.json)).toEqual([
			{ status: 1, statusText: 'list Old has been successfully deleted' },
		]);
		expect(listsOf('acme_shop').size).toBe(0);
	});

	test('the list dropdown shows each list with its size, and follows the Sub-account option', async () => {
		addList(account.login, 'Newsletter', 2);
		addList('acme_shop', 'Shop clients', 1);
		await expect(
			loadOptions(account.credentials, 'getContactLists', {
				resource: 'contactList',
				operation: 'getContacts',
			}),
		).resolves.toEqual([{ name: 'Newsletter (2 contacts)', value: 'Newsletter' }]);
		await expect(
			loadOptions(account.credentials, 'getContactLists', {
				resource: 'contactList',
				operation: 'getContacts',
				options: { subAccount: 'acme_shop' },
			}),
		).resolves.toEqual([{ name: 'Shop clients (1 contacts)', value: 'Shop clients' }]);
	});
});
