import { runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
	// A list with two fields of its own, as createList makes it.
	account.sandbox.state.account(account.login).lists.set('Clients', {
		name: 'Clients',
		locked: false,
		creationDate: new Date(),
		fields: [
			{ name: 'Firstname', filter: false },
			{ name: 'Shop', filter: true },
		],
		contacts: [],
	});
});

afterEach(async () => {
	await account.sandbox.close();
});

const contactsOf = () =>
	account.sandbox.state.account(account.login).lists.get('Clients')?.contacts ?? [];

const rows = [
	{ phone: '0611111111', firstName: 'Ada', shop: 'Nice' },
	{ phone: '0622222222', firstName: 'Grace', shop: 'Lyon' },
	{ phone: '0633333333', firstName: 'Margaret', shop: 'Nice' },
];

const fromFields = {
	resource: 'contactList',
	operation: 'populateList',
	listName: 'Clients',
	contactsFrom: 'fields',
	mobilePhone: '={{ $json.phone }}',
	fieldValues: {
		value: [
			{ field: 'Firstname', value: '={{ $json.firstName }}' },
			{ field: 'Shop', value: '={{ $json.shop }}' },
		],
	},
};

const fromList = (contacts: unknown, extra: Record<string, unknown> = {}) => ({
	resource: 'contactList',
	operation: 'populateList',
	listName: 'Clients',
	contactsFrom: 'list',
	contacts: `={{ ${JSON.stringify(contacts)} }}`,
	phoneProperty: 'phone',
	fieldMapping: {
		mapping: [
			{ field: 'Firstname', property: 'firstName' },
			{ field: 'Shop', property: 'shop' },
		],
	},
	...extra,
});

