import {
	classifyReply,
	DEFAULT_APPROVE_WORDS,
	DEFAULT_DECLINE_WORDS,
	readWords,
} from '../../nodes/AllMySms/shared/conversation/replies';

const defaults = {
	approve: readWords(undefined, DEFAULT_APPROVE_WORDS),
	decline: readWords(undefined, DEFAULT_DECLINE_WORDS),
};

describe('what a reply to a YES / NO question says', () => {
	test.each([
		['oui', 'approved'],
		['  Oui ! ', 'approved'],
		['OUI.', 'approved'],
		['Óui', 'approved'],
		['ok', 'approved'],
		['1', 'approved'],
		['y', 'approved'],
		['Non.', 'declined'],
		['NON', 'declined'],
		['n', 'declined'],
		['2', 'declined'],
		['STOP', 'optedOut'],
		['stop au 36180', 'optedOut'],
		['Stop!', 'optedOut'],
		['oui merci', 'other'],
		['peut-être', 'other'],
		['', 'other'],
		['12', 'other'],
	])('%j → %s', (reply, decision) => {
		expect(classifyReply(reply, defaults)).toBe(decision);
	});

	test('the user’s own words replace the defaults, normalised the same way', () => {
		const words = {
			approve: readWords('Confirmé, JE VIENS', DEFAULT_APPROVE_WORDS),
			decline: readWords('annulé;\nplus tard', DEFAULT_DECLINE_WORDS),
		};
		expect(classifyReply('confirme !', words)).toBe('approved');
		expect(classifyReply('Je  viens', words)).toBe('approved');
		expect(classifyReply('Plus tard.', words)).toBe('declined');
		expect(classifyReply('oui', words)).toBe('other');
		expect(classifyReply('STOP', words)).toBe('optedOut');
	});

	test('an empty list of words falls back to the defaults', () => {
		expect(readWords(' , ', DEFAULT_APPROVE_WORDS)).toEqual(['yes', 'y', 'oui', 'o', 'ok', '1']);
	});
});
