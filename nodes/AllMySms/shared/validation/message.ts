/**
 * SMS length rules of section 7.2: one SMS holds 160 GSM-7 characters (70 in Unicode); a longer
 * message is split into parts of 153 (67), at most 8 parts. GSM-7 extension characters take
 * two places, and the manual (7.3) says a line break counts double too.
 */

export type Coding = 'gsm7' | 'unicode';

/** The Encoding option: a coding, or `auto`. */
export type RequestedCoding = Coding | 'auto';

const GSM7_BASIC = new Set(
	Array.from(
		'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
	),
);
const GSM7_EXTENSION = new Set(Array.from('\f^{}\\[~]|€'));

export const LIMITS = {
	gsm7: { single: 160, part: 153 },
	unicode: { single: 70, part: 67 },
	maxParts: 8,
} as const;

/** Printable ASCII but the backtick, and line breaks: every one of them is in GSM-7. */
const PLAIN_GSM7 = /^[\n\r\x20-\x5f\x61-\x7e]*$/;

/**
 * Characters GSM-7 cannot carry even approximately: other alphabets, emoji, symbols. Latin
 * letters with other accents (ê, ç, œ…) and typographic punctuation are not among them: with
 * GSM-7 coding ("alphabet latin", 7.2) AllMySMS sends an approximation, so they do not force
 * Unicode, which would cut an SMS from 160 to 70 characters.
 */
export function charactersNeedingUnicode(text: string): string[] {
	// Most texts are plain ASCII, all of which GSM-7 has but the backtick: one test, no loop.
	if (PLAIN_GSM7.test(text)) return [];
	const found = new Set<string>();
	for (const char of text) {
		if (GSM7_BASIC.has(char) || GSM7_EXTENSION.has(char)) continue;
		if (/[\p{Script=Latin}\p{M}\p{Zs}\u2010-\u2027\u00ab\u00bb\u2039\u203a]/u.test(char)) continue;
		found.add(char);
	}
	return [...found];
}

interface MessageSize {
	coding: Coding;
	/** Places taken, with extension characters and line breaks counted twice. */
	length: number;
	parts: number;
}

/**
 * Places and parts, the way the message goes out. A line break (`\n`, `\r\n` or a lone `\r`)
 * takes two places (7.3: "Sa longueur compte double"), as two characters that may fall in two
 * parts. An extension character (escape + character, GSM-7) and an emoji (a UTF-16 surrogate
 * pair, Unicode) take two places that cannot be cut: when only one place is left in a part, the
 * pair starts the next part, which may need one part more than length ÷ 153.
 */
export function measureMessage(text: string, coding: Coding): MessageSize {
	const limits = LIMITS[coding];
	let length = 0;
	let parts = 1;
	let filled = 0;
	const place = (width: 1 | 2, cuttable: boolean) => {
		length += width;
		if (cuttable || filled + width <= limits.part) {
			filled += width;
			if (filled > limits.part) {
				parts++;
				filled -= limits.part;
			}
			return;
		}
		parts++;
		filled = width;
	};
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) index++;
		const pair = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length;
		if (pair) index++;
		if (code === 0x0a || code === 0x0d) place(2, true);
		else if (coding === 'gsm7') place(GSM7_EXTENSION.has(text[index]) ? 2 : 1, false);
		else place(pair ? 2 : 1, false);
	}
	if (length === 0) return { coding, length, parts: 0 };
	// The split into parts of 153 (67) only applies beyond one SMS of 160 (70).
	return { coding, length, parts: length <= limits.single ? 1 : parts };
}

export function maxLength(coding: Coding): number {
	return LIMITS[coding].part * LIMITS.maxParts;
}

// Lower case, as the manual writes it (7.2).
const PLACEHOLDER = /#param_(\d+)#/g;

/** Highest `#param_N#` used by a message (0 when none). */
export function highestPlaceholder(message: string): number {
	let highest = 0;
	for (const match of message.matchAll(PLACEHOLDER)) highest = Math.max(highest, Number(match[1]));
	return highest;
}

/** The message one recipient receives (what AllMySMS does with DYNAMIC and PARAM_x). */
export function personalise(message: string, params: string[]): string {
	if (params.length === 0) return message;
	return message.replace(
		PLACEHOLDER,
		(placeholder, index: string) => params[Number(index) - 1] ?? placeholder,
	);
}

/**
 * The encoding AllMySMS is asked for: the one requested, or with `auto` Unicode only when a
 * text holds a character GSM-7 cannot carry (a campaign has one encoding for all its texts).
 */
export function chooseCoding(requested: RequestedCoding, texts: Iterable<string>): Coding {
	if (requested !== 'auto') return requested;
	for (const text of texts) if (charactersNeedingUnicode(text).length > 0) return 'unicode';
	return 'gsm7';
}
