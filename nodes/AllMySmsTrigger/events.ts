import type { IDataObject } from 'n8n-workflow';

/**
 * What AllMySMS pushes to a webhook (manual 7.5 for delivery reports, 14.3 for replies): a GET
 * request whose query parameters are the event, and no signature. This module turns such a
 * request into the trigger's output item (CONTRACT "Trigger output").
 */

export type EventType = 'dlr' | 'mo';

export const EVENT_TYPES: readonly EventType[] = ['dlr', 'mo'];

/** Query parameters the trigger adds to the URL it registers: the event type and the secret. */
export const EVENT_PARAMETER = 'event';
export const SECRET_PARAMETER = 'secret';

/** Annex 3: delivery report statuses, with the API's own text and a name for the filter. */
export const ACK_STATUSES = [
	{ value: 1, text: 'Délivré', name: 'Delivered' },
	{ value: 2, text: "Non-délivré (envoyé par l'opérateur)", name: 'Not Delivered' },
	{ value: 3, text: "Transmis à l'opérateur", name: 'Sent to Operator' },
	{ value: 4, text: 'Message rejeté', name: 'Message Rejected' },
	{
		value: 5,
		text: 'SMS rejeté (probablement numéro inconnu/abonné absent)',
		name: 'SMS Rejected (Unknown Number or Absent Subscriber)',
	},
] as const;

const ACK_TEXTS: Record<number, string> = Object.fromEntries(
	ACK_STATUSES.map(({ value, text }) => [value, text]),
);

const DLR_FIELDS = [
	'smsId',
	'status',
	'statusText',
	'receptionDate',
	'phoneNumber',
	'campaignId',
] as const;
// 14.3 prints `smsMold` (an OCR slip for smsMoId, an "l" for an "I"): both are read.
const MO_FIELDS = [
	'smsId',
	'smsMoId',
	'receptionDate',
	'phoneNumber',
	'campaignId',
	'message',
] as const;
const MO_ID_ALIASES = ['smsMoId', 'smsMold'];
const EVENT_FIELDS = new Set<string>([...DLR_FIELDS, ...MO_FIELDS, ...MO_ID_ALIASES]);
const OWN_PARAMETERS = new Set([EVENT_PARAMETER, SECRET_PARAMETER]);

/** The request's parameters, one string each. */
export type EventQuery = Record<string, string>;

/**
 * The query (and, for a POST, the form body) as flat strings: a repeated parameter keeps its
 * last value, as PHP and AllMySMS do; nested values (`a[b]=`) are ignored.
 *
 * The URL the trigger registers already has a query string. Decision: AllMySMS most likely
 * appends its parameters with `&` then; if it appended `?smsId=…` blindly, the last of our
 * own parameters would swallow the first of its own (`secret=abc?smsId=42`). That case is cheap
 * to undo, so it is: only for our parameters, and only before one of the manual's names.
 */
export function readQuery(...sources: unknown[]): EventQuery {
	const query: EventQuery = {};
	for (const source of sources) {
		if (!source || typeof source !== 'object') continue;
		for (const [name, raw] of Object.entries(source as Record<string, unknown>)) {
			const value = Array.isArray(raw)
				? raw.filter((entry) => typeof entry === 'string').pop()
				: raw;
			if (typeof value === 'string') query[name] = value;
			else if (typeof value === 'number' || typeof value === 'boolean') query[name] = String(value);
		}
	}
	for (const name of OWN_PARAMETERS) {
		const value = query[name];
		const swallowed = value === undefined ? null : /^(.*?)\?([A-Za-z]+)=(.*)$/s.exec(value);
		if (!swallowed || !EVENT_FIELDS.has(swallowed[2])) continue;
		query[name] = swallowed[1];
		if (!(swallowed[2] in query)) query[swallowed[2]] = swallowed[3];
	}
	return query;
}

function present(value: string | undefined): boolean {
	return value !== undefined && value.trim() !== '';
}

/**
 * The event a request carries, or undefined for a call that carries none: the call AllMySMS
 * makes to check the URL before configureWebhook accepts it, or any ping. A real event names an
 * SMS (`smsId`) or a reply (`smsMoId`). Its type is the `event` parameter of the registered
 * URL; a URL set by hand has none, so the fields tell (a reply has a message and a reply id).
 */
export function eventTypeOf(query: EventQuery): EventType | undefined {
	if (!present(query.smsId) && !MO_ID_ALIASES.some((name) => present(query[name])))
		return undefined;
	const declared = (query[EVENT_PARAMETER] ?? '').trim().toLowerCase();
	if (declared === 'dlr' || declared === 'mo') return declared;
	if (MO_ID_ALIASES.some((name) => name in query) || 'message' in query) return 'mo';
	if ('status' in query) return 'dlr';
	return undefined;
}

/** A parameter as sent, or null when AllMySMS did not send it. */
function field(query: EventQuery, name: string): string | null {
	return name in query ? query[name] : null;
}

/** Parameters beyond the manual's, passed on as they came (never ours: the secret stays out). */
function extras(query: EventQuery): IDataObject {
	return Object.fromEntries(
		Object.entries(query).filter(([name]) => !EVENT_FIELDS.has(name) && !OWN_PARAMETERS.has(name)),
	);
}

/** A delivery report: status as a number, statusText from annex 3 when AllMySMS sent none. */
export function deliveryReportItem(query: EventQuery): IDataObject {
	const rawStatus = (query.status ?? '').trim();
	const status = /^\d+$/.test(rawStatus) ? Number(rawStatus) : rawStatus === '' ? null : rawStatus;
	const statusText = present(query.statusText)
		? query.statusText.trim()
		: typeof status === 'number'
			? (ACK_TEXTS[status] ?? null)
			: null;
	return {
		event: 'dlr',
		smsId: field(query, 'smsId'),
		status,
		statusText,
		receptionDate: field(query, 'receptionDate'),
		phoneNumber: field(query, 'phoneNumber'),
		campaignId: field(query, 'campaignId'),
		...extras(query),
	};
}

export function replyItem(query: EventQuery): IDataObject {
	const moId =
		MO_ID_ALIASES.find((name) => present(query[name])) ??
		MO_ID_ALIASES.find((name) => name in query);
	return {
		event: 'mo',
		smsId: field(query, 'smsId'),
		smsMoId: moId === undefined ? null : query[moId],
		receptionDate: field(query, 'receptionDate'),
		phoneNumber: field(query, 'phoneNumber'),
		campaignId: field(query, 'campaignId'),
		message: field(query, 'message'),
		...extras(query),
	};
}

export interface EventFilters {
	/** Annex 3 statuses to keep (delivery reports only); empty keeps all. */
	statuses?: number[];
	/** Campaign ids to keep, separated by commas, spaces or new lines; empty keeps all. */
	campaignIds?: string;
}

export function campaignIdList(text: string | undefined): string[] {
	return (text ?? '')
		.split(/[\s,;]+/)
		.map((id) => id.trim())
		.filter((id) => id !== '');
}

export function passesFilters(item: IDataObject, filters: EventFilters): boolean {
	const statuses = (filters.statuses ?? []).map(Number);
	if (item.event === 'dlr' && statuses.length > 0 && !statuses.includes(Number(item.status)))
		return false;
	const campaignIds = campaignIdList(filters.campaignIds);
	if (campaignIds.length > 0 && !campaignIds.includes(String(item.campaignId ?? '').trim()))
		return false;
	return true;
}
