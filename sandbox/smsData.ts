/**
 * Parsing of the XML/JSON flows (`smsData` of sendSms/simulateCampaign, manual 7.2 and annex 1).
 * `parseDataFlow` is generic (the same envelope serves accountData, listData, populateData,
 * vocalData…); `readSmsFlow` extracts the sendSms fields.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { intval, type Coding } from './rules';

export type FlowFormat = 'json' | 'xml';

export type FlowParse =
	| { ok: true; format: FlowFormat; data: unknown; root: Record<string, unknown> | undefined }
	| { ok: false; reason: 'empty' }
	| { ok: false; reason: 'invalid'; format: FlowFormat | undefined };

const CDATA = '__cdata';
const TEXT = '#text';

/**
 * Where the manual is silent: the format is detected from the first non-blank character (`<` = XML,
 * `{` or `[` = JSON, anything else is invalid). Blank or missing = empty flow.
 * `listElements` names the elements that may repeat under DATA (e.g. SMS).
 * `root` is the DATA object; undefined when the document is well-formed but has no DATA:
 * the fields are then all missing (the manual is silent: like the real API reading $flow['DATA'][…]).
 */
export function parseDataFlow(raw: string | undefined, listElements: readonly string[]): FlowParse {
	const text = (raw ?? '').replace(/^\uFEFF/, '');
	const first = text.trimStart().charAt(0);
	if (first === '') return { ok: false, reason: 'empty' };
	if (first === '{' || first === '[') return parseJsonFlow(text);
	if (first === '<') return parseXmlFlow(text, listElements);
	return { ok: false, reason: 'invalid', format: undefined };
}

function parseJsonFlow(text: string): FlowParse {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { ok: false, reason: 'invalid', format: 'json' };
	}
	let root: unknown = isRecord(data) ? data.DATA : undefined;
	// Where the manual is silent: DATA may also be an array (annexes 8, 10, 12 write it so); its first element is used.
	if (Array.isArray(root)) root = root[0];
	return { ok: true, format: 'json', data, root: isRecord(root) ? root : undefined };
}

function parseXmlFlow(text: string, listElements: readonly string[]): FlowParse {
	if (!isWellFormedXml(text)) return { ok: false, reason: 'invalid', format: 'xml' };
	const parser = new XMLParser({
		ignoreAttributes: true,
		// Values stay strings: "0600000000" must not become 600000000.
		parseTagValue: false,
		// Where the manual is silent: text is trimmed (indentation of pretty-printed flows), CDATA is kept verbatim.
		trimValues: true,
		cdataPropName: CDATA,
		processEntities: true,
		htmlEntities: false,
		isArray: (_name: string, jpath: unknown) =>
			typeof jpath === 'string' && listElements.some((element) => jpath === `DATA.${element}`),
	});
	let data: unknown;
	try {
		data = parser.parse(decodeNumericReferences(text));
	} catch {
		return { ok: false, reason: 'invalid', format: 'xml' };
	}
	let root: unknown = isRecord(data) ? data.DATA : undefined;
	if (Array.isArray(root)) root = root[0];
	// <DATA/> or <DATA>text</DATA>: a DATA without fields.
	if (root !== undefined && !isRecord(root)) root = {};
	return { ok: true, format: 'xml', data, root: root as Record<string, unknown> | undefined };
}

/**
 * fast-xml-parser's validator is lenient; the real API (libxml) is not. Extra checks:
 * markup declarations other than comments/CDATA/DOCTYPE (the annex's "<! [CDATA[" typo is not
 * XML), undefined entities, control characters, more than one root element.
 */
function isWellFormedXml(text: string): boolean {
	if (XMLValidator.validate(text) !== true) return false;
	const outsideCdata = text
		.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
		.replace(/<!--[\s\S]*?-->/g, '');
	if (/<!(?!DOCTYPE)/.test(outsideCdata)) return false;
	if (/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(outsideCdata)) return false;
	if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) return false;
	// Exactly one root element.
	let nodes: unknown;
	try {
		nodes = new XMLParser({
			preserveOrder: true,
			ignoreAttributes: true,
			parseTagValue: false,
			commentPropName: '#comment',
		}).parse(text);
	} catch {
		return false;
	}
	if (!Array.isArray(nodes)) return false;
	const elements = nodes.filter(
		(node) =>
			isRecord(node) &&
			Object.keys(node).some((key) => !key.startsWith('?') && !key.startsWith('#') && key !== ':@'),
	);
	return elements.length === 1;
}

