/**
 * SMS sending engine shared by simpleSms, sendSms and simulateCampaign: validation of a
 * campaign, commit (campaign + SMS + credits), the unique-identifier and
 * 10-second guards and the discarded-numbers details.
 */
import { balanceOf, costOf, creditsPerSms } from './pricing';
import {
	DEFAULT_SHORT_CODE,
	FRENCH_DESTINATIONS,
	MAX_PARTS,
	checkPhoneNumber,
	endsWithStopMention,
	formatApiDate,
	isValidTpoa,
	parseApiDate,
	segmentCount,
	substituteParams,
	type Coding,
} from './rules';
import type { Account, BlacklistComment, Campaign, SandboxState, SmsRecord } from './state';
import {
	ALREADY_PROCESSED,
	STATUS,
	insufficientCreditsText,
	statusText,
	type SendStatus,
} from './statuses';
import type { MethodContext } from './methods/context';
import { isRecord, parseDataFlow, scalar } from './smsData';

export interface SendRecipientInput {
	/** Number exactly as the client gave it (undefined when absent). */
	phone: string | undefined;
	params: Record<number, string>;
	cliMsgId?: string;
}

export interface SendInput {
	message: string | undefined;
	dynamic: number;
	campaignName?: string;
	date?: string;
	tpoa?: string;
	coding: Coding;
	tracking: boolean;
	alerting: boolean;
	cliMsgId?: string;
	verbose: boolean;
	recipients: SendRecipientInput[];
}

export type DiscardReason =
	| 'blacklist_stop'
	| 'blacklist_unassigned'
	| 'blacklist_manual'
	| 'invalid';

export interface DiscardedNumber {
	/** As the client gave it (the manual is silent: lets the client match its own input). */
	phoneNumber: string;
	reason: DiscardReason;
	/** Blacklisting date, for blacklisted numbers (7.2). */
	date?: string;
}

export interface PreparedRecipient {
	msisdn: string;
	countryIso: string;
	message: string;
	parts: number;
	credits: number;
	sender: string;
	cliMsgId: string | undefined;
}

export interface PreparedSend {
	scheduled: boolean;
	sendingDate: Date;
	/** Where the manual is silent: each invalid number as given, followed by `|`. */
	invalidNumbers: string;
	discarded: DiscardedNumber[];
	recipients: PreparedRecipient[];
	nbSms: number;
	nbContacts: number;
	creditsUsed: number;
	tpoaAsked: string | undefined;
	tpoaUsed: string;
}

export type Preparation =
	| { ok: true; prepared: PreparedSend }
	| { ok: false; answer: Record<string, unknown> };

const BLACKLIST_REASONS: Record<BlacklistComment, DiscardReason> = {
	stop: 'blacklist_stop',
	Refused: 'blacklist_unassigned',
	'manual unsubscribe': 'blacklist_manual',
};

/** Answer of a failed request: status + statusText (+ what the error needs). */
export function failure(
	status: SendStatus,
	extra: Record<string, unknown> = {},
	text: string = statusText(status),
): Record<string, unknown> {
	return { status, statusText: text, ...extra };
}

/**
 * Validates a campaign for `account`. Order of the checks (the manual is silent):
 * 110 empty message → 115 date → 114 no valid number → 111 too long → 104 credits
 * (`checkCredits: false` skips the last one).
 */
