/**
 * What the delivery-report, reply and campaign methods (manual sections 9-16 and 20) share:
 * their error texts, the `type` parameter, lookups limited to the requesting account, and the
 * campaign figures of getCampaignStats.
 */
import { formatApiDate, intval, parseApiDate } from './rules';
import type { AckStatus, Campaign, Reply, SandboxState, SmsRecord } from './state';
import type { MethodContext } from './methods/context';

/**
 * Errors of the read methods: `{error: "…"}` (sections 9-16 "AUTRES VARIABLES DE RETOUR"). The
 * manual gives no texts; these follow the French of its other messages (annex 4 for the campaign).
 */
export const READ_ERRORS = {
	missing: (parameter: string) => `Paramètre ${parameter} manquant`,
	invalid: (parameter: string, expected: string) => `Paramètre ${parameter} invalide (${expected})`,
	campaignNotFound: "La campagne n'a pas été trouvée",
	smsNotFound: "Le SMS n'a pas été trouvé",
	noAck: 'Aucun accusé de réception pour ce SMS',
	noReply: 'Aucune réponse pour ce SMS',
} as const;

export function readError(text: string): Record<string, unknown> {
	return { error: text };
}

/** The answer's format, decided like the HTTP layer decides it. Some examples differ by format. */
export function answersXml(context: MethodContext): boolean {
	return context.params.returnformat?.toLowerCase() === 'xml';
}

/** A required text parameter, trimmed; undefined when absent or blank. */
export function textParam(context: MethodContext, name: string): string | undefined {
	const value = context.params[name]?.trim();
	return value ? value : undefined;
}

export type CampaignType = 'sms' | 'vocal';

/**
 * `type` (9 since 1.19, 11, 12, 13): `sms` by default or `vocal`, in any case (13 writes "SMS").
 * Anything else is refused: undefined.
 */
export function campaignTypeParam(context: MethodContext): CampaignType | undefined {
	const value = (context.params.type ?? '').trim().toLowerCase();
	if (value === '' || value === 'sms') return 'sms';
	return value === 'vocal' ? 'vocal' : undefined;
}

/** A campaign of the requesting account (a sub-account's own when acting as it), of that type. */
export function ownCampaign(
	context: MethodContext,
	campaignId: string,
	type?: CampaignType,
): Campaign | undefined {
	const campaign = context.state.campaign(context.account.login, campaignId);
	return campaign && (type === undefined || campaign.type === type) ? campaign : undefined;
}

/** An SMS sent by the requesting account. */
export function ownSms(context: MethodContext, smsId: string): SmsRecord | undefined {
	const record = context.state.sms(smsId);
	return record && record.login === context.account.login ? record : undefined;
}

/** getAcks/getAckBySmsId `comment` ("code relatif à l'explication détaillée", 9.2) by annex 3 status. */
const ACK_COMMENTS: Record<AckStatus, string> = {
	1: 'Delivered',
	2: 'Undelivered',
	3: 'Transmitted',
	4: 'Rejected',
	5: 'Unknown subscriber',
};

/** One ack as getAcks/getAckBySmsId write it (statuses as strings, like the JSON examples). */
export function ackFields(record: SmsRecord & { ackStatus: AckStatus; receptionDate: Date }): {
	status: string;
	comment: string;
	receptionDate: string;
} {
	return {
		status: String(record.ackStatus),
		comment: record.ackComment ?? ACK_COMMENTS[record.ackStatus],
		receptionDate: formatApiDate(record.receptionDate),
	};
}

export function hasAck(
	record: SmsRecord,
): record is SmsRecord & { ackStatus: AckStatus; receptionDate: Date } {
	return record.ackStatus !== null && record.receptionDate !== null;
}

/** A reply as getPulls/getPull write it (14.2, 15.2). */
export function moFields(reply: Reply): Record<string, unknown> {
	return {
		phoneNumber: reply.phoneNumber,
		id: reply.id,
		campaignId: reply.campaignId,
		message: reply.message,
		receptionDate: formatApiDate(reply.receptionDate),
	};
}

export function repliesToCampaign(state: SandboxState, login: string, campaignId: string): Reply[] {
	return state.replies(login).filter((reply) => reply.campaignId === campaignId);
}

/** A STOP answer (the sandbox blacklists the number for it too). */
export function isStopReply(reply: Reply): boolean {
	return /^\s*stop\b/i.test(reply.message);
}

/** The first link of a tracked campaign's message (TRACKING, 7.2), or '' (getCampaignStats trackedLink). */
export function trackedLink(campaign: Campaign): string {
	if (!campaign.tracking) return '';
	return /https?:\/\/[^\s#]+/i.exec(campaign.message)?.[0] ?? '';
}

/** `usedLists` / `lists`: the contact lists' names, comma-separated ('' when none). */
export function usedLists(campaign: Campaign): string {
	return campaign.lists.join(',');
}

/** Final annex 3 statuses; 3 (transmitted) still waits for the operator's report. */
const FINAL_ACKS: ReadonlySet<number> = new Set([1, 2, 4, 5]);

export function finalAck(record: SmsRecord): AckStatus | undefined {
	return record.ackStatus !== null && FINAL_ACKS.has(record.ackStatus)
		? record.ackStatus
		: undefined;
}

/**
 * The period bounds of getCampaignsInfo (13.1): `YYYY-MM-JJ` or `YYYY-MM-JJ HH:MM:SS`, Paris
 * time. A date alone covers its whole day: 00:00:00 as a start, 23:59:59 as an end.
 */
export function periodBound(raw: string, end: boolean): Date | undefined {
	const text = raw.trim();
	const full = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text} ${end ? '23:59:59' : '00:00:00'}` : text;
	const check = parseApiDate(full);
	return check.valid ? check.date : undefined;
}

/** intval() of a parameter, or `fallback` when absent. */
export function intParam(context: MethodContext, name: string, fallback: number): number {
	const raw = context.params[name];
	return raw === undefined || raw.trim() === '' ? fallback : intval(raw);
}

/**
 * A campaign as getCampaignInfo (12.2) and getCampaignsInfo (13.2) write it. Their XML and JSON
 * examples differ in field order and in one name (`lists` in XML, `usedLists` in JSON); the
 * sender is `tppa` in section 12 and `tboa` in section 13. Each answer follows its own example.
 */

export function campaignView(
	campaign: Campaign,
	senderField: 'tppa' | 'tboa',
	xml: boolean,
): Record<string, unknown> {
	const commandDate = formatApiDate(campaign.dateCommand);
	const sendingDate = formatApiDate(campaign.sendingDate);
	if (xml) {
		return {
			id: campaign.id,
			name: campaign.name,
			commandDate,
			sendingDate,
			status: campaign.status,
			message: campaign.message,
			nbSms: campaign.nbSms,
			nbContacts: campaign.nbContacts,
			lists: usedLists(campaign),
			[senderField]: campaign.tpoaUsed,
			tracking: campaign.tracking,
		};
	}
	return {
		id: campaign.id,
		name: campaign.name,
		message: campaign.message,
		[senderField]: campaign.tpoaUsed,
		commandDate,
		sendingDate,
		nbSms: campaign.nbSms,
		nbContacts: campaign.nbContacts,
		status: campaign.status,
		usedLists: usedLists(campaign),
		tracking: campaign.tracking,
	};
}
