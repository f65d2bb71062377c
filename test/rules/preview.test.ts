import {
	describeMessage,
	previewEntry,
	readSimulation,
} from '../../nodes/AllMySms/shared/rules/preview';
import type { MessageDescription } from '../../nodes/AllMySms/shared/rules/preview';
import type { RequestedCoding } from '../../nodes/AllMySms/shared/validation/message';

const a = (count: number) => 'a'.repeat(count);
const e = (count: number) => 'é'.repeat(count);
const cyr = (count: number) => 'ж'.repeat(count);

/** [what, text, requested coding, encoding, places, segments, characters that force Unicode] */
const CASES: Array<
	[string, string, RequestedCoding, MessageDescription['encoding'], number, number, string[]]
> = [
	['empty', '', 'auto', 'GSM-7', 0, 0, []],
	['plain text', 'Bonjour', 'auto', 'GSM-7', 7, 1, []],
	['é is in GSM-7: one place', 'Réunion à 8h, café', 'auto', 'GSM-7', 18, 1, []],
	['160 é still fit one SMS', e(160), 'auto', 'GSM-7', 160, 1, []],
	['ê, ç and œ are approximated in GSM-7, no Unicode', 'Fête ça œuvre', 'auto', 'GSM-7', 13, 1, []],
	[
		'typographic apostrophe and guillemets stay GSM-7',
		'L’offre « été »',
		'auto',
		'GSM-7',
		15,
		1,
		[],
	],
	['€ counts double', 'Prix : 5 €', 'auto', 'GSM-7', 11, 1, []],
	['[ counts double', '[promo]', 'auto', 'GSM-7', 9, 1, []],
	['every extension character counts double', '^{}\\[~]|€', 'auto', 'GSM-7', 18, 1, []],
	['a line break counts double (manual 7.3)', 'a\nb', 'auto', 'GSM-7', 4, 1, []],
	['a line break counts double in Unicode too', 'ж\nж', 'auto', 'Unicode', 4, 1, ['ж']],
	['160 characters: one SMS', a(160), 'auto', 'GSM-7', 160, 1, []],
	['161 characters: two parts of 153', a(161), 'auto', 'GSM-7', 161, 2, []],
	['159 + € = 161 places: two parts', `${a(159)}€`, 'auto', 'GSM-7', 161, 2, []],
	['158 + € = 160 places: one SMS', `${a(158)}€`, 'auto', 'GSM-7', 160, 1, []],
	['159 + line break = 161 places: two parts', `${a(80)}\n${a(79)}`, 'auto', 'GSM-7', 161, 2, []],
	['306 = 2 × 153: two parts', a(306), 'auto', 'GSM-7', 306, 2, []],
	['307: three parts', a(307), 'auto', 'GSM-7', 307, 3, []],
	['1224 = 8 × 153: the maximum', a(1224), 'auto', 'GSM-7', 1224, 8, []],
	['1225: nine parts, too long', a(1225), 'auto', 'GSM-7', 1225, 9, []],
	['70 Unicode characters: one SMS', cyr(70), 'auto', 'Unicode', 70, 1, ['ж']],
	['71 Unicode characters: two parts of 67', cyr(71), 'auto', 'Unicode', 71, 2, ['ж']],
	['134 = 2 × 67: two parts', cyr(134), 'auto', 'Unicode', 134, 2, ['ж']],
	['135: three parts', cyr(135), 'auto', 'Unicode', 135, 3, ['ж']],
	['536 = 8 × 67: the maximum', cyr(536), 'auto', 'Unicode', 536, 8, ['ж']],
	['537: too long', cyr(537), 'auto', 'Unicode', 537, 9, ['ж']],
	['in Unicode, € and [ take one place', '€[ж', 'auto', 'Unicode', 3, 1, ['ж']],
	[
		'an emoji forces Unicode and takes 2 places (a surrogate pair)',
		'Merci 😀',
		'auto',
		'Unicode',
		8,
		1,
		['😀'],
	],
	['35 emoji = 70 places: one SMS', '😀'.repeat(35), 'auto', 'Unicode', 70, 1, ['😀']],
	['36 emoji = 72 places: two parts', '😀'.repeat(36), 'auto', 'Unicode', 72, 2, ['😀']],
	['69 letters + 1 emoji = 71 places: two parts', `${a(69)}😀`, 'auto', 'Unicode', 71, 2, ['😀']],
	[
		'a flag is named as one character (two regional indicators, 4 places)',
		'Allez 🇫🇷 !',
		'auto',
		'Unicode',
		12,
		1,
		['🇫🇷'],
	],
	[
		'an emoji with its variation selector is named whole (❤ + U+FE0F, 2 places)',
		'J’❤️ Paris',
		'auto',
		'Unicode',
		10,
		1,
		['❤️'],
	],
	[
		'distinct characters, in order of appearance',
		'Привет 😀 привет 😀',
		'auto',
		'Unicode',
		19,
		1,
		['П', 'р', 'и', 'в', 'е', 'т', '😀', 'п'],
	],
	['Greek capitals of GSM-7 stay GSM-7', 'ΔΦΓΛΩ', 'auto', 'GSM-7', 5, 1, []],
	['Greek lower case forces Unicode', 'αβ', 'auto', 'Unicode', 2, 1, ['α', 'β']],
	['Unicode asked: Unicode, whatever the text', a(71), 'unicode', 'Unicode', 71, 2, []],
	[
		'GSM-7 asked with an emoji: GSM-7, the emoji named (the node refuses it)',
		'Merci 😀',
		'gsm7',
		'GSM-7',
		7,
		1,
		['😀'],
	],
];

describe('describeMessage', () => {
	test.each(CASES)(
		'%s',
		(_what, text, requested, encoding, characters, segments, unicodeCharacters) => {
			expect(describeMessage(text, requested)).toMatchObject({
				encoding,
				characters,
				segments,
				unicodeCharacters,
			});
		},
	);

	test.each([
		[a(160), 'auto', 160, false],
		[a(161), 'auto', 153, false],
		[a(1225), 'auto', 153, true],
		[cyr(70), 'auto', 70, false],
		[cyr(71), 'auto', 67, false],
		[cyr(537), 'auto', 67, true],
	] as Array<[string, RequestedCoding, number, boolean]>)(
		'places per part and too long (%#)',
		(text, requested, perSegment, tooLong) => {
			expect(describeMessage(text, requested)).toMatchObject({ perSegment, tooLong });
		},
	);
});

describe('previewEntry', () => {
	test('our measure beside the API figures, numbers as text read', () => {
		const description = describeMessage('Prix : 5 € STOP au 36180', 'auto');
		const figures = readSimulation({
			status: 100,
			nbCredits: '45',
			nbContacts: '3',
			nbSms: '3',
			balance: '3',
			cost: '0,135',
		});
		expect(previewEntry(description, figures)).toEqual({
			encoding: 'GSM-7',
			characters: 25,
			segments: 1,
			unicodeCharacters: [],
			perSegment: 160,
			tooLong: false,
			credits: 45,
			costEur: 0.135,
			sms: 3,
			recipients: 3,
		});
	});
});
