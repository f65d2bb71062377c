import {
	charactersNeedingUnicode,
	chooseCoding,
	LIMITS,
	measureMessage,
} from '../validation/message';
import type { RequestedCoding } from '../validation/message';
import type { SimulationFigures } from './cost';

/**
 * What one message costs in SMS parts, for the preview (simulateCampaign output) and for the
 * checks before sending. Built on validation/message.ts, which follows the manual:
 * - 160 characters in one SMS, 153 per part beyond (7.2), at most 8 parts (1224 characters);
 * - Unicode: 70 in one SMS, 67 per part (the GSM standard; the manual gives no Unicode figures);
 *   counted in UTF-16 units, so an emoji outside the BMP (😀) takes 2 places, as in UCS-2/UTF-16
 *   SMS where it travels as a surrogate pair;
 * - GSM-7 extension characters (^{}\[~]|€ and form feed) take 2 places, so does a line break
 *   (7.3, "sa longueur compte double"), in both encodings;
 * - accented Latin letters GSM-7 lacks (ê, ç, œ…) do not force Unicode: AllMySMS sends an
 *   approximation in GSM-7 ("alphabet latin", 7.2).
 * Parts are counted as ceil(places / 153) (or 67); the manual's figures, which ignore that a
 * phone never splits an extension character or a surrogate pair across two parts.
 */

export type EncodingName = 'GSM-7' | 'Unicode';

export interface MessageDescription {
	encoding: EncodingName;
	/** Places taken in that encoding (extension characters and line breaks counting 2). */
	characters: number;
	/** SMS parts billed per recipient. */
	segments: number;
	/**
	 * The distinct characters GSM-7 cannot carry, as the reader sees them (a flag or an emoji
	 * with its modifiers is one entry), in order of appearance. With Automatic they are why the
	 * message went Unicode; with GSM-7 they are why it cannot be sent.
	 */
	unicodeCharacters: string[];
	/** Places per part for this message: 160/70 when it fits one SMS, else 153/67. */
	perSegment: number;
	/** More than the 8 parts AllMySMS accepts (1224 GSM-7 / 536 Unicode places). */
	tooLong: boolean;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The graphemes holding the characters that force Unicode, deduplicated. */
function visibleCharacters(text: string, forcing: string[]): string[] {
	if (forcing.length === 0) return [];
	const wanted = new Set(forcing);
	const found = new Set<string>();
	for (const { segment } of segmenter.segment(text)) {
		if (Array.from(segment).some((char) => wanted.has(char))) found.add(segment);
	}
	return [...found];
}

/**
 * The encoding AllMySMS will use and the size in it. `auto` picks Unicode only when a character
 * needs it; `gsm7` and `unicode` are taken as asked (a GSM-7 message with characters GSM-7 cannot
 * carry is refused by the node before it gets here; unicodeCharacters names them).
 */
export function describeMessage(
	text: string,
	requestedCoding: RequestedCoding,
): MessageDescription {
	const forcing = charactersNeedingUnicode(text);
	const coding = chooseCoding(requestedCoding, [text]);
	const { length, parts } = measureMessage(text, coding);
	const limits = LIMITS[coding];
	return {
		encoding: coding === 'gsm7' ? 'GSM-7' : 'Unicode',
		characters: length,
		segments: parts,
		unicodeCharacters: visibleCharacters(text, forcing),
		perSegment: length <= limits.single ? limits.single : limits.part,
		tooLong: parts > LIMITS.maxParts,
	};
}

export interface PreviewEntry extends MessageDescription {
	/** Credits AllMySMS would use (nbCredits of simulateCampaign). */
	credits?: number;
	/** Cost in euros (cost of simulateCampaign). */
	costEur?: number;
	/** SMS AllMySMS counted (nbSms); compare with segments × recipients. */
	sms?: number;
	recipients?: number;
}

/** One preview line: our own measure of the text beside the API's figures. */
export function previewEntry(
	description: MessageDescription,
	figures: SimulationFigures,
): PreviewEntry {
	return {
		...description,
		credits: figures.credits,
		costEur: figures.cost,
		sms: figures.sms,
		recipients: figures.contacts,
	};
}
