import type { DateTime } from 'luxon';
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import type { Batch, BatchRun } from '../batchRunner';
import * as clock from '../clock';
import { isFrenchNumber, territoryOf } from '../france';
import { invalidField } from '../input';
import { ALLMYSMS_TIME_ZONE, parseAllMySmsDate, toAllMySmsDate } from '../validation/dates';
import { personalise } from '../validation/message';
import type { PhoneNumber } from '../validation/phoneNumbers';
import { endsWithStopMention } from '../validation/sender';
import { decideCommercialSend, describeParisTime } from './commercialHours';
import type { CommercialSendDecision, MessageType, OutsideAllowedHours } from './commercialHours';
import { applyStopMention } from './stopMention';

/**
 * The sending rules applied to the batches of a send, after every item is read and before the
 * first request (README, "Sending rules"):
 * - the commercial-hours guard, one verdict per batch (and send date), never per recipient:
 *   AllMySMS sends a campaign's message at one date, so one French recipient is enough for the
 *   rule to apply; Refuse refuses the whole campaign, naming its first item; Schedule moves it;
 * - the STOP mention (SMS only), added to the batch's one message.
 */

export interface SendingRuleSettings {
	messageCategory: MessageType;
	outsideAllowedHours: OutsideAllowedHours;
	addStopMention: boolean;
	maximumCredits: number;
	allowPartialSends: boolean;
}

/** Editor labels, for the campaign rule "every item must agree". */
export const SENDING_RULE_LABELS: Record<keyof SendingRuleSettings, string> = {
	messageCategory: 'Message Category',
	outsideAllowedHours: 'Outside Allowed Hours',
	addStopMention: 'Add "STOP au 36180"',
	maximumCredits: 'Maximum Credits',
	allowPartialSends: 'Allow Partial Sends',
};

/** Reads the rule parameters of one item (top-level category and hours, the rest in Options). */
export function readSendingRules(
	node: INode,
	itemIndex: number,
	read: (name: string, fallback: unknown) => unknown,
	options: IDataObject,
): SendingRuleSettings {
	const category = read('messageCategory', 'commercial');
	const maximumCredits = Number(options.maximumCredits ?? 0);
	if (!Number.isFinite(maximumCredits) || maximumCredits < 0) {
		throw invalidField(
			node,
			itemIndex,
			SENDING_RULE_LABELS.maximumCredits,
			'it must be a number of at least 0 (0: no maximum)',
		);
	}
	return {
		messageCategory: category === 'transactional' ? 'transactional' : 'commercial',
		outsideAllowedHours:
			read('outsideAllowedHours', 'refuse') === 'schedule' ? 'schedule' : 'refuse',
		addStopMention: options.addStopMention !== false,
		maximumCredits,
		allowPartialSends: options.allowPartialSends === true,
	};
}

interface RuledSettings extends SendingRuleSettings {
	sendAt?: string;
}

interface RuledEntry {
	itemIndex: number;
	number: PhoneNumber;
}

/**
 * The commercial-hours decision for some entries of a batch; undefined where the rule does not
 * apply. `decisions` memoises them (one decision takes about half a millisecond): they depend on
 * the send date and the French recipients' count and territories only, which per-item sends share.
 */
function decisionFor(
	settings: RuledSettings,
	entries: readonly RuledEntry[],
	now: Date,
	decisions?: Map<string, CommercialSendDecision>,
): CommercialSendDecision | undefined {
	if (settings.messageCategory === 'transactional') return undefined;
	const numbers: string[] = [];
	const territories = new Set<string>();
	for (const entry of entries) {
		const territory = territoryOf(entry.number.international);
		if (!territory) continue;
		numbers.push(entry.number.international);
		territories.add(territory.name);
	}
	if (numbers.length === 0) return undefined;
	const key = `${settings.sendAt ?? ''}|${settings.outsideAllowedHours}|${numbers.length}|${[...territories].sort().join(',')}`;
	let decision = decisions?.get(key);
	if (!decision) {
		decision = decideCommercialSend({
			messageType: 'commercial',
			outsideAllowedHours: settings.outsideAllowedHours,
			now,
			sendAt: settings.sendAt ? parseAllMySmsDate(settings.sendAt) : undefined,
			numbers,
		});
		decisions?.set(key, decision);
	}
	return decision;
}

function rescheduled<S extends RuledSettings>(settings: S, sendAt: DateTime): S {
	return { ...settings, sendAt: toAllMySmsDate(sendAt.toJSDate(), ALLMYSMS_TIME_ZONE) };
}

/** Items as n8n's output panel numbers them, from 1 (hints are read there). */
function itemsText(itemIndices: number[]): string {
	if (itemIndices.length === 1) return `item ${itemIndices[0] + 1}`;
	return `the campaign of items ${itemIndices[0] + 1}-${itemIndices[itemIndices.length - 1] + 1}`;
}

/**
 * The commercial-hours guard over the batches of a send. Returns the batches to send (a
 * scheduled one carries its new Send At); a refused batch stops the node (or, with "Continue On
 * Fail", becomes an error for each of its items) before any request.
 */
