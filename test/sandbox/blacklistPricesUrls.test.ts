import { XMLParser } from 'fast-xml-parser';

import {
	API_KEY,
	LOGIN,
	parseXml,
	post,
	sendJson,
	startTestSandbox,
	type TestSandbox,
} from './helpers';

/** helpers' parseXml reads every <sms> as a list (sendSms); getPrices' <sms> is a price. */
const parsePlainXml = (text: string) => new XMLParser({ parseTagValue: false }).parse(text);

describe('blacklist (18-19), credits and prices (32-33), short URLs (34-35)', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await startTestSandbox();
	});
	afterEach(async () => {
		await t.sandbox.close();
	});
	const auth = { login: LOGIN, apiKey: API_KEY };

	describe('getBlacklist', () => {
		it('answers {"blacklist": [...]} with the 18.2 fields as strings, newest first', async () => {
			t.sandbox.state.blacklist(LOGIN, '0611111111', 'Refused', new Date('2025-02-18T10:32:11Z'));
			t.sandbox.state.blacklist(LOGIN, '0622222222', 'stop', new Date('2025-02-18T11:10:23Z'));
			expect((await post(t.sandbox, '/getBlacklist/', auth)).json).toEqual({
				blacklist: [
					{ phoneNumber: '33622222222', comment: 'stop', receptionDate: '2025-02-18 12:10:23' },
					{ phoneNumber: '33611111111', comment: 'Refused', receptionDate: '2025-02-18 11:32:11' },
				],
			});
		});

		it('answers XML <getBlacklist><blacklist><contact>, filters by campaignId, and serves the sub-account named by `subAccount`', async () => {
			t.sandbox.state.blacklist(LOGIN, '0611111111', 'stop').campaignId = 'abc';
			t.sandbox.state.blacklist(LOGIN, '0622222222', 'stop');
			t.sandbox.state.blacklist('jdoe_subaccount', '0633333333', 'manual unsubscribe');
			const xml = await post(t.sandbox, '/getBlacklist/', {
				...auth,
				campaignId: 'abc',
				returnformat: 'xml',
			});
			expect(parseXml(xml.text).getBlacklist.blacklist.contact).toEqual(
				expect.objectContaining({ phoneNumber: '33611111111', comment: 'stop' }),
			);
			expect(
				(await post(t.sandbox, '/getBlacklist/', { ...auth, campaignId: 'unknown' })).json,
			).toEqual({ blacklist: [] });
			const sub = await post(t.sandbox, '/getBlacklist/', {
				...auth,
				subAccount: 'jdoe_subaccount',
			});
			expect(sub.json.blacklist.map((entry: { phoneNumber: string }) => entry.phoneNumber)).toEqual(
				['33633333333'],
			);
		});
	});

	describe('deleteblacklistentry', () => {
		it('removes a manual addition; the number then receives SMS again', async () => {
			t.sandbox.state.blacklist(LOGIN, '0611111111', 'manual unsubscribe');
			expect(
				(await sendJson(t.sandbox, { MESSAGE: 'Hello', SMS: [{ MOBILEPHONE: '0611111111' }] })).json
					.status,
			).toBe(114);
			const answer = await post(t.sandbox, '/deleteblacklistentry/', {
				...auth,
				phoneNumber: '+33611111111',
			});
			expect(answer.json).toEqual({ status: '1', statusText: 'phone number successfully deleted' });
			expect(
				(await sendJson(t.sandbox, { MESSAGE: 'Hello', SMS: [{ MOBILEPHONE: '0611111111' }] })).json
					.status,
			).toBe(100);
		});

		it('removes an NPAI number; refuses a STOP request, an unknown number or none, with status 0', async () => {
			t.sandbox.state.blacklist(LOGIN, '0611111111', 'Refused');
			t.sandbox.state.blacklist(LOGIN, '0622222222', 'stop');
			const xml = await post(t.sandbox, '/deleteBlacklistEntry', {
				...auth,
				phoneNumber: '0611111111',
				returnformat: 'xml',
			});
			expect(parseXml(xml.text).deleteblacklistentry).toEqual({
				status: '1',
				statusText: 'phone number successfully deleted',
			});
			expect(
				(await post(t.sandbox, '/deleteblacklistentry/', { ...auth, phoneNumber: '0622222222' }))
					.json,
			).toEqual({
				status: '0',
				statusText: 'phone number unsubscribed by STOP cannot be deleted',
			});
			expect(
				(await post(t.sandbox, '/deleteblacklistentry/', { ...auth, phoneNumber: '0633333333' }))
					.json.statusText,
			).toBe('phone number not found in blacklist');
			expect((await post(t.sandbox, '/deleteblacklistentry/', auth)).json.statusText).toBe(
				'phone number not specified',
			);
			expect([...t.sandbox.state.account(LOGIN).blacklist.keys()]).toEqual(['33622222222']);
		});
	});

	describe('getCreditsByCountryIsoCode and getPrices', () => {
		it('answer the credits sendSms charges, in the 32.2 shape (strings) and the 33.2 shape (numbers)', async () => {
			expect(
				(await post(t.sandbox, '/getCreditsByCountryIsoCode/', { ...auth, countryIsoCode: 'FR' }))
					.json,
			).toEqual({ isoCode: 'FR', nbCredits: '15', cost: '0.045' });
			expect(
				(await post(t.sandbox, '/getPrices/', { ...auth, countryIsoCode: 'FR' })).json,
			).toEqual({
				countries: [{ isoCode: 'FR', sms: 0.045, directdeposit: 0.19, call: 0.09, prefix: 33 }],
			});
			const sent = await sendJson(t.sandbox, {
				MESSAGE: 'Hello',
				SMS: [{ MOBILEPHONE: '+41791234567' }],
			});
			const ch = (
				await post(t.sandbox, '/getCreditsByCountryIsoCode/', { ...auth, countryIsoCode: 'CH' })
			).json;
			expect(sent.json.creditsUsed).toBe(Number(ch.nbCredits));
			expect(sent.json.cost).toBe(Number(ch.cost));
		});

		it('getPrices without a country lists every country the sandbox can send to, each consistent with getCreditsByCountryIsoCode', async () => {
			const { countries } = (await post(t.sandbox, '/getPrices/', auth)).json;
			expect(countries.map((country: { isoCode: string }) => country.isoCode)).toEqual([
				'BE',
				'CH',
				'DE',
				'DZ',
				'ES',
				'FR',
				'GB',
				'GF',
				'GP',
				'IT',
				'LU',
				'MA',
				'MC',
				'MQ',
				'NL',
				'PT',
				'RE',
				'TN',
				'YT',
			]);
			for (const country of countries) {
				const credits = (
					await post(t.sandbox, '/getCreditsByCountryIsoCode/', {
						...auth,
						countryIsoCode: country.isoCode,
					})
				).json;
				expect(Number(credits.cost)).toBe(country.sms);
			}
			expect(countries.find((country: { isoCode: string }) => country.isoCode === 'RE')).toEqual({
				isoCode: 'RE',
				sms: 0.09,
				prefix: 262,
			});
		});

		it('XML roots are the method names; unknown or lower-case codes are refused', async () => {
			const xml = await post(t.sandbox, '/getCreditsByCountryIsoCode/', {
				...auth,
				countryIsoCode: 'BE',
				returnformat: 'xml',
			});
			expect(parseXml(xml.text).getCreditsByCountryIsoCode).toEqual({
				isoCode: 'BE',
				nbCredits: '22',
				cost: '0.066',
			});
			const prices = await post(t.sandbox, '/getPrices/', {
				...auth,
				countryIsoCode: 'BE',
				returnformat: 'xml',
			});
			expect(parsePlainXml(prices.text).getPrices.countries.country).toEqual({
				isoCode: 'BE',
				sms: '0.066',
				prefix: '32',
			});
			expect(
				(await post(t.sandbox, '/getCreditsByCountryIsoCode/', { ...auth, countryIsoCode: 'fr' }))
					.json,
			).toEqual({ error: 'Unknown country ISO code fr' });
			expect((await post(t.sandbox, '/getCreditsByCountryIsoCode/', auth)).json).toEqual({
				error: 'countryIsoCode not specified',
			});
			expect(
				(await post(t.sandbox, '/getPrices/', { ...auth, countryIsoCode: 'JP' })).json,
			).toEqual({ countries: [] });
		});
	});

	describe('shortenUrl and getshorturldomains', () => {
		it('shortens a URL on bs.ms, the same way every time', async () => {
			const first = await post(t.sandbox, '/shortenUrl/', {
				...auth,
				url: 'http://www.yoururl.fr',
			});
			expect(first.json).toEqual({
				url: 'http://www.yoururl.fr',
				shortUrl: expect.stringMatching(/^http:\/\/bs\.ms\/[A-Za-z0-9]{6}$/),
			});
			const again = await post(t.sandbox, '/shortenUrl/', {
				...auth,
				url: 'http://www.yoururl.fr',
				returnformat: 'xml',
			});
			expect(parseXml(again.text).shortenUrl).toEqual(first.json);
		});

		it('refuses a missing, malformed or unreachable URL with {error}', async () => {
			expect((await post(t.sandbox, '/shortenUrl/', auth)).json).toEqual({
				error: 'url not specified',
			});
			expect(
				(await post(t.sandbox, '/shortenUrl/', { ...auth, url: 'ftp://example.com/file' })).json,
			).toEqual({ error: 'invalid url' });
			expect(
				(await post(t.sandbox, '/shortenUrl/', { ...auth, url: 'https://shop.example.invalid/' }))
					.json,
			).toEqual({ error: 'url not accessible' });
		});

		it('lists the 35.1 domains, XML root <getshorturldomains>', async () => {
			const domains = ['bs.ms', 'm-go.fr', 'msms.eu', 'msms.fr', 'xms.lc', 'myweb.re', 'myurl.es'];
			expect((await post(t.sandbox, '/getshorturldomains/', auth)).json).toEqual({ domains });
			const xml = await post(t.sandbox, '/getShortUrlDomains', { ...auth, returnformat: 'xml' });
			expect(parseXml(xml.text).getshorturldomains.domains.domain).toEqual(domains);
			expect(
				(await post(t.sandbox, '/getshorturldomains/', { login: LOGIN, apiKey: 'bad' })).json.error,
			).toMatch(/^Problème de connexion/);
		});
	});
});
