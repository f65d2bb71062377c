import { runAllMySmsNode } from '../helpers/n8n';
import { sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

/**
 * simulateCampaign's preview against hand-made cases: our own measure (encoding, places,
 * parts, the characters that forced Unicode) beside AllMySMS's figures (nbSms, credits, cost:
 * 15 credits = €0.045 per part to France in the sandbox).
 */

let account: TestAccount;

beforeAll(async () => {
	account = await sandboxWithAccount({ credits: 1_000_000 });
});
afterAll(async () => {
	await account.sandbox.close();
});

async function preview(message: string) {
	const { items, error } = await runAllMySmsNode({
		credentials: account.credentials,
		parameters: {
			resource: 'sms',
			operation: 'simulateCampaign',
			phoneNumbers: '0612345678',
			message,
		},
	});
	expect(error).toBeUndefined();
	return items[0].json as Record<string, unknown> & { preview: Record<string, unknown> };
}

describe('segments, encoding and cost of one message to France', () => {
	test.each([
		['160 GSM-7 characters: 1 SMS', 'a'.repeat(160), 'GSM-7', 160, 1],
		['161 GSM-7 characters: 2 SMS', 'a'.repeat(161), 'GSM-7', 161, 2],
		['an accent GSM-7 has (é) stays GSM-7: 160 é, 1 SMS', 'é'.repeat(160), 'GSM-7', 160, 1],
		['€ counts double: 80 € are 160 places, 1 SMS', '€'.repeat(80), 'GSM-7', 160, 1],
		['€ counts double: 81 € are 162 places, 2 SMS', '€'.repeat(81), 'GSM-7', 162, 2],
		['[ counts double: 81 [ are 162 places, 2 SMS', '['.repeat(81), 'GSM-7', 162, 2],
		['70 Unicode characters: 1 SMS', 'Ж'.repeat(70), 'Unicode', 70, 1],
		['71 Unicode characters: 2 SMS', 'Ж'.repeat(71), 'Unicode', 71, 2],
	])('%s', async (_name, message, encoding, characters, segments) => {
		const json = await preview(message);
		expect(json.preview).toEqual(
			expect.objectContaining({
				encoding,
				characters,
				segments,
				credits: 15 * segments,
				costEur: Math.round(0.045 * segments * 1000) / 1000,
			}),
		);
		// AllMySMS's own count agrees with ours.
		expect(json.nbSms).toBe(segments);
	});

	test('an emoji forces Unicode, and is named', async () => {
		const json = await preview('Party tonight 🎉');
		expect(json.preview).toEqual(
			expect.objectContaining({
				encoding: 'Unicode',
				characters: 16,
				segments: 1,
				unicodeCharacters: ['🎉'],
				credits: 15,
				costEur: 0.045,
			}),
		);
	});

	test('a campaign: one preview for all, the figures summed', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [
				{ phone: '0611111111', name: 'Ada' },
				{ phone: '0622222222', name: 'Grace' },
				{ phone: '+32470123456', name: 'Margaret' },
			],
			parameters: {
				resource: 'sms',
				operation: 'simulateCampaign',
				sendMode: 'campaign',
				phoneNumbers: '={{ $json.phone }}',
				message: 'Hello #param_1#, see you soon',
				messageParameters: { parameter: [{ value: '={{ $json.name }}' }] },
			},
		});
		expect(items).toHaveLength(1);
		// 2 × 15 credits to France, 22 to Belgium.
		expect(items[0].json.preview).toEqual(
			expect.objectContaining({
				encoding: 'GSM-7',
				characters: 'Hello Margaret, see you soon'.length,
				segments: 1,
				credits: 52,
				recipients: 3,
				sms: 3,
			}),
		);
	});
});