export function applyCommercialHours<B extends Batch<RuledSettings, RuledEntry>>(
	context: IExecuteFunctions,
	run: Pick<BatchRun<unknown, { itemIndex: number }>, 'node' | 'reject'>,
	batches: B[],
	now: Date = clock.now(),
): B[] {
	const kept: B[] = [];
	const decisions = new Map<string, CommercialSendDecision>();
	// The hint names the first three scheduled batches and counts the others.
	const named: string[] = [];
	let scheduled = 0;
	for (const batch of batches) {
		const { settings } = batch;
		const decision = decisionFor(settings, batch.entries, now, decisions);
		if (!decision || decision.action === 'send') {
			kept.push(batch);
		} else if (decision.action === 'schedule') {
			kept.push({ ...batch, settings: rescheduled(settings, decision.sendAt) } as B);
			if (scheduled++ < 3)
				named.push(`${itemsText(batch.itemIndices)} for ${describeParisTime(decision.sendAt)}`);
		} else {
			const sendAt = settings.sendAt ? parseAllMySmsDate(settings.sendAt) : undefined;
			const field =
				sendAt && sendAt.toMillis() > now.getTime() ? 'Send At' : 'Outside Allowed Hours';
			const who =
				batch.itemIndices.length > 1
					? `the campaign of ${batch.itemIndices.length} items is refused as a whole: `
					: '';
			for (const itemIndex of batch.itemIndices) {
				run.reject(
					itemIndex,
					invalidField(
						run.node,
						itemIndex,
						field,
						`${who}a commercial message to French numbers may not be sent at this time; the next allowed time is ${describeParisTime(decision.next)}`,
						decision.message,
					),
				);
			}
		}
	}
	if (scheduled) {
		const more = scheduled - named.length;
		context.addExecutionHints({
			message: `Commercial messages to French numbers outside the allowed hours were scheduled for the next allowed time: ${named.join('; ')}${more ? ` and ${more} more` : ''}.`,
			location: 'outputPane',
		});
	}
	return kept;
}

/**
 * The commercial-hours guard again as each request leaves: a send judged at 19:59:50 whose later
 * requests leave after 20:00 (per-item sends, a campaign split in requests, a request that waited
 * out a 160) must not send them then. Returns the settings the request goes out with (a new
 * Send At when the rule schedules it); throws when the rule refuses it, before the request.
 */
export function judgeAtDeparture<S extends RuledSettings>(
	node: INode,
	settings: S,
	entries: readonly RuledEntry[],
	now: Date = clock.now(),
): S {
	const decision = decisionFor(settings, entries, now);
	if (!decision || decision.action === 'send') return settings;
	if (decision.action === 'schedule') return rescheduled(settings, decision.sendAt);
	const refused = invalidField(
		node,
		entries[0]?.itemIndex ?? 0,
		'Outside Allowed Hours',
		`not sent: by the time its request left (${describeParisTime(now)}) commercial messages to French numbers were no longer allowed; the next allowed time is ${describeParisTime(decision.next)}`,
		decision.message,
	);
	refused.context.sendOutcome = 'not sent';
	throw refused;
}

/**
 * What the commercial-hours guard would do with a batch, in words, for the simulation's preview
 * (a simulation sends nothing, so it is never refused): undefined when the rule does not apply.
 */
export function commercialHoursPreview(
	settings: RuledSettings,
	entries: readonly RuledEntry[],
	now: Date = clock.now(),
): string | undefined {
	const decision = decisionFor(settings, entries, now);
	if (!decision) return undefined;
	if (decision.action === 'send')
		return 'within the allowed hours for commercial messages to French numbers';
	if (decision.action === 'schedule')
		return `would be scheduled for ${describeParisTime(decision.sendAt)} (${decision.reason})`;
	return `would be refused (Outside Allowed Hours: Refuse); the next allowed time is ${describeParisTime(decision.next)}`;
}

interface MessageSettings extends SendingRuleSettings {
	message: string;
	sender?: string;
	parameterCount: number;
}

interface MessageEntry extends RuledEntry {
	params: string[];
	text: string;
}

/**
 * The STOP mention over the batches of an SMS send, before their length is checked: added to
 * the message (and each recipient's text) of commercial batches with a Sender Name and a French
 * recipient, or one warning hint when the option is off. A transactional message with a Sender
 * Name to French numbers and no mention gets a hint too: AllMySMS replaces the sender by its
 * short code (7.2).
 */
export function applyStopMentions<B extends Batch<MessageSettings, MessageEntry>>(
	context: IExecuteFunctions,
	batches: B[],
): B[] {
	let warning: string | undefined;
	const result = batches.map((batch) => {
		const { settings } = batch;
		if (!settings.sender) return batch;
		const firstFrench = batch.entries.find((entry) => isFrenchNumber(entry.number.international));
		if (!firstFrench) return batch;
		if (settings.messageCategory !== 'commercial') {
			if (!endsWithStopMention(settings.message))
				warning ??= `AllMySMS uses the sender name "${settings.sender}" for French numbers only when the message ends with "STOP au 36180"; these messages will come from its short code instead.`;
			return batch;
		}
		const decision = applyStopMention({
			messageType: 'commercial',
			sender: settings.sender,
			numbers: [firstFrench.number.international],
			addStopMention: settings.addStopMention,
			message: settings.message,
		});
		warning ??= decision.warning;
		if (!decision.added) return batch;
		const { message } = decision;
		const entries = batch.entries.map((entry) => ({
			...entry,
			text: settings.parameterCount === 0 ? message : personalise(message, entry.params),
		}));
		return { ...batch, settings: { ...settings, message }, entries } as B;
	});
	if (warning) context.addExecutionHints({ message: warning, location: 'outputPane' });
	return result;
}
