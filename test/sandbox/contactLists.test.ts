import { XMLParser } from 'fast-xml-parser';

import { LOGIN, API_KEY, post, startTestSandbox, type TestSandbox } from './helpers';

/** Annex 7, JSON format, as printed but for its trailing commas (which JSON does not allow). */
const ANNEX_7_JSON = {
	DATA: {
		LISTNAME: 'maliste',
		LOCKED: '0',
		STRUCTURE: [
			{ FIELDNAME: 'Ville', FILTER: '1' },
			{ FIELDNAME: 'Prenom', FILTER: '0' },
		],
	},
};

const ANNEX_7_XML = `<DATA>
<LISTNAME>maliste</LISTNAME>
<LOCKED>1</LOCKED>
<STRUCTURE>
  <FIELD>
    <FIELDNAME>Ville</FIELDNAME>
    <FILTER>1</FILTER>
  </FIELD>
  <FIELD>
    <FIELDNAME>Prenom</FIELDNAME>
    <FILTER>0</FILTER>
  </FIELD>
</STRUCTURE>
</DATA>`;

/** Annex 8's XML with real numbers, for a list whose fields are Firstname, Lastname and Shop. */
const ANNEX_8_XML = `<DATA>
    <LISTNAME>Your Base</LISTNAME>
    <CONTACTS>
        <CONTACT>
            <FIRSTNAME>Michel</FIRSTNAME>
            <LASTNAME>Dupont</LASTNAME>
            <MOBILEPHONE>0612345678</MOBILEPHONE>
            <SHOP>allmysms</SHOP>
        </CONTACT>
        <CONTACT>
            <FIRSTNAME>Francois</FIRSTNAME>
            <LASTNAME>Dupont</LASTNAME>
            <MOBILEPHONE>0687654321</MOBILEPHONE>
            <SHOP>allmysms</SHOP>
        </CONTACT>
    </CONTACTS>
</DATA>`;

const parseXml = (text: string) =>
	new XMLParser({
		parseTagValue: false,
		isArray: (name) => ['list', 'contact'].includes(name),
	}).parse(text);

const auth = { login: LOGIN, apiKey: API_KEY };