export function prepareSend(
	state: SandboxState,
	account: Account,
	input: SendInput,
	options: { checkCredits: boolean },
): Preparation {
	// Where the manual is silent: a message made only of blanks is "vide" too.
	if (input.message === undefined || input.message.trim() === '')
		return { ok: false, answer: failure(STATUS.EMPTY_MESSAGE) };
	const message = input.message;

	const now = state.now();
	let sendingDate = now;
	let scheduled = false;
	if (input.date !== undefined) {
		const check = parseApiDate(input.date);
		if (!check.valid) return { ok: false, answer: failure(STATUS.BAD_DATE) };
		// Where the manual is silent: a date in the past means "now".
		if (check.date.getTime() > now.getTime()) {
			sendingDate = check.date;
			scheduled = true;
		}
	}

	const tpoaAsked = input.tpoa;
	// Where the manual is silent: an invalid TPOA is ignored, the default short code is used.
	const customSender = tpoaAsked !== undefined && isValidTpoa(tpoaAsked) ? tpoaAsked : undefined;

	let invalidNumbers = '';
	const discarded: DiscardedNumber[] = [];
	const recipients: PreparedRecipient[] = [];
	const seen = new Set<string>();
	let tooLong = false;
	for (const recipient of input.recipients) {
		// Where the manual is silent: an SMS entry without number (or an empty one between two ';') is skipped silently.
		if (recipient.phone === undefined || recipient.phone === '') continue;
		const check = checkPhoneNumber(recipient.phone);
		if (!check.valid) {
			invalidNumbers += `${recipient.phone}|`;
			discarded.push({ phoneNumber: recipient.phone, reason: 'invalid' });
			continue;
		}
		// Where the manual is silent: the same number twice is sent once (first occurrence kept).
		if (seen.has(check.msisdn)) continue;
		seen.add(check.msisdn);
		const blacklisted = state.blacklistEntry(account, check.msisdn);
		if (blacklisted) {
			// Where the manual is silent: silently discarded (not an invalid number), detailed with VERBOSE=1.
			discarded.push({
				phoneNumber: recipient.phone,
				reason: BLACKLIST_REASONS[blacklisted.comment],
				date: formatApiDate(blacklisted.date),
			});
			continue;
		}
		const finalMessage = substituteParams(message, input.dynamic, recipient.params);
		const parts = segmentCount(finalMessage, input.coding);
		if (parts > MAX_PARTS) tooLong = true;
		const french = FRENCH_DESTINATIONS.has(check.countryIso);
		recipients.push({
			msisdn: check.msisdn,
			countryIso: check.countryIso,
			message: finalMessage,
			parts,
			credits: parts * creditsPerSms(check.countryIso),
			sender:
				customSender !== undefined && (!french || endsWithStopMention(finalMessage))
					? customSender
					: DEFAULT_SHORT_CODE,
			cliMsgId: recipient.cliMsgId ?? input.cliMsgId,
		});
	}
	const details = input.verbose ? { discardedNumbersDetails: discarded } : {};

	// Where the manual is silent: no valid recipient left.
	if (recipients.length === 0)
		return { ok: false, answer: failure(STATUS.NO_VALID_NUMBER, { invalidNumbers, ...details }) };
	if (tooLong) return { ok: false, answer: failure(STATUS.TOO_LONG) };

	const creditsUsed = recipients.reduce((sum, recipient) => sum + recipient.credits, 0);
	if (options.checkCredits && creditsUsed > account.credits) {
		return {
			ok: false,
			answer: failure(STATUS.NO_CREDITS, {}, insufficientCreditsText(creditsUsed, account.credits)),
		};
	}

	const anyFrench = recipients.some((recipient) => FRENCH_DESTINATIONS.has(recipient.countryIso));
	const tpoaUsed =
		customSender !== undefined && (!anyFrench || endsWithStopMention(message))
			? customSender
			: DEFAULT_SHORT_CODE;
	return {
		ok: true,
		prepared: {
			scheduled,
			sendingDate,
			invalidNumbers,
			discarded,
			recipients,
			nbSms: recipients.reduce((sum, recipient) => sum + recipient.parts, 0),
			nbContacts: recipients.length,
			creditsUsed,
			tpoaAsked,
			tpoaUsed,
		},
	};
}

/** Records the campaign and its SMS, takes the credits (also for a programmed campaign). */
export function commitSend(
	state: SandboxState,
	account: Account,
	apiMethod: string,
	input: SendInput,
	prepared: PreparedSend,
): { campaign: Campaign; sms: SmsRecord[] } {
	const now = state.now();
	const campaign: Campaign = {
		id: state.newCampaignId(),
		// Where the manual is silent: unnamed campaigns are called "API", as in the manual's campaign examples.
		name: input.campaignName ?? 'API',
		type: 'sms',
		createdBy: apiMethod,
		message: input.message ?? '',
		tpoaAsked: prepared.tpoaAsked,
		tpoaUsed: prepared.tpoaUsed,
		dateCommand: now,
		sendingDate: prepared.sendingDate,
		status: prepared.scheduled ? 'programmed' : 'sent',
		nbSms: prepared.nbSms,
		nbContacts: prepared.nbContacts,
		creditsUsed: prepared.creditsUsed,
		cliMsgId: input.cliMsgId,
		tracking: input.tracking,
		coding: input.coding,
		alerting: input.alerting,
		lists: [],
		smsIds: [],
	};
	const sms = prepared.recipients.map(
		(recipient): SmsRecord => ({
			smsId: state.newSmsId(),
			campaignId: campaign.id,
			login: account.login,
			phoneNumber: recipient.msisdn,
			countryIso: recipient.countryIso,
			message: recipient.message,
			parts: recipient.parts,
			credits: recipient.credits,
			sender: recipient.sender,
			cliMsgId: recipient.cliMsgId,
			// Annex 3: 3 = "Transmis à l'opérateur" once handed over; nothing yet while programmed.
			ackStatus: prepared.scheduled ? null : 3,
			receptionDate: prepared.scheduled ? null : now,
			clicks: 0,
		}),
	);
	campaign.smsIds = sms.map((record) => record.smsId);
	state.addCampaign(account, campaign, sms);
	state.debit(account, prepared.creditsUsed);
	return { campaign, sms };
}

/** Status and text of an accepted request. */
export function acceptedStatus(prepared: PreparedSend): { status: SendStatus; statusText: string } {
	const status = prepared.scheduled ? STATUS.PROGRAMMED : STATUS.SENT;
	return { status, statusText: statusText(status) };
}

export function money(account: Account, creditsUsed: number): { balance: number; cost: number } {
	return { balance: balanceOf(account.credits), cost: costOf(creditsUsed) };
}