/** Character references are not decoded by fast-xml-parser without its HTML mode; do it here. */
function decodeNumericReferences(text: string): string {
	const escapes: Record<string, string> = {
		'<': '&lt;',
		'>': '&gt;',
		'&': '&amp;',
		'"': '&quot;',
		"'": '&apos;',
	};
	const decode = (_match: string, code: number): string => {
		const character = String.fromCodePoint(code);
		return escapes[character] ?? character;
	};
	// Leave CDATA sections untouched.
	return text
		.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
		.map((chunk) =>
			chunk.startsWith('<![CDATA[')
				? chunk
				: chunk
						.replace(/&#x([0-9a-fA-F]+);/g, (match, hex: string) =>
							decode(match, Number.parseInt(hex, 16)),
						)
						.replace(/&#(\d+);/g, (match, dec: string) => decode(match, Number.parseInt(dec, 10))),
		)
		.join('');
}

/**
 * A scalar field of a flow, as a string: JSON strings as they are, JSON numbers/booleans
 * converted, XML text (trimmed) or CDATA (verbatim). Objects and arrays are not scalars
 * (an XML element repeated by mistake: the first one is used, like SimpleXML does).
 */
export function scalar(value: unknown): string | undefined {
	if (Array.isArray(value)) return scalar(value[0]);
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (isRecord(value) && (CDATA in value || TEXT in value)) {
		const cdata = value[CDATA];
		const text = value[TEXT];
		return `${typeof text === 'string' ? text : ''}${Array.isArray(cdata) ? cdata.join('') : typeof cdata === 'string' ? cdata : ''}`;
	}
	return undefined;
}

/** A list field: an array, or a single object given without the array. */
export function list(value: unknown): Record<string, unknown>[] {
	if (value === undefined || value === null) return [];
	const items = Array.isArray(value) ? value : [value];
	return items.filter(isRecord);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/* ------------------------------------------------------------------------------------------ */
/* sendSms flow                                                                                 */
/* ------------------------------------------------------------------------------------------ */

export interface SmsFlowRecipient {
	/** MOBILEPHONE exactly as given (undefined when absent). */
	mobilePhone: string | undefined;
	/** PARAM_1 … PARAM_n. */
	params: Record<number, string>;
	/** Where the manual is silent: CLIMSGID may also be given per SMS; it then overrides the campaign's. */
	cliMsgId: string | undefined;
}

export interface SmsFlow {
	message: string | undefined;
	dynamic: number;
	campaignName: string | undefined;
	date: string | undefined;
	tpoa: string | undefined;
	cliMsgId: string | undefined;
	tracking: boolean;
	coding: Coding;
	alerting: boolean;
	verbose: boolean;
	uniqueIdentifier: string | undefined;
	recipients: SmsFlowRecipient[];
}

/**
 * Reads the 7.2 fields from DATA. Field names are upper case exactly as in the manual; any
 * other spelling is an unknown field and is ignored. Where the manual is silent: CODING other than
 * 2 means GSM-7; flags are on when intval() is not 0.
 */
export function readSmsFlow(root: Record<string, unknown> | undefined): SmsFlow {
	const data = root ?? {};
	const recipients = list(data.SMS).map((sms): SmsFlowRecipient => {
		const params: Record<number, string> = {};
		for (const [key, value] of Object.entries(sms)) {
			const match = /^PARAM_([1-9]\d*)$/.exec(key);
			const text = scalar(value);
			if (match && text !== undefined) params[Number(match[1])] = text;
		}
		return {
			mobilePhone: scalar(sms.MOBILEPHONE),
			params,
			cliMsgId: emptyToUndefined(scalar(sms.CLIMSGID)),
		};
	});
	return {
		message: scalar(data.MESSAGE),
		dynamic: Math.max(0, intval(scalar(data.DYNAMIC))),
		campaignName: emptyToUndefined(scalar(data.CAMPAIGN_NAME)),
		date: emptyToUndefined(scalar(data.DATE)),
		tpoa: emptyToUndefined(scalar(data.TPOA)),
		cliMsgId: emptyToUndefined(scalar(data.CLIMSGID)),
		tracking: intval(scalar(data.TRACKING)) !== 0,
		coding: intval(scalar(data.CODING)) === 2 ? 2 : 1,
		alerting: intval(scalar(data.ALERTING)) !== 0,
		verbose: intval(scalar(data.VERBOSE)) !== 0,
		uniqueIdentifier: emptyToUndefined(scalar(data.UNIQUEIDENTIFIER)),
		recipients,
	};
}

function emptyToUndefined(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value;
}
