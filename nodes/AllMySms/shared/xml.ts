import { XMLBuilder, XMLParser } from 'fast-xml-parser';

// The only module that knows which XML library is used.

const CDATA = '#cdata';

const parser = new XMLParser({
	ignoreAttributes: true,
	ignoreDeclaration: true,
	ignorePiTags: true,
	// Keep every value as text: phone numbers such as 0600000000 must not lose their leading zero.
	// Numeric fields are converted by the answer normaliser, the same way for XML and JSON.
	parseTagValue: false,
	trimValues: true,
});

const builder = new XMLBuilder({ cdataPropName: CDATA, format: false, suppressEmptyNode: false });

export function looksLikeXml(text: string): boolean {
	return text.trimStart().startsWith('<');
}

export function parseXml(text: string): Record<string, unknown> {
	return parser.parse(text, true) as Record<string, unknown>;
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