describe('populateList (Add Contacts)', () => {
	test('"One for All Input Items": every input item is a contact, all in ONE request, one output paired with every item', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: rows,
			parameters: { ...fromFields, requestMode: 'allItems' },
		});
		expect(error).toBeUndefined();
		const requests = requestsTo(account.sandbox, 'populateList');
		expect(requests).toHaveLength(1);
		expect(requests[0].smsData?.data).toEqual({
			DATA: [
				{
					LISTNAME: 'Clients',
					CONTACTS: rows.map((row) => ({
						MOBILEPHONE: row.phone,
						Firstname: row.firstName,
						Shop: row.shop,
					})),
				},
			],
		});
		expect(items).toEqual([
			{
				json: {
					listName: 'Clients',
					status: 1,
					statusText: 'list Clients successfully populated',
					success: 3,
					ignored: 0,
					duplicated: 0,
					contactsSent: 3,
				},
				pairedItem: [{ item: 0 }, { item: 1 }, { item: 2 }],
			},
		]);
		expect(contactsOf().map((contact) => contact.Firstname)).toEqual(['Ada', 'Grace', 'Margaret']);
	});

	test('by default each input item makes its own request, with its own output', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: rows.slice(0, 2),
			parameters: fromFields,
		});
		expect(requestsTo(account.sandbox, 'populateList')).toHaveLength(2);
		expect(items.map((item) => [item.json.success, item.pairedItem])).toEqual([
			[1, { item: 0 }],
			[1, { item: 1 }],
		]);
	});

	test('"Contacts per Request" splits a large insertion, and the output adds up the counts', async () => {
		const input = [
			...rows,
			{ phone: '0644444444', firstName: 'Ada', shop: 'Nice' },
			{ phone: '0611111111', firstName: 'Again', shop: 'Nice' },
		];
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			input,
			parameters: { ...fromFields, requestMode: 'allItems', options: { contactsPerRequest: 2 } },
		});
		expect(
			requestsTo(account.sandbox, 'populateList').map(
				(request) =>
					(request.smsData?.data as { DATA: Array<{ CONTACTS: unknown[] }> }).DATA[0].CONTACTS
						.length,
			),
		).toEqual([2, 2, 1]);
		expect(items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				success: 4,
				ignored: 0,
				duplicated: 1,
				contactsSent: 5,
				requests: 3,
			}),
		]);
	});

	test('a list of contacts from an expression (Aggregate output) is mapped to the list fields; extra properties are left out', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [
				{
					contacts: rows.map((row) => ({ ...row, email: `${row.firstName}@example.com`, age: 36 })),
				},
			],
			parameters: { ...fromList(null), contacts: '={{ $json.contacts }}' },
		});
		expect(items[0].json).toMatchObject({ success: 3, ignored: 0 });
		expect(contactsOf()).toEqual([
			{ MobilePhone: '33611111111', Firstname: 'Ada', Shop: 'Nice' },
			{ MobilePhone: '33622222222', Firstname: 'Grace', Shop: 'Lyon' },
			{ MobilePhone: '33633333333', Firstname: 'Margaret', Shop: 'Nice' },
		]);
	});

	test('nested properties and numbers: dot notation reaches them, numbers become text', async () => {
		await runAllMySmsNode({
			credentials: account.credentials,
			parameters: fromList([{ contact: { mobile: '0611111111' }, shopId: 42 }], {
				phoneProperty: 'contact.mobile',
				fieldMapping: { mapping: [{ field: 'Shop', property: 'shopId' }] },
			}),
		});
		expect(contactsOf()).toEqual([{ MobilePhone: '33611111111', Firstname: '', Shop: '42' }]);
	});

	test('a field the list does not have: AllMySMS ignores the contact (27.1), and the output says so', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: fromList(rows.slice(0, 1), {
				fieldMapping: {
					mapping: [
						{ field: 'Firstname', property: 'firstName' },
						{ field: 'City', property: 'shop' },
					],
				},
			}),
		});
		expect(items[0].json).toMatchObject({ success: 0, ignored: 1, contactsSent: 1 });
		expect(contactsOf()).toEqual([]);
	});

	test('an invalid number stops the node before any request, naming the contact', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: fromList([rows[0], { phone: '01 44 44 44 44', firstName: 'Landline' }]),
		});
		expect(error?.message).toBe(
			'Invalid "Contacts" in item 0: contact 2: "01 44 44 44 44" is a French landline or special number; AllMySMS only sends to mobiles (06/07xxxxxxxx, +336/+337xxxxxxxx or 336/337xxxxxxxx)',
		);
		expect(requestsTo(account.sandbox, 'populateList')).toHaveLength(0);
	});

	test('"Skip Invalid Numbers" leaves them out and lists them in the output', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: fromList(
				[rows[0], { phone: '612345678', firstName: 'No zero' }, { firstName: 'No phone' }],
				{
					options: { skipInvalidNumbers: true },
				},
			),
		});
		expect(items[0].json).toMatchObject({
			success: 1,
			contactsSent: 1,
			skippedContacts: [
				{
					item: 0,
					contact: 2,
					phoneNumber: '612345678',
					reason: expect.stringContaining('without its leading 0'),
				},
				{ item: 0, contact: 3, phoneNumber: '', reason: 'it has no "phone" property' },
			],
		});
		expect(contactsOf()).toHaveLength(1);
	});

	test('a contact without the phone property is refused, naming the property to set', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: fromList([{ mobile: '0611111111' }]),
		});
		expect(error?.message).toBe(
			'Invalid "Contacts" in item 0: contact 1 has no "phone" property (see Mobile Phone Property)',
		);
	});

	test.each([
		[
			'the phone field mapped as a list field',
			[{ field: 'MobilePhone', property: 'phone' }],
			'"MobilePhone" is the mobile phone, which has its own parameter',
		],
		[
			'the same list field twice',
			[
				{ field: 'Shop', property: 'shop' },
				{ field: 'SHOP', property: 'firstName' },
			],
			'the list field "SHOP" is given twice',
		],
		[
			'a list field without its contact property',
			[{ field: 'Shop', property: '' }],
			'no contact property is given for the list field "Shop"',
		],
	])('refuses %s in the field mapping', async (_case, mapping, reason) => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: fromList(rows, { fieldMapping: { mapping } }),
		});
		expect(error?.message).toBe(`Invalid "Field Mapping" in item 0: ${reason}`);
		expect(requestsTo(account.sandbox, 'populateList')).toHaveLength(0);
	});

	test('XML: the flow is <CONTACTS><CONTACT>… and the XML answer gives the same output', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: fromList(rows.slice(0, 2), { options: { requestFormat: 'xml' } }),
		});
		const [request] = requestsTo(account.sandbox, 'populateList');
		expect(request.form.returnformat).toBe('xml');
		expect(request.form.populateData).toBe(
			'<DATA><LISTNAME>Clients</LISTNAME><CONTACTS><CONTACT><MOBILEPHONE>0611111111</MOBILEPHONE><Firstname>Ada</Firstname><Shop>Nice</Shop></CONTACT><CONTACT><MOBILEPHONE>0622222222</MOBILEPHONE><Firstname>Grace</Firstname><Shop>Lyon</Shop></CONTACT></CONTACTS></DATA>',
		);
		expect(request.answer.body).toContain('<populateList>');
		expect(items.map((item) => item.json)).toEqual([
			{
				listName: 'Clients',
				status: 1,
				statusText: 'list Clients successfully populated',
				success: 2,
				ignored: 0,
				duplicated: 0,
				contactsSent: 2,
			},
		]);
	});

	test('with Continue On Fail, a bad item becomes an error item and the others are added', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			continueOnFail: true,
			input: [rows[0], { phone: 'not a number', firstName: 'Bad' }, rows[1]],
			parameters: fromFields,
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.success ?? item.json.error)).toEqual([
			1,
			'Invalid "Mobile Phone" in item 1: "not a number" is not a phone number (digits, with an optional leading +)',
			1,
		]);
		expect(contactsOf()).toHaveLength(2);
	});

	test('when a later request fails, the error says which items AllMySMS had already taken', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [
				{ ...rows[0], list: 'Clients' },
				{ ...rows[1], list: 'Gone' },
			],
			parameters: { ...fromFields, listName: '={{ $json.list }}' },
		});
		expect(error?.message).toBe("AllMySMS: La liste Gone n'existe pas (status 0)");
		expect(error?.description).toContain('Already accepted by AllMySMS before this error: item 0.');
		expect(contactsOf()).toHaveLength(1);
	});

	test('items that name another list cannot join "One for All Input Items"', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [
				{ ...rows[0], list: 'Clients' },
				{ ...rows[1], list: 'Other' },
			],
			parameters: { ...fromFields, listName: '={{ $json.list }}', requestMode: 'allItems' },
		});
		expect(error?.message).toBe(
			'Item 1 does not fit in one request with the other items: its List Name differ(s) from item 0',
		);
		expect(requestsTo(account.sandbox, 'populateList')).toHaveLength(0);
	});
});

