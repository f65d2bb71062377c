import { describeMessage } from '../../nodes/AllMySms/shared/rules/preview';
import {
	applyStopMention,
	endsWithStopMention,
	STOP_MENTION,
	withStopMention,
} from '../../nodes/AllMySms/shared/rules/stopMention';
import type { StopMentionInput } from '../../nodes/AllMySms/shared/rules/stopMention';

describe('withStopMention', () => {
	test('the text of the manual (7.2)', () => {
		expect(STOP_MENTION).toBe('STOP au 36180');
	});

	test.each([
		['Bonjour', 'Bonjour STOP au 36180'],
		['Bonjour   ', 'Bonjour STOP au 36180'],
		['Bonjour\n', 'Bonjour\nSTOP au 36180'],
		['Hello #param_1#', 'Hello #param_1# STOP au 36180'],
		['Soldes -20% https://allmy.sm/x', 'Soldes -20% https://allmy.sm/x STOP au 36180'],
		['Bonjour STOP au 36180', 'Bonjour STOP au 36180'],
		['Bonjour\nSTOP au 36180', 'Bonjour\nSTOP au 36180'],
		['Hello Mr #param_1# #param_2# Stop au 36180', 'Hello Mr #param_1# #param_2# Stop au 36180'],
		['Bonjour STOP au 36180 ', 'Bonjour STOP au 36180 '],
		// Not at the very end, or glued to the text: the mention is added again, as AllMySMS requires.
		['STOP au 36180 puis texte', 'STOP au 36180 puis texte STOP au 36180'],
		['BonjourSTOP au 36180', 'BonjourSTOP au 36180 STOP au 36180'],
		['', 'STOP au 36180'],
	])('%j → %j', (message, expected) => {
		expect(withStopMention(message)).toBe(expected);
	});

	test.each(['Bonjour', 'Bonjour  ', 'Bonjour\n', 'x'.repeat(200), 'Привет'])(
		'the result ends with the mention as AllMySMS reads it (%#)',
		(message) => {
			expect(endsWithStopMention(withStopMention(message))).toBe(true);
		},
	);

	test('the mention is counted in the segments: 14 more places after a space', () => {
		expect(describeMessage(withStopMention('Bonjour'), 'auto')).toMatchObject({
			encoding: 'GSM-7',
			characters: 7 + 14,
			segments: 1,
		});
		// 146 + 14 = 160: still one SMS; 147 + 14 = 161: two parts.
		expect(describeMessage(withStopMention('a'.repeat(146)), 'auto')).toMatchObject({
			characters: 160,
			segments: 1,
		});
		expect(describeMessage(withStopMention('a'.repeat(147)), 'auto')).toMatchObject({
			characters: 161,
			segments: 2,
		});
		// After a line break: the break counts 2, the mention 13.
		expect(describeMessage(withStopMention('Bonjour\n'), 'auto')).toMatchObject({
			characters: 7 + 2 + 13,
			segments: 1,
		});
		// Unicode: 56 + 14 = 70, one SMS; 57 + 14 = 71, two parts.
		expect(describeMessage(withStopMention('ж'.repeat(56)), 'auto')).toMatchObject({
			encoding: 'Unicode',
			characters: 70,
			segments: 1,
		});
		expect(describeMessage(withStopMention('ж'.repeat(57)), 'auto')).toMatchObject({
			encoding: 'Unicode',
			characters: 71,
			segments: 2,
		});
	});
});

describe('applyStopMention', () => {
	const base: StopMentionInput = {
		messageType: 'commercial',
		sender: 'MaBoutique',
		numbers: ['33612345678'],
		addStopMention: true,
		message: 'Soldes -20% ce week-end',
	};

	test('commercial, custom sender, French number: added', () => {
		expect(applyStopMention(base)).toEqual({
			message: 'Soldes -20% ce week-end STOP au 36180',
			added: true,
		});
	});

	test('overseas numbers count as French', () => {
		expect(applyStopMention({ ...base, numbers: ['32470123456', '262692123456'] }).added).toBe(
			true,
		);
	});

	test('option off: unchanged, with a warning naming the sender', () => {
		const decision = applyStopMention({ ...base, addStopMention: false });
		expect(decision).toEqual({
			message: base.message,
			added: false,
			warning: expect.stringContaining('sender name "MaBoutique"'),
		});
		expect(decision.warning).toContain('Turn on Add "STOP au 36180"');
	});

	test.each([
		['already there', { message: 'Soldes STOP au 36180' }],
		['transactional', { messageType: 'transactional' as const }],
		['no custom sender', { sender: undefined }],
		['an empty sender', { sender: '  ' }],
		['no French number', { numbers: ['32470123456', '41791234567'] }],
	])('%s: left alone, no warning', (_what, change) => {
		const input = { ...base, ...change };
		for (const addStopMention of [true, false]) {
			expect(applyStopMention({ ...input, addStopMention })).toEqual({
				message: input.message,
				added: false,
			});
		}
	});
});
