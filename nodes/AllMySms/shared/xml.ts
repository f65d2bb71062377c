import { XMLBuilder, XMLParser } from 'fast-xml-parser';

// The only module that knows which XML library is used.

const CDATA = '#cdata';

const parser = new XMLParser({
	ignoreAttributes: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
	// Every value as text: 0600000000 keeps its leading zero. answers.ts converts numeric fields.
	parseTagValue: false,
	trimValues: true,
});

const builder = new XMLBuilder({ cdataPropName: CDATA, format: false, suppressEmptyNode: false });

const RESERVED_NAME = /\[SECURITY\][^"]*"([^"]+)"/;

export type XmlParse =
	| { ok: true; document: Record<string, unknown> }
	| { ok: false; refused?: string };

/**
 * Parses an XML answer. Refused, with the reason for an error's description: a document type or
 * entity declaration (entities are neither expanded nor passed through as `&name;` text: no
 * answer of the manual has one, and they are how "billion laughs" and XXE attacks work), and element names that would reach an object's prototype (`__proto__`…),
 * which the parser refuses to build. Not XML at all: `ok: false` alone.
 */
export function parseXml(text: string): XmlParse {
	if (/<!(DOCTYPE|ENTITY)/i.test(text)) {
		return {
			ok: false,
			refused:
				'The XML answer declares a document type or entities (<!DOCTYPE …>, <!ENTITY …>); such answers are refused, not expanded.',
		};
	}
	try {
		return { ok: true, document: parser.parse(text, true) as Record<string, unknown> };
	} catch (error) {
		const reserved = RESERVED_NAME.exec((error as Error).message ?? '');
		if (!reserved) return { ok: false };
		return {
			ok: false,
			refused: `The XML answer has an element named "${reserved[1]}", a name that could alter objects in n8n; the answer was refused.`,
		};
	}
}

export type XmlValue = string | number | XmlElement | XmlValue[];
export interface XmlElement {
	[name: string]: XmlValue | undefined;
}

/** Builds `<root>…</root>`; arrays repeat their element, `cdataFields` are wrapped in CDATA. */
export function buildXml(root: string, content: XmlElement, cdataFields: string[] = []): string {
	const withCdata: XmlElement = { ...content };
	for (const field of cdataFields) {
		const value = withCdata[field];
		if (typeof value === 'string') withCdata[field] = { [CDATA]: value };
	}
	return builder.build({ [root]: withCdata }) as string;
}