describe('contact lists (sections 26-31)', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await startTestSandbox();
	});
	afterEach(async () => {
		await t.sandbox.close();
	});

	const createYourBase = () =>
		post(t.sandbox, '/createList/', {
			...auth,
			listData: JSON.stringify({
				DATA: {
					LISTNAME: 'Your Base',
					STRUCTURE: [
						{ FIELDNAME: 'Firstname' },
						{ FIELDNAME: 'Lastname' },
						{ FIELDNAME: 'Shop', FILTER: '1' },
					],
				},
			}),
		});

	describe('createList', () => {
		it('creates the list of annex 7 (JSON) and answers like 26.3', async () => {
			const answer = await post(t.sandbox, '/createList/', {
				...auth,
				listData: JSON.stringify(ANNEX_7_JSON),
			});
			expect(answer.json).toEqual({ status: '1', statusText: 'database successfully populated' });
			const list = t.sandbox.state.account(LOGIN).lists.get('maliste');
			expect(list).toMatchObject({
				name: 'maliste',
				locked: false,
				fields: [
					{ name: 'Ville', filter: true },
					{ name: 'Prenom', filter: false },
				],
				contacts: [],
			});
		});

		it('reads the XML flow of annex 7 (<STRUCTURE><FIELD>) and answers XML', async () => {
			const answer = await post(t.sandbox, '/createList/', {
				...auth,
				returnformat: 'xml',
				listData: ANNEX_7_XML,
			});
			expect(parseXml(answer.text)).toEqual({
				'?xml': '',
				createList: { status: '1', statusText: 'database successfully populated' },
			});
			expect(t.sandbox.state.account(LOGIN).lists.get('maliste')).toMatchObject({
				locked: true,
				fields: [
					{ name: 'Ville', filter: true },
					{ name: 'Prenom', filter: false },
				],
			});
		});

		it.each([
			['an existing name', { LISTNAME: 'maliste' }, 'La liste maliste existe déjà'],
			['no LISTNAME', { STRUCTURE: [{ FIELDNAME: 'Ville' }] }, 'Nom de liste (LISTNAME) manquant'],
			[
				'a field name with a space',
				{ LISTNAME: 'other', STRUCTURE: [{ FIELDNAME: 'Date de naissance' }] },
				'Nom de champ invalide : Date de naissance',
			],
			[
				'the same field twice, whatever the case',
				{ LISTNAME: 'other', STRUCTURE: [{ FIELDNAME: 'Ville' }, { FIELDNAME: 'VILLE' }] },
				'Le champ VILLE est défini plusieurs fois',
			],
			[
				'a second mobile phone field',
				{ LISTNAME: 'other', STRUCTURE: [{ FIELDNAME: 'MobilePhone' }] },
				'Nom de champ invalide : MobilePhone',
			],
		])('refuses %s with status "0"', async (_case, data, statusText) => {
			await post(t.sandbox, '/createList/', { ...auth, listData: JSON.stringify(ANNEX_7_JSON) });
			const answer = await post(t.sandbox, '/createList/', {
				...auth,
				listData: JSON.stringify({ DATA: data }),
			});
			expect(answer.json).toEqual({ status: '0', statusText });
			expect([...t.sandbox.state.account(LOGIN).lists.keys()]).toEqual(['maliste']);
		});

		it('refuses an empty or unreadable flow, and a wrong key, with status "0"', async () => {
			expect((await post(t.sandbox, '/createList/', { ...auth })).json).toEqual({
				status: '0',
				statusText: 'Flux XML/JSON vide',
			});
			expect(
				(await post(t.sandbox, '/createList/', { ...auth, listData: '{"DATA":' })).json,
			).toEqual({ status: '0', statusText: 'Flux XML/JSON invalide' });
			const wrongKey = await post(t.sandbox, '/createList/', {
				login: LOGIN,
				apiKey: 'wrong',
				listData: JSON.stringify(ANNEX_7_JSON),
			});
			expect(wrongKey.json).toEqual({
				status: '0',
				statusText: expect.stringMatching(/^Problème de connexion/),
			});
		});

		it('creates the list of the SUBACCOUNT the flow names, not of a stranger', async () => {
			const forSub = { DATA: { ...ANNEX_7_JSON.DATA, SUBACCOUNT: 'jdoe_subaccount' } };
			expect(
				(await post(t.sandbox, '/createList/', { ...auth, listData: JSON.stringify(forSub) })).json
					.status,
			).toBe('1');
			expect(t.sandbox.state.account('jdoe_subaccount').lists.has('maliste')).toBe(true);
			expect(t.sandbox.state.account(LOGIN).lists.size).toBe(0);
			const stranger = { DATA: { ...ANNEX_7_JSON.DATA, SUBACCOUNT: 'someone_else' } };
			expect(
				(await post(t.sandbox, '/createList/', { ...auth, listData: JSON.stringify(stranger) }))
					.json,
			).toEqual({
				status: '0',
				statusText: "Le sous-compte someone_else n'est pas rattaché à ce compte",
			});
		});
	});

	describe('populateList', () => {
		it("inserts annex 8's XML contacts (upper-case keys for Firstname…) and answers XML like 27.3", async () => {
			await createYourBase();
			const answer = await post(t.sandbox, '/populateList/', {
				...auth,
				returnformat: 'xml',
				populateData: ANNEX_8_XML,
			});
			expect(parseXml(answer.text).populateList).toEqual({
				status: '1',
				statusText: 'list Your Base successfully populated',
				success: '2',
				ignored: '0',
				duplicated: '0',
			});
			expect(t.sandbox.state.account(LOGIN).lists.get('Your Base')?.contacts).toEqual([
				{ MobilePhone: '33612345678', Firstname: 'Michel', Lastname: 'Dupont', Shop: 'allmysms' },
				{ MobilePhone: '33687654321', Firstname: 'Francois', Lastname: 'Dupont', Shop: 'allmysms' },
			]);
		});

		it('reads the JSON flow of annex 8 (DATA in an array) and counts ignored and duplicated contacts', async () => {
			await createYourBase();
			const populateData = JSON.stringify({
				DATA: [
					{
						LISTNAME: 'Your Base',
						CONTACTS: [
							{ FIRSTNAME: 'Ada', MOBILEPHONE: '0611111111' },
							{ FIRSTNAME: 'Grace', MOBILEPHONE: '+33622222222', SHOP: 'Nice' },
							{ FIRSTNAME: 'Ada again', MOBILEPHONE: '33611111111' }, // same number as the first: duplicated
							{ FIRSTNAME: 'Unknown field', MOBILEPHONE: '0633333333', CITY: 'Nice' }, // "champs inexistants": ignored
							{ FIRSTNAME: 'Landline', MOBILEPHONE: '0144444444' }, // invalid number: ignored
							{ FIRSTNAME: 'No number' }, // ignored
						],
					},
				],
			});
			const answer = await post(t.sandbox, '/populateList/', { ...auth, populateData });
			// 27.3's JSON: status as a string, the counts as numbers.
			expect(answer.json).toEqual({
				status: '1',
				statusText: 'list Your Base successfully populated',
				success: 2,
				ignored: 3,
				duplicated: 1,
			});
			expect(t.sandbox.state.account(LOGIN).lists.get('Your Base')?.contacts).toEqual([
				{ MobilePhone: '33611111111', Firstname: 'Ada', Lastname: '', Shop: '' },
				{ MobilePhone: '33622222222', Firstname: 'Grace', Lastname: '', Shop: 'Nice' },
			]);

			// A number already in the list is a duplicate, and the stored contact does not change.
			const again = await post(t.sandbox, '/populateList/', {
				...auth,
				populateData: JSON.stringify({
					DATA: { LISTNAME: 'Your Base', CONTACTS: [{ MOBILEPHONE: '0622222222', SHOP: 'Paris' }] },
				}),
			});
			expect(again.json).toMatchObject({ success: 0, ignored: 0, duplicated: 1 });
			expect(t.sandbox.state.account(LOGIN).lists.get('Your Base')?.contacts[1].Shop).toBe('Nice');
		});

		it('answers status "0" for a list that does not exist', async () => {
			const answer = await post(t.sandbox, '/populateList/', {
				...auth,
				populateData: JSON.stringify({
					DATA: [{ LISTNAME: 'nope', CONTACTS: [{ MOBILEPHONE: '0612345678' }] }],
				}),
			});
			expect(answer.json).toEqual({ status: '0', statusText: "La liste nope n'existe pas" });
		});
	});

	describe('getLists and getContacts', () => {
		it('getLists: one entry per list, shaped like the 30.2 JSON and XML examples', async () => {
			expect((await post(t.sandbox, '/getLists/', auth)).json).toEqual({ lists: [] });
			await createYourBase();
			await post(t.sandbox, '/createList/', { ...auth, listData: ANNEX_7_XML });
			await post(t.sandbox, '/populateList/', { ...auth, populateData: ANNEX_8_XML });
			expect((await post(t.sandbox, '/getLists/', auth)).json).toEqual({
				lists: [
					{ listName: 'Your Base', contacts: '2', locked: '0', creationDate: '2025-06-02' },
					{ listName: 'maliste', contacts: '0', locked: '1', creationDate: '2025-06-02' },
				],
			});
			const xml = parseXml(
				(await post(t.sandbox, '/getLists/', { ...auth, returnformat: 'xml' })).text,
			);
			expect(xml.getLists.lists.list).toEqual([
				{ listName: 'Your Base', contacts: '2', locked: '0', creationDate: '2025-06-02' },
				{ listName: 'maliste', contacts: '0', locked: '1', creationDate: '2025-06-02' },
			]);
		});

		it("getContacts: MobilePhone and the list's own field names, in JSON and XML (31.2)", async () => {
			await createYourBase();
			await post(t.sandbox, '/populateList/', { ...auth, populateData: ANNEX_8_XML });
			expect(
				(await post(t.sandbox, '/getContacts/', { ...auth, listName: 'Your Base' })).json,
			).toEqual({
				contacts: [
					{ MobilePhone: '33612345678', Firstname: 'Michel', Lastname: 'Dupont', Shop: 'allmysms' },
					{
						MobilePhone: '33687654321',
						Firstname: 'Francois',
						Lastname: 'Dupont',
						Shop: 'allmysms',
					},
				],
			});
			const xml = await post(t.sandbox, '/getContacts/', {
				...auth,
				listName: 'Your Base',
				returnformat: 'xml',
			});
			expect(xml.text).toContain(
				'<contact>\n      <MobilePhone>33612345678</MobilePhone>\n      <Firstname>Michel</Firstname>',
			);
			expect(parseXml(xml.text).getContacts.contacts.contact).toHaveLength(2);
		});

		it('getContacts of an unknown list, or without listName: an error field', async () => {
			expect((await post(t.sandbox, '/getContacts/', { ...auth, listName: 'nope' })).json).toEqual({
				error: "La liste nope n'existe pas",
			});
			expect((await post(t.sandbox, '/getContacts/', auth)).json).toEqual({
				error: 'Paramètre listName manquant',
			});
		});

		it("subAccount (annex 14 parameter) reads the sub-account's lists", async () => {
			await post(t.sandbox, '/createList/', {
				...auth,
				listData: JSON.stringify({ DATA: { LISTNAME: 'shop', SUBACCOUNT: 'jdoe_subaccount' } }),
			});
			expect((await post(t.sandbox, '/getLists/', auth)).json).toEqual({ lists: [] });
			expect(
				(await post(t.sandbox, '/getLists/', { ...auth, subAccount: 'jdoe_subaccount' })).json
					.lists,
			).toEqual([expect.objectContaining({ listName: 'shop', contacts: '0' })]);
		});
	});

	describe('deleteContacts and deleteList', () => {
		it("deleteContacts: annex 10's JSON (DATA in an array), counting unknown and repeated numbers (28.3)", async () => {
			await createYourBase();
			await post(t.sandbox, '/populateList/', { ...auth, populateData: ANNEX_8_XML });
			const deleteData = JSON.stringify({
				DATA: [
					{
						LISTNAME: 'Your Base',
						CONTACTS: [
							{ MOBILEPHONE: '0612345678' },
							{ MOBILEPHONE: '33612345678' },
							{ MOBILEPHONE: '0699999999' },
							{ MOBILEPHONE: 'abc' },
						],
					},
				],
			});
			const answer = await post(t.sandbox, '/deleteContacts/', { ...auth, deleteData });
			expect(answer.json).toEqual({
				status: '1',
				statusText: 'list Your Base successfully updated',
				success: 1,
				ignored: 2,
				duplicated: 1,
			});
			expect(
				t.sandbox.state
					.account(LOGIN)
					.lists.get('Your Base')
					?.contacts.map((contact) => contact.MobilePhone),
			).toEqual(['33687654321']);
		});

		it('deleteContacts reads the XML of annex 10 and answers XML', async () => {
			await createYourBase();
			await post(t.sandbox, '/populateList/', { ...auth, populateData: ANNEX_8_XML });
			const deleteData = `<DATA><LISTNAME>Your Base</LISTNAME><CONTACTS><CONTACT><MOBILEPHONE>0687654321</MOBILEPHONE></CONTACT></CONTACTS></DATA>`;
			const answer = await post(t.sandbox, '/deleteContacts/', {
				...auth,
				returnformat: 'xml',
				deleteData,
			});
			expect(parseXml(answer.text).deleteContacts).toMatchObject({
				status: '1',
				success: '1',
				ignored: '0',
				duplicated: '0',
			});
		});

		it('deleteList deletes the list and its contacts for good (29.2); an unknown list gets "0"', async () => {
			await createYourBase();
			expect(
				(await post(t.sandbox, '/deleteList/', { ...auth, listName: 'Your Base' })).json,
			).toEqual({
				status: '1',
				statusText: 'list Your Base has been successfully deleted',
			});
			expect(t.sandbox.state.account(LOGIN).lists.size).toBe(0);
			expect(
				(
					await post(t.sandbox, '/deleteList/', {
						...auth,
						listName: 'Your Base',
						returnformat: 'xml',
					})
				).text,
			).toContain(
				"<deleteList>\n  <status>0</status>\n  <statusText>La liste Your Base n'existe pas</statusText>\n</deleteList>",
			);
		});
	});
});
