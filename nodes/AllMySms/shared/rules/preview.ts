import {
	charactersNeedingUnicode,
	chooseCoding,
	LIMITS,
	measureMessage,
} from '../validation/message';
import type { RequestedCoding } from '../validation/message';
import { readFigure } from '../numbers';
import type { IDataObject } from 'n8n-workflow';

/**
 * What one message costs in SMS parts, for the preview (simulateCampaign output) and the checks
 * before sending, measured as validation/message.ts does. Unicode figures are the GSM standard's
 * (the manual gives none), counted in UTF-16 units: an emoji outside the BMP (😀) takes 2 places.
 */

export interface MessageDescription {
	encoding: 'GSM-7' | 'Unicode';
	/** Places taken in that encoding (extension characters and line breaks counting 2). */
	characters: number;
	/** SMS parts billed per recipient. */
	segments: number;
	/**
	 * The distinct characters GSM-7 cannot carry, as the reader sees them (a flag or an emoji
	 * with its modifiers is one entry), in order of appearance: why Automatic went Unicode, or
	 * why GSM-7 cannot send it.
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

/** Figures of a simulateCampaign answer (8.2): credits, euros, SMS parts, recipients, balance. */
export interface SimulationFigures {
	credits?: number;
	cost?: number;
	sms?: number;
	contacts?: number;
	balance?: number;
}

export function readSimulation(answer: IDataObject): SimulationFigures {
	return {
		credits: readFigure(answer, 'nbCredits'),
		cost: readFigure(answer, 'cost'),
		sms: readFigure(answer, 'nbSms'),
		contacts: readFigure(answer, 'nbContacts'),
		balance: readFigure(answer, 'balance'),
	};
}

/** One preview line: our own measure of the text beside the API's figures (simulateCampaign). */
export function previewEntry(description: MessageDescription, figures: SimulationFigures) {
	return {
		...description,
		credits: figures.credits,
		costEur: figures.cost,
		sms: figures.sms,
		recipients: figures.contacts,
	};
}
