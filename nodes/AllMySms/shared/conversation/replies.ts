/**
 * What a contact's reply says to a question asked by SMS: approve, decline, opt out, or
 * something else. Used by SMS → Send and Wait for a Reply.
 */

export const DEFAULT_APPROVE_WORDS = ['YES', 'Y', 'OUI', 'O', 'OK', '1'];
export const DEFAULT_DECLINE_WORDS = ['NO', 'N', 'NON', '2'];

/**
 * The opt-out word. The manual names one (annex "STOP": "l'envoi en réponse du mot clé STOP est
 * pris en compte automatiquement"); AllMySMS then blacklists the number. START and REABO
 * subscribe again: they are ordinary answers here.
 */
export const OPT_OUT_WORDS = ['STOP'];

export type ReplyDecision = 'approved' | 'declined' | 'optedOut' | 'other';

/**
 * A reply as compared with the words: case, accents, spaces and punctuation around it ignored
 * ("  Oui ! " → "oui", "Non." → "non", "ÓK" → "ok"). Inner spaces are kept, single.
 */
export function normaliseReply(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '')
		.replace(/\s+/g, ' ');
}

/** A list of words as the user typed it (commas, semicolons or new lines), normalised. */
export function readWords(value: unknown, fallback: string[]): string[] {
	const list = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[,;\n]/);
	const words = list.map(normaliseReply).filter((word) => word !== '');
	return words.length ? words : fallback.map(normaliseReply);
}

export interface ApprovalWords {
	approve: string[];
	decline: string[];
}

/**
 * The decision a reply carries: the whole reply is compared with the words ("oui merci" is
 * neither). An opt-out counts as a decline, and says so: a reply that starts with STOP, as
 * AllMySMS blacklists the number for it.
 */
export function classifyReply(text: string, words: ApprovalWords): ReplyDecision {
	const reply = normaliseReply(text);
	const firstWord = reply.split(' ')[0] ?? '';
	if (OPT_OUT_WORDS.some((word) => normaliseReply(word) === firstWord)) return 'optedOut';
	if (words.approve.includes(reply)) return 'approved';
	if (words.decline.includes(reply)) return 'declined';
	return 'other';
}
