import { runAllMySmsNode } from './helpers/n8n';
import { requestsTo, sandboxWithAccount } from './helpers/sandbox';
import type { TestAccount } from './helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await account.sandbox.close();
});

describe('shortenUrl', () => {
	test('one short URL per item, the same for the same address', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [
				{ link: 'https://www.example.com/offer?id=42' },
				{ link: 'https://www.example.com/offer?id=42' },
				{ link: 'https://www.example.com/other' },
			],
			parameters: { resource: 'url', operation: 'shortenUrl', url: '={{ $json.link }}' },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.url)).toEqual([
			'https://www.example.com/offer?id=42',
			'https://www.example.com/offer?id=42',
			'https://www.example.com/other',
		]);
		const shortUrls = items.map((item) => String(item.json.shortUrl));
		for (const shortUrl of shortUrls) expect(shortUrl).toMatch(/^http:\/\/bs\.ms\/[A-Za-z0-9]{6}$/);
		expect(shortUrls[0]).toBe(shortUrls[1]);
		expect(shortUrls[2]).not.toBe(shortUrls[0]);
		expect(requestsTo(account.sandbox, 'shortenUrl')[0].form).toEqual(
			expect.objectContaining({ url: 'https://www.example.com/offer?id=42' }),
		);
	});

	test('XML answer', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'url',
				operation: 'shortenUrl',
				url: 'http://www.yoururl.fr',
				options: { requestFormat: 'xml' },
			},
		});
		expect(error).toBeUndefined();
		expect(requestsTo(account.sandbox, 'shortenUrl')[0].answer.body).toMatch(
			/<shortenUrl>\s*<url>http:\/\/www.yoururl.fr<\/url>\s*<shortUrl>/,
		);
		expect(items.map((item) => Object.keys(item.json))).toEqual([['url', 'shortUrl']]);
	});

	test('an address that is not an absolute http(s) URL stops the node before any request', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'url', operation: 'shortenUrl', url: 'www.example.com' },
		});
		expect(error?.message).toBe(
			'Invalid "URL" in item 0: "www.example.com" is not an absolute http:// or https:// address',
		);
		expect(account.sandbox.requests).toHaveLength(0);
	});

	test('an unreachable address fails with the API error', async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'url',
				operation: 'shortenUrl',
				url: 'https://shop.example.invalid/',
			},
		});
		expect(error?.message).toBe('AllMySMS: url not accessible');
	});
});

describe('getShortUrlDomains', () => {
	test('one item per domain, from the path the manual spells', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: { resource: 'url', operation: 'getShortUrlDomains' },
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json)).toEqual(
			['bs.ms', 'm-go.fr', 'msms.eu', 'msms.fr', 'xms.lc', 'myweb.re', 'myurl.es'].map(
				(domain) => ({ domain }),
			),
		);
		expect(requestsTo(account.sandbox, 'getShortUrlDomains')[0].path).toBe(
			'/http/9.0/getshorturldomains/',
		);
	});

	test('the XML answer gives the same items', async () => {
		const xml = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: {
				resource: 'url',
				operation: 'getShortUrlDomains',
				options: { requestFormat: 'xml' },
			},
		});
		expect(requestsTo(account.sandbox, 'getShortUrlDomains')[0].answer.body).toMatch(
			/<getshorturldomains>\s*<domains>\s*<domain>bs.ms<\/domain>/,
		);
		expect(xml.items).toHaveLength(7);
		expect(xml.items[0].json).toEqual({ domain: 'bs.ms' });
	});
});
