import { API_KEY, LOGIN, parseXml, post, startTestSandbox, type TestSandbox } from './helpers';

/** Sections 21-25 and annexes 5, 6, 14, raw HTTP, shaped like the manual's examples. */
describe('sub-accounts (sections 21-25)', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await startTestSandbox();
	});
	afterEach(async () => {
		await t.sandbox.close();
	});
	const auth = { login: LOGIN, apiKey: API_KEY };
	const annex5 = {
		FIRSTNAME: 'Thomas',
		LASTNAME: 'DUPONT',
		SOCIETY: 'Society',
		MOBILE: '+33612345678',
		EMAIL: 'email@domain.com',
		LOGIN: 'newlogin',
		PASSWORD: 'newpass',
		PHONE: '0493000000',
		WEBSITE: 'domain.com',
		ADDRESS: 'address new account',
		ZIP: '06560',
		CITY: 'Paris',
		COUNTRY: 'FRANCE',
		SENDEMAILTOCUSTOMER: '1',
		SENDEMAILTOMASTERACCOUNT: '1',
		PROFILE: 'à définir avec allmysms',
	};
	const create = (
		data: Record<string, unknown>,
		extra: Record<string, string> = {},
		headers: Record<string, string> = {},
	) =>
		post(
			t.sandbox,
			'/createSubAccount/',
			{ ...auth, accountData: JSON.stringify({ DATA: data }), ...extra },
			headers,
		);

	describe('createSubAccount', () => {
		it('creates the annex 5 sub-account (JSON flow) and answers status/text as strings', async () => {
			const answer = await create(annex5);
			expect(answer.json).toEqual({ status: '1', text: 'Sub-account successfully created' });
			const created = t.sandbox.state.account('newlogin');
			expect([
				created.masterLogin,
				created.firstName,
				created.society,
				created.credits,
				created.active,
			]).toEqual([LOGIN, 'Thomas', 'Society', 0, true]);
			expect(created.profile).toEqual(
				expect.objectContaining({
					MOBILE: '+33612345678',
					CITY: 'Paris',
					SENDEMAILTOCUSTOMER: '1',
					PROFILE: 'à définir avec allmysms',
				}),
			);
		});

		it('reads the XML flow and answers <createSubAccount> with <text>', async () => {
			const xml = `<DATA><FIRSTNAME>Zoé</FIRSTNAME><LASTNAME>Martin</LASTNAME><EMAIL>zoe@example.com</EMAIL><LOGIN>zoe</LOGIN><PASSWORD>secret</PASSWORD><ACTIVE>0</ACTIVE><WEBHOOKDLR>https://example.com/dlr</WEBHOOKDLR></DATA>`;
			const answer = await post(t.sandbox, '/createSubAccount/', {
				...auth,
				accountData: xml,
				returnformat: 'xml',
			});
			expect(parseXml(answer.text)).toEqual({
				'?xml': '',
				createSubAccount: { status: '1', text: 'Sub-account successfully created' },
			});
			expect(t.sandbox.state.account('zoe').active).toBe(false);
			expect(t.sandbox.state.account('zoe').webhooks.dlr).toBe('https://example.com/dlr');
		});

		it.each([
			['a missing required field', { ...annex5, EMAIL: undefined }],
			['a password of 5 characters', { ...annex5, PASSWORD: '12345' }],
			['an email without @', { ...annex5, EMAIL: 'email.domain.com' }],
			['a login already taken', { ...annex5, LOGIN: 'jdoe_subaccount' }],
			['POSTPAID on a prepaid master account', { ...annex5, POSTPAID: '1' }],
		])('refuses %s with annex 6 status 0 and its French text', async (_case, data) => {
			expect((await create(data)).json).toEqual({ status: '0', text: 'Une erreur est survenue' });
			expect(t.sandbox.state.findAccount('newlogin')).toBeUndefined();
		});

		it('refuses a missing or unreadable flow, and a sub-account creating sub-accounts', async () => {
			expect((await post(t.sandbox, '/createSubAccount/', auth)).json).toEqual({
				status: '0',
				text: 'Une erreur est survenue',
			});
			expect(
				(await post(t.sandbox, '/createSubAccount/', { ...auth, accountData: '<DATA>' })).json
					.status,
			).toBe('0');
			expect(
				(await create(annex5, {}, { 'Allmysms-Subaccount': 'jdoe_subaccount' })).json.status,
			).toBe('0');
		});

		it('a post-paid master account may create post-paid sub-accounts', async () => {
			t.sandbox.state.setPostpaid(LOGIN, true);
			expect((await create({ ...annex5, POSTPAID: '1' })).json.status).toBe('1');
			expect(t.sandbox.state.isPostpaid(t.sandbox.state.account('newlogin'))).toBe(true);
		});

		it('reports a bad key as {error}', async () => {
			const answer = await post(t.sandbox, '/createSubAccount/', {
				login: LOGIN,
				apiKey: 'bad',
				accountData: JSON.stringify({ DATA: annex5 }),
			});
			expect(answer.json).toEqual({
				error:
					'Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés',
			});
		});
	});

	describe('getSubAccounts', () => {
		it('lists the sub-accounts with the fields and JSON types of the 23 example', async () => {
			await create(annex5);
			const answer = await post(t.sandbox, '/getSubAccounts/', auth);
			expect(answer.json.total).toBe(2);
			expect(answer.json.subAccounts.map((entry: { Login: string }) => entry.Login)).toEqual([
				'jdoe_subaccount',
				'newlogin',
			]);
			const created = answer.json.subAccounts[1];
			expect(Object.keys(created)).toEqual([
				'Login',
				'LastName',
				'FirstName',
				'ClientType',
				'Company',
				'Phone',
				'Mobile',
				'Fax',
				'Email',
				'WebSite',
				'Address',
				'Zip',
				'City',
				'Country',
				'CreationDate',
				'LastVisit',
				'LastActivity',
				'BillLastName',
				'BillFirstName',
				'BillCompany',
				'BillPhone',
				'BillMobile',
				'BillEmail',
				'BillAddress',
				'BillZip',
				'BillCity',
				'BillCountry',
				'Credits',
				'Balance',
			]);
			expect(created).toEqual(
				expect.objectContaining({
					Login: 'newlogin',
					ClientType: 'Company',
					Company: 'Society',
					Zip: '06560',
					CreationDate: '2025-06-02 12:00:00',
					Credits: '0',
					Balance: '0',
				}),
			);
			expect(answer.json.subAccounts[0]).toEqual(
				expect.objectContaining({ Credits: '300', Balance: '0.9', ClientType: 'Individual' }),
			);
		});

		it('answers XML with <subAccounts><subAccount>', async () => {
			const answer = await post(t.sandbox, '/getSubAccounts/', { ...auth, returnformat: 'xml' });
			const parsed = parseXml(answer.text).getSubAccounts;
			expect(parsed.total).toBe('1');
			expect(parsed.subAccounts.subAccount).toEqual(
				expect.objectContaining({ Login: 'jdoe_subaccount', Credits: '300' }),
			);
		});

		it('answers status 0 "No subaccount found" when there is none, also as a sub-account', async () => {
			expect(
				(
					await post(t.sandbox, '/getSubAccounts/', auth, {
						'Allmysms-Subaccount': 'jdoe_subaccount',
					})
				).json,
			).toEqual({ status: 0, statusText: 'No subaccount found' });
			await post(t.sandbox, '/deleteSubAccount/', { ...auth, loginToDelete: 'jdoe_subaccount' });
			expect((await post(t.sandbox, '/getSubAccounts/', auth)).json).toEqual({
				status: 0,
				statusText: 'No subaccount found',
			});
		});

		it('a wrong key or a foreign sub-account is status 0 with the 102 text, never "No subaccount found"', async () => {
			const wrongKey = await post(t.sandbox, '/getSubAccounts/', { ...auth, apiKey: 'wrong' });
			expect(wrongKey.json).toEqual({
				status: 0,
				statusText:
					'Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés',
			});
			const xml = parseXml(
				(
					await post(t.sandbox, '/getSubAccounts/', {
						...auth,
						apiKey: 'wrong',
						returnformat: 'xml',
					})
				).text,
			).getSubAccounts;
			expect(xml).toEqual({
				status: '0',
				statusText:
					'Problème de connexion - Aucun compte ne correspond aux clientcode et apiKey spécifiés',
			});
			const foreign = await post(t.sandbox, '/getSubAccounts/', auth, {
				'Allmysms-Subaccount': 'someone_else',
			});
			expect(foreign.json).toEqual({
				status: 0,
				statusText:
					"Problème de connexion - Le sous-compte someone_else n'est pas rattaché à ce compte",
			});
		});
	});

	describe('updateSubAccount', () => {
		const update = (
			subAccount: string,
			data: Record<string, unknown>,
			headers: Record<string, string> = {},
		) =>
			post(
				t.sandbox,
				'/updateSubAccount/',
				{ ...auth, subAccount, accountData: JSON.stringify({ DATA: data }) },
				headers,
			);

		it('changes only the given fields; `subAccount` names the target, not who acts', async () => {
			const answer = await update('jdoe_subaccount', { CITY: 'Lyon', BILLCODE: '+33699999999' });
			expect(answer.json).toEqual({ status: '1', text: 'Sub-account successfully updated' });
			const sub = t.sandbox.state.account('jdoe_subaccount');
			expect([sub.profile.CITY, sub.profile.BILLMOBILE, sub.apiKey]).toEqual([
				'Lyon',
				'+33699999999',
				'sub-key',
			]);
		});

		it('can deactivate and re-activate a sub-account; an inactive one cannot be used in the header', async () => {
			await update('jdoe_subaccount', { ACTIVE: '0' });
			expect(
				(await post(t.sandbox, '/getInfo/', auth, { 'Allmysms-Subaccount': 'jdoe_subaccount' }))
					.json.error,
			).toMatch(/n'est pas rattaché/);
			expect((await update('jdoe_subaccount', { ACTIVE: '1' })).json.status).toBe('1');
			expect(
				(await post(t.sandbox, '/getInfo/', auth, { 'Allmysms-Subaccount': 'jdoe_subaccount' }))
					.json.credits,
			).toBe(300);
		});

		it('renames the sub-account (LOGIN)', async () => {
			expect((await update('jdoe_subaccount', { LOGIN: 'jdoe_shop' })).json.status).toBe('1');
			expect(t.sandbox.state.findAccount('jdoe_subaccount')).toBeUndefined();
			expect(t.sandbox.state.account('jdoe_shop').credits).toBe(300);
		});

		it('answers XML with <updateSubAccount>', async () => {
			const answer = await post(t.sandbox, '/updateSubAccount/', {
				...auth,
				subAccount: 'jdoe_subaccount',
				accountData: '<DATA><ZIP>06560</ZIP></DATA>',
				returnformat: 'xml',
			});
			expect(parseXml(answer.text).updateSubAccount).toEqual({
				status: '1',
				text: 'Sub-account successfully updated',
			});
		});

		it.each([
			[
				'as a sub-account (annex 14)',
				'jdoe_subaccount',
				{ CITY: 'Lyon' },
				{ 'Allmysms-Subaccount': 'jdoe_subaccount' },
			],
			['an unknown sub-account', 'ghost', { CITY: 'Lyon' }, {}],
			['a short password', 'jdoe_subaccount', { PASSWORD: 'abc' }, {}],
			['an emptied required field', 'jdoe_subaccount', { LASTNAME: '' }, {}],
		])('refuses %s with status 0', async (_case, subAccount, data, headers) => {
			expect((await update(subAccount, data, headers)).json).toEqual({
				status: '0',
				text: 'Une erreur est survenue',
			});
			expect(t.sandbox.state.account('jdoe_subaccount').profile.CITY).toBeUndefined();
		});
	});

	describe('manageSubAccountCredits', () => {
		const manage = (params: Record<string, string>, headers: Record<string, string> = {}) =>
			post(t.sandbox, '/manageSubAccountCredits/', { ...auth, ...params }, headers);
		const credits = () => [
			t.sandbox.state.account(LOGIN).credits,
			t.sandbox.state.account('jdoe_subaccount').credits,
		];

		it('gives credits (JSON example: a list of one subAccount) and takes them back', async () => {
			expect((await manage({ subAccount: 'jdoe_subaccount', credits: '500' })).json).toEqual({
				subAccount: [{ Login: 'jdoe_subaccount', Credits: 800, Balance: 2.4 }],
			});
			expect(credits()).toEqual([9_500, 800]);
			expect(
				(await manage({ subAccount: 'jdoe_subaccount', credits: '-200' })).json.subAccount[0]
					.Credits,
			).toBe(600);
			expect(credits()).toEqual([9_700, 600]);
		});

		it('answers XML like its example: status OK and one <subAccount>', async () => {
			const answer = await manage({
				subAccount: 'jdoe_subaccount',
				credits: '1200',
				returnformat: 'xml',
			});
			expect(parseXml(answer.text).manageSubAccountCredits).toEqual({
				status: 'OK',
				subAccount: { Login: 'jdoe_subaccount', Credits: '1500', Balance: '4.5' },
			});
		});

		it.each([
			[
				0,
				"Le sous compte n'est pas rattaché au compte maître",
				{ subAccount: 'stranger', credits: '10' },
			],
			[1, "Le paramètre « subAccount » n'est pas défini", { credits: '10' }],
			[2, "Le paramètre « credits » n'est pas défini", { subAccount: 'jdoe_subaccount' }],
			[
				2,
				"Le paramètre « credits » n'est pas défini",
				{ subAccount: 'jdoe_subaccount', credits: '0' },
			],
			[
				4,
				"Le sous compte n'a pas assez de crédits (dans le cas d'un débit)",
				{ subAccount: 'jdoe_subaccount', credits: '-301' },
			],
			[
				5,
				"Le compte maître n'a pas assez de crédits (dans le cas d'un crédit)",
				{ subAccount: 'jdoe_subaccount', credits: '10001' },
			],
		])('status %i: %s', async (status, statusText, params) => {
			t.sandbox.state.createAccount({ login: 'stranger', apiKey: 'stranger-key', credits: 50 });
			expect((await manage(params)).json).toEqual({ status, statusText });
			expect(credits()).toEqual([10_000, 300]);
			expect(t.sandbox.state.account('stranger').credits).toBe(50);
		});

		it('status 3 for a post-paid (subscription) sub-account', async () => {
			t.sandbox.state.setPostpaid('jdoe_subaccount', true);
			expect(
				(await manage({ subAccount: 'jdoe_subaccount', credits: '10', returnformat: 'xml' })).text,
			).toContain(
				'<status>3</status>\n  <statusText>Le sous compte est en abonnement</statusText>',
			);
		});

		it('acting as the sub-account (header), it has no sub-account to credit: status 0', async () => {
			expect(
				(
					await manage(
						{ subAccount: 'jdoe_subaccount', credits: '10' },
						{ 'Allmysms-Subaccount': 'jdoe_subaccount' },
					)
				).json.status,
			).toBe(0);
			expect(credits()).toEqual([10_000, 300]);
		});
	});

	describe('deleteSubAccount', () => {
		it('deletes: the login disappears from getSubAccounts, its key and the header stop working', async () => {
			const answer = await post(t.sandbox, '/deleteSubAccount/', {
				...auth,
				loginToDelete: 'jdoe_subaccount',
				returnformat: 'xml',
			});
			expect(parseXml(answer.text).deleteSubAccount).toEqual({
				status: '1',
				statusText: 'Sub-account has been successfully deleted',
			});
			expect(
				(await post(t.sandbox, '/getInfo/', auth, { 'Allmysms-Subaccount': 'jdoe_subaccount' }))
					.json.error,
			).toMatch(/n'est pas rattaché/);
			expect(
				(await post(t.sandbox, '/getInfo/', { login: 'jdoe_subaccount', apiKey: 'sub-key' })).json
					.error,
			).toMatch(/Aucun compte/);
			expect(t.sandbox.state.account(LOGIN).credits).toBe(10_000);
		});

		it('refuses a login that is not one of your sub-accounts, or none, with status 0', async () => {
			expect(
				(await post(t.sandbox, '/deleteSubAccount/', { ...auth, loginToDelete: LOGIN })).json,
			).toEqual({ status: '0', statusText: 'Sub-account not found' });
			expect((await post(t.sandbox, '/deleteSubAccount/', auth)).json).toEqual({
				status: '0',
				statusText: 'Parameter loginToDelete is missing',
			});
		});
	});
});
