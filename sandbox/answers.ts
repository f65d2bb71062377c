/**
 * Serialisation of API answers: JSON, or XML shaped like the manual's examples
 * (root element named after the method, lists as <smsIds><sms>…</sms></smsIds>).
 */
import type { ReturnFormat } from './types';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
export const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';

/** Element name of the items of each list, as the manual's XML examples show them. */
const LIST_ITEMS: Readonly<Record<string, string>> = {
	smsIds: 'sms',
	discardedNumbersDetails: 'discardedNumber',
	acks: 'ack',
	mos: 'mo',
	blacklist: 'contact',
	subAccounts: 'subAccount',
	lists: 'list',
	contacts: 'contact',
	campaigns: 'campaign',
	msisdnList: 'sms',
	countries: 'country',
	domains: 'domain',
};

export function serialiseAnswer(
	root: string,
	body: Record<string, unknown>,
	format: ReturnFormat,
): { contentType: string; body: string } {
	if (format === 'json') return { contentType: JSON_CONTENT_TYPE, body: JSON.stringify(body) };
	return {
		contentType: XML_CONTENT_TYPE,
		body: `<?xml version="1.0" encoding="UTF-8"?>\n${xmlElement(root, body, '')}\n`,
	};
}

function xmlElement(name: string, value: unknown, indent: string): string {
	if (Array.isArray(value)) {
		const item = LIST_ITEMS[name] ?? 'item';
		if (value.length === 0) return `${indent}<${name}></${name}>`;
		return `${indent}<${name}>\n${value.map((entry) => xmlElement(item, entry, `${indent}  `)).join('\n')}\n${indent}</${name}>`;
	}
	if (typeof value === 'object' && value !== null) {
		const children = Object.entries(value).filter(([, child]) => child !== undefined);
		if (children.length === 0) return `${indent}<${name}></${name}>`;
		return `${indent}<${name}>\n${children.map(([key, child]) => xmlElement(key, child, `${indent}  `)).join('\n')}\n${indent}</${name}>`;
	}
	const text = value === null || value === undefined ? '' : String(value);
	return `${indent}<${name}>${escapeXml(text)}</${name}>`;
}

function escapeXml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