/** What the guards need to know about a sending request. */
export interface SendGuard {
	/** The request's unique identifier (UNIQUEIDENTIFIER, uniqueidentifier, …), when it has one. */
	uniqueIdentifier: string | undefined;
	/** The form field holding the method's XML/JSON flow, compared in a normalised form (121). */
	flow?: { param: string; listElements: readonly string[] };
}

/**
 * Runs a sending request under the unique-identifier and 10-second guards:
 * - unique identifier (scope account + method, 24 h): reuse → original answer +
 *   treatmentStatus, reuse while the first is still processing → 160. Checked first.
 * - identical request (same account, method and parameters apart from login, apiKey,
 *   returnformat and subAccount; the flow compared once parsed, see `normalisedFlow`) still
 *   being processed, or accepted less than 10 s ago → 121.
 * Only accepted requests (100/101) register their identifier and fingerprint for later (decision:
 * a refused request may be corrected and retried with the same identifier). "Being processed"
 * lasts until the answer leaves, an injected delay included (`holdAnswer`).
 */
export async function guardedSend(
	context: MethodContext,
	guard: SendGuard,
	run: () => Record<string, unknown>,
): Promise<Record<string, unknown>> {
	const { state, account, apiMethod } = context;
	const { uniqueIdentifier } = guard;
	if (uniqueIdentifier !== undefined) {
		const known = state.guards.uniqueIdentifier(account.login, apiMethod, uniqueIdentifier);
		if (known?.state === 'processing') return failure(STATUS.UNIQUE_ID_IN_PROGRESS);
		if (known?.state === 'done' && known.answer)
			return { ...known.answer, treatmentStatus: ALREADY_PROCESSED };
	}
	const fingerprint = requestFingerprint(context.params, guard.flow);
	if (state.guards.isRecentDuplicate(account.login, apiMethod, fingerprint))
		return failure(STATUS.DUPLICATE_REQUEST);

	if (uniqueIdentifier !== undefined)
		state.guards.reserveUniqueIdentifier(account.login, apiMethod, uniqueIdentifier);
	state.guards.startProcessing(account.login, apiMethod, fingerprint);
	let answer: Record<string, unknown> | undefined;
	try {
		answer = run();
		await context.holdAnswer();
	} finally {
		state.guards.endProcessing(account.login, apiMethod, fingerprint);
		const accepted =
			answer !== undefined &&
			(answer.status === STATUS.SENT || answer.status === STATUS.PROGRAMMED);
		if (accepted) state.guards.rememberAccepted(account.login, apiMethod, fingerprint);
		if (uniqueIdentifier !== undefined) {
			if (accepted && answer)
				state.guards.completeUniqueIdentifier(account.login, apiMethod, uniqueIdentifier, answer);
			else state.guards.releaseUniqueIdentifier(account.login, apiMethod, uniqueIdentifier);
		}
	}
	return answer;
}

/**
 * Where the manual is silent on what "identique" (121) compares: the content of the send, not
 * its unique identifier. The guard is there to stop sending loops (annex 2), and a loop that
 * makes a new identifier per request would slip through otherwise.
 */
const NOT_FINGERPRINTED = new Set([
	'login',
	'apiKey',
	'returnformat',
	'subAccount',
	'uniqueidentifier',
	'uniquelIdentifier',
	'uniqueIdentifier',
]);
const FLOW_IDENTIFIER = 'UNIQUEIDENTIFIER';

function requestFingerprint(params: Record<string, string>, flow: SendGuard['flow']): string {
	const kept = Object.keys(params)
		.filter((name) => !NOT_FINGERPRINTED.has(name))
		.sort()
		.map((name) => [
			name,
			name === flow?.param
				? withoutIdentifier(normalisedFlow(params[name], flow.listElements))
				: params[name],
		]);
	return JSON.stringify(kept);
}

function withoutIdentifier(flow: unknown): unknown {
	if (!isRecord(flow)) return flow;
	const { [FLOW_IDENTIFIER]: _identifier, ...rest } = flow;
	return rest;
}

/**
 * Decision (manual silent on what "identique" compares): the flow as the API reads it, so that
 * the same flow in XML or JSON, with its keys in another order or other blanks between them, is
 * the same request. DATA only, keys sorted, a one-element list as its element, values as the
 * text the API reads (numbers as text, since XML has none; XML text trimmed by the parser, CDATA
 * and JSON strings as they are: a trailing blank in a message is a different message). An
 * unreadable flow is compared as raw text.
 */
export function normalisedFlow(raw: string | undefined, listElements: readonly string[]): unknown {
	const parsed = parseDataFlow(raw, listElements);
	return parsed.ok ? canonical(parsed.root ?? {}) : raw;
}

function canonical(value: unknown): unknown {
	if (Array.isArray(value)) return value.length === 1 ? canonical(value[0]) : value.map(canonical);
	const text = scalar(value);
	if (text !== undefined) return text;
	if (isRecord(value))
		return Object.fromEntries(
			Object.keys(value)
				.sort()
				.map((key) => [key, canonical(value[key])]),
		);
	return '';
}
