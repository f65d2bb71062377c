import { loadOptions, runAllMySmsNode } from './helpers/n8n';
import { requestsTo, sandboxWithAccount } from './helpers/sandbox';
import type { TestAccount } from './helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await account.sandbox.close();
});

describe('getCreditsByCountryIsoCode', () => {
	test('credits and cost of one SMS to the chosen country, the credits sendSms then takes', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'account',
				operation: 'getCreditsByCountryIsoCode',
				countryIsoCode: 'BE',
			},
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual([{ isoCode: 'BE', nbCredits: 22, cost: 0.066 }]);
		expect(requestsTo(account.sandbox, 'getCreditsByCountryIsoCode')[0].form).toEqual(
			expect.objectContaining({ countryIsoCode: 'BE', returnformat: 'json' }),
		);

		const sent = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				phoneNumbers: '+32470123456',
				message: 'Hello',
			},
		});
		expect(sent.items[0].json.creditsUsed).toBe(items[0].json.nbCredits);
	});

	test('an expression giving a lower-case code is sent upper case; the XML answer reads the same', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{ country: ' fr ' }],
			parameters: {
				resource: 'account',
				operation: 'getCreditsByCountryIsoCode',
				countryIsoCode: '={{ $json.country }}',
				options: { requestFormat: 'xml' },
			},
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(account.sandbox, 'getCreditsByCountryIsoCode');
		expect(request.form.countryIsoCode).toBe('FR');
		expect(request.answer.body).toMatch(/<getCreditsByCountryIsoCode>\s*<isoCode>FR<\/isoCode>/);
		expect(items.map((item) => item.json)).toEqual([{ isoCode: 'FR', nbCredits: 15, cost: 0.045 }]);
	});

	test('a country AllMySMS does not price fails with its error; a malformed code is refused before sending', async () => {
		const unknown = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'account',
				operation: 'getCreditsByCountryIsoCode',
				countryIsoCode: 'JP',
			},
		});
		expect(unknown.error?.message).toBe('AllMySMS: Unknown country ISO code JP');
		const malformed = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'account',
				operation: 'getCreditsByCountryIsoCode',
				countryIsoCode: 'France',
			},
		});
		expect(malformed.error?.message).toBe(
			'Invalid "Country Name or ID" in item 0: "France" is not a two-letter ISO country code (FR, BE, CH…)',
		);
		expect(requestsTo(account.sandbox, 'getCreditsByCountryIsoCode')).toHaveLength(1);
	});

	test('the country dropdown lists the countries the price grid holds', async () => {
		const countries = await loadOptions(account.credentials, 'getCountries');
		expect(countries).toHaveLength(19);
		expect(countries).toEqual(
			expect.arrayContaining([
				{ name: 'France (FR, +33)', value: 'FR' },
				{ name: 'Belgium (BE, +32)', value: 'BE' },
				{ name: 'Réunion (RE, +262)', value: 'RE' },
			]),
		);
		expect(requestsTo(account.sandbox, 'getPrices')).toHaveLength(1);
	});
});

describe('getPrices', () => {
	test('one item per country, numbers as numbers, voice prices for France', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'account', operation: 'getPrices' },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(19);
		expect(items.find((item) => item.json.isoCode === 'FR')?.json).toEqual({
			isoCode: 'FR',
			sms: 0.045,
			directdeposit: 0.19,
			call: 0.09,
			prefix: 33,
		});
		expect(items.find((item) => item.json.isoCode === 'CH')?.json).toEqual({
			isoCode: 'CH',
			sms: 0.075,
			prefix: 41,
		});
		expect(requestsTo(account.sandbox, 'getPrices')[0].form.countryIsoCode).toBeUndefined();
	});

	test('one country only, from an XML answer', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'account',
				operation: 'getPrices',
				options: { countryIsoCode: 'FR', requestFormat: 'xml' },
			},
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(account.sandbox, 'getPrices');
		expect(request.form.countryIsoCode).toBe('FR');
		expect(request.answer.body).toMatch(
			/<getPrices>\s*<countries>\s*<country>\s*<isoCode>FR<\/isoCode>/,
		);
		expect(items.map((item) => item.json)).toEqual([
			{ isoCode: 'FR', sms: 0.045, directdeposit: 0.19, call: 0.09, prefix: 33 },
		]);
	});
});