describe('deleteContacts', () => {
	beforeEach(() => {
		contactsOf().push(
			{ MobilePhone: '33611111111', Firstname: 'Ada', Shop: 'Nice' },
			{ MobilePhone: '33622222222', Firstname: 'Grace', Shop: 'Lyon' },
			{ MobilePhone: '33633333333', Firstname: 'Margaret', Shop: 'Nice' },
		);
	});

	test('several numbers in one field: one request, the numbers gone', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'contactList',
				operation: 'deleteContacts',
				listName: 'Clients',
				mobilePhones: '06 11 11 11 11; +33633333333, 0699999999',
			},
		});
		const requests = requestsTo(account.sandbox, 'deleteContacts');
		expect(requests).toHaveLength(1);
		expect(requests[0].smsData?.data).toEqual({
			DATA: [
				{
					LISTNAME: 'Clients',
					CONTACTS: [
						{ MOBILEPHONE: '0611111111' },
						{ MOBILEPHONE: '+33633333333' },
						{ MOBILEPHONE: '0699999999' },
					],
				},
			],
		});
		expect(items.map((item) => item.json)).toEqual([
			{
				listName: 'Clients',
				status: 1,
				statusText: 'list Clients successfully updated',
				success: 2,
				ignored: 1,
				duplicated: 0,
				contactsSent: 3,
			},
		]);
		expect(contactsOf().map((contact) => contact.Firstname)).toEqual(['Grace']);
	});

	test('"One for All Input Items" with a list of numbers from an expression, in XML', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{ numbers: ['0611111111'] }, { numbers: ['0622222222'] }],
			parameters: {
				resource: 'contactList',
				operation: 'deleteContacts',
				listName: 'Clients',
				contactsFrom: 'list',
				contacts: '={{ $json.numbers }}',
				phoneProperty: 'phone',
				requestMode: 'allItems',
				options: { requestFormat: 'xml' },
			},
		});
		const [request] = requestsTo(account.sandbox, 'deleteContacts');
		expect(request.form.deleteData).toBe(
			'<DATA><LISTNAME>Clients</LISTNAME><CONTACTS><CONTACT><MOBILEPHONE>0611111111</MOBILEPHONE></CONTACT><CONTACT><MOBILEPHONE>0622222222</MOBILEPHONE></CONTACT></CONTACTS></DATA>',
		);
		expect(items).toEqual([
			{ json: expect.objectContaining({ success: 2 }), pairedItem: [{ item: 0 }, { item: 1 }] },
		]);
		expect(contactsOf().map((contact) => contact.Firstname)).toEqual(['Margaret']);
	});

	test('an invalid number stops the node before any request', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'contactList',
				operation: 'deleteContacts',
				listName: 'Clients',
				mobilePhones: '0611111111, 0812345678',
			},
		});
		expect(error?.message).toMatch(
			/^Invalid "Mobile Phones" in item 0: contact 2: "0812345678" is a French landline or special number/,
		);
		expect(requestsTo(account.sandbox, 'deleteContacts')).toHaveLength(0);
		expect(contactsOf()).toHaveLength(3);
	});
});
