import { messageLength, segmentCount } from '../../sandbox/rules';
import { sendJson, startTestSandbox, type TestSandbox } from './helpers';

describe('message length and segments (7.2, 7.3)', () => {
	describe('counting', () => {
		it.each([
			['plain GSM-7', 'Bonjour à tous', 1, 14],
			['extension characters count 2', '{[€]}~^|\\', 1, 18],
			['form feed counts 2', '\f', 1, 2],
			['newline counts double', 'a\nb', 1, 4],
			['a character outside GSM-7 counts 1 with coding 1', 'こんにちは', 1, 5],
			['Unicode: one per UTF-16 code unit', 'こんにちは😀', 2, 7],
			['Unicode: extension characters count 1', '{€}', 2, 3],
			['Unicode: newline counts double', 'a\nb', 2, 4],
			['CR LF is one line break', 'a\r\nb', 1, 4],
			['a lone CR is a line break', 'a\rb', 1, 4],
		])('%s', (_label, text, coding, expected) => {
			expect(messageLength(text, coding as 1 | 2)).toBe(expected);
		});

		it.each([
			[160, 1, 1],
			[161, 1, 2],
			[306, 1, 2],
			[307, 1, 3],
			[1224, 1, 8],
			[1225, 1, 9],
			[70, 2, 1],
			[71, 2, 2],
			[134, 2, 2],
			[135, 2, 3],
			[536, 2, 8],
			[537, 2, 9],
		])('%i characters with coding %i = %i part(s)', (length, coding, parts) => {
			expect(segmentCount('a'.repeat(length), coding as 1 | 2)).toBe(parts);
		});

		it.each([
			[
				'an extension character where one place is left starts the next part',
				`${'a'.repeat(152)}€${'a'.repeat(152)}`,
				1,
				3,
			],
			['the same length without it in the way', `${'a'.repeat(151)}€${'a'.repeat(153)}`, 1, 2],
			['an emoji is never cut in two', `${'a'.repeat(66)}😀${'a'.repeat(66)}`, 2, 3],
			[
				"a line break's two places may fall in two parts",
				`${'a'.repeat(152)}\n${'a'.repeat(152)}`,
				1,
				2,
			],
		])('%s', (_label, text, coding, parts) => {
			expect(segmentCount(text, coding as 1 | 2)).toBe(parts);
		});
	});

	describe('over HTTP', () => {
		let t: TestSandbox;
		beforeAll(async () => {
			t = await startTestSandbox();
		});
		afterAll(async () => {
			await t.sandbox.close();
		});
		let number = 10_000_000;
		const send = (message: string, coding?: number) =>
			// a new number each time, so the 10-second duplicate guard never applies
			sendJson(t.sandbox, {
				MESSAGE: message,
				...(coding ? { CODING: String(coding) } : {}),
				SMS: [{ MOBILEPHONE: `06${++number}` }],
			});

		it.each([
			['160 GSM-7 characters', 'a'.repeat(160), undefined, 1],
			['161 GSM-7 characters', 'a'.repeat(161), undefined, 2],
			['80 euro signs (160)', '€'.repeat(80), undefined, 1],
			['81 euro signs (162)', '€'.repeat(81), undefined, 2],
			['159 characters + one newline (161)', `${'a'.repeat(159)}\n`, undefined, 2],
			['70 Unicode characters', 'é'.repeat(70), 2, 1],
			['71 Unicode characters', 'é'.repeat(71), 2, 2],
			['1224 GSM-7 characters', 'a'.repeat(1224), undefined, 8],
			['536 Unicode characters', 'ж'.repeat(536), 2, 8],
		])('%s → nbSms %i', async (_label, message, coding, parts) => {
			const answer = await send(message, coding);
			expect(answer.json).toMatchObject({ status: 100, nbSms: parts, creditsUsed: parts * 15 });
		});

		it.each([
			['1225 GSM-7 characters', 'a'.repeat(1225), undefined],
			['1223 characters + one newline', `${'a'.repeat(1223)}\n`, undefined],
			['537 Unicode characters', 'ж'.repeat(537), 2],
		])('%s → 111', async (_label, message, coding) => {
			expect((await send(message, coding)).json.status).toBe(111);
		});

		it('stores the coding on the campaign', async () => {
			await send('Привет', 2);
			expect(t.sandbox.state.campaigns('jdoe').at(-1)?.coding).toBe(2);
		});
	});
});
