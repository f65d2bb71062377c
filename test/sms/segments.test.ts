/**
 * How many SMS parts a message makes, as the node counts them before sending (the 8-part limit,
 * the cost check, the simulation preview). It must agree with what the network sends, or a
 * message the node lets through is refused, or billed one part more than the preview said.
 */
import { measureMessage } from '../../nodes/AllMySms/shared/validation/message';

describe('SMS parts', () => {
	test.each([
		['160 plain characters: one SMS', 'a'.repeat(160), 'gsm7', 160, 1],
		['161: two parts of 153', 'a'.repeat(161), 'gsm7', 161, 2],
		['306: still two parts', 'a'.repeat(306), 'gsm7', 306, 2],
		[
			'a € where one place is left in the part: its escape pair starts the next part, 3 parts for 306 places',
			`${'a'.repeat(152)}€${'a'.repeat(152)}`,
			'gsm7',
			306,
			3,
		],
		[
			'the same 306 places with the € elsewhere: 2 parts',
			`${'a'.repeat(151)}€${'a'.repeat(153)}`,
			'gsm7',
			306,
			2,
		],
		['\\r\\n is one line break (2 places), like \\n', 'Hello\r\nworld', 'gsm7', 12, 1],
		['\\n counts 2 (manual 7.3)', 'Hello\nworld', 'gsm7', 12, 1],
		[
			'a line break may be cut between two parts',
			`${'a'.repeat(152)}\n${'a'.repeat(152)}`,
			'gsm7',
			306,
			2,
		],
		[
			'Unicode: an emoji is never cut in two',
			`${'a'.repeat(66)}😀${'a'.repeat(66)}`,
			'unicode',
			134,
			3,
		],
		['Unicode: 70 code units, one SMS', '😀'.repeat(35), 'unicode', 70, 1],
	])('%s', (_title, text, coding, length, parts) => {
		expect(measureMessage(text, coding as 'gsm7' | 'unicode')).toEqual({ coding, length, parts });
	});
});
