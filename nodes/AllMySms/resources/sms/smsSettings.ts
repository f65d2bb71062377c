import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	invalidField,
	readOwnIdentifier,
	readRecipientsPerRequest,
	readSendAt,
	text,
} from '../../shared/input';
import type { Batch, CampaignRules, BatchRun } from '../../shared/batchRunner';
import { checkCost, estimateSms } from '../../shared/rules/cost';
import { smsDataFlow } from '../../shared/smsData';
import type { Flow, RequestFormat } from '../../shared/transport';
import {
	charactersNeedingUnicode,
	chooseCoding,
	highestPlaceholder,
	LIMITS,
	maxLength,
	measureMessage,
	personalise,
} from '../../shared/validation/message';
import type { Coding, RequestedCoding } from '../../shared/validation/message';
import { checkPhoneNumber, splitPhoneNumbers } from '../../shared/validation/phoneNumbers';
import type { PhoneNumber } from '../../shared/validation/phoneNumbers';
import { checkSender } from '../../shared/validation/sender';
import {
	applyCommercialHours,
	applyStopMentions,
	readSendingRules,
	SENDING_RULE_LABELS,
} from '../../shared/rules/sendingRules';
import type { SendingRuleSettings } from '../../shared/rules/sendingRules';
import type { SmsOperation } from './fields';

/**
 * The SMS operations' parameters, read item by item and checked against the manual's rules, so
 * that a bad value stops the node (or becomes an error item) before any request.
 */

/** What one request says once for all its recipients. */
export interface SmsSettings extends SendingRuleSettings {
	message: string;
	requestedCoding: RequestedCoding;
	parameterCount: number;
	sender?: string;
	sendAt?: string;
	campaignName?: string;
	clientMessageId?: string;
	trackLinks: boolean;
	priority: boolean;
	explainDiscarded: boolean;
	uniqueIdentifier?: string;
	recipientsPerRequest: number;
	format: RequestFormat;
}

export interface Recipient {
	itemIndex: number;
	number: PhoneNumber;
	params: string[];
	/** The text this recipient receives, parameters filled in. */
	text: string;
}

/** A batch of SMS whose encoding is settled (one per campaign). */
export type SmsBatch = Batch<SmsSettings, Recipient> & { coding: Coding };

const LABELS = {
	phoneNumbers: 'Phone Numbers',
	message: 'Message',
	messageParameters: 'Message Parameters',
	sender: 'Sender Name',
	sendAt: 'Send At',
	coding: 'Encoding',
	recipientsPerRequest: 'Recipients per Request',
	uniqueIdentifier: 'Unique Identifier',
} as const;

/** What every recipient of one campaign shares; only phone numbers and parameter values vary. */
export const SMS_CAMPAIGN: CampaignRules<SmsSettings> = {
	labels: {
		message: 'Message',
		requestedCoding: 'Encoding',
		parameterCount: 'the number of Message Parameters',
		sender: 'Sender Name',
		sendAt: 'Send At',
		campaignName: 'Campaign Name',
		clientMessageId: 'Client Message ID',
		trackLinks: 'Track Links',
		priority: 'Priority Channel',
		explainDiscarded: 'Explain Discarded Numbers',
		uniqueIdentifier: 'Unique Identifier',
		recipientsPerRequest: 'Recipients per Request',
		format: 'Request Format',
		...SENDING_RULE_LABELS,
	},
	description:
		'With "One Campaign for All Input Items" the message and options are the same for every recipient; put what varies in Message Parameters (#param_1#…). Nothing was sent.',
};

export function readSmsItem(
	context: IExecuteFunctions,
	run: BatchRun<SmsSettings, Recipient>,
	operation: SmsOperation,
	itemIndex: number,
): { settings: SmsSettings; entries: Recipient[] } {
	const invalid = (field: keyof typeof LABELS, reason: string) =>
		invalidField(run.node, itemIndex, LABELS[field], reason);
	const read = (name: string, fallback: unknown) => run.parameters.get(name, itemIndex, fallback);

	const options = read('options', {}) as IDataObject;
	const message = String(read('message', '') ?? '');
	if (message.trim() === '') throw invalid('message', 'the message is empty');

	const params =
		operation === 'simpleSms'
			? []
			: (
					(read('messageParameters.parameter', []) as Array<{ value?: unknown }> | undefined) ?? []
				).map((parameter) => text(parameter.value));
	const highest = highestPlaceholder(message);
	if (highest > params.length) {
		throw invalid(
			params.length ? 'messageParameters' : 'message',
			`the message uses #param_${highest}# but ${params.length} parameter(s) are set in Message Parameters`,
		);
	}

	const requestedCoding = (options.coding as RequestedCoding | undefined) ?? 'auto';
	const sender = text(options.sender);
	if (sender) {
		const problem = checkSender(sender);
		if (problem) throw invalid('sender', problem);
	}
	const sendAt = readSendAt(options.sendAt, context.getTimezone(), (reason) =>
		invalid('sendAt', reason),
	);
	const recipientsPerRequest = readRecipientsPerRequest(options.recipientsPerRequest, (reason) =>
		invalid('recipientsPerRequest', reason),
	);

	const rawNumbers = splitPhoneNumbers(read('phoneNumbers', ''));
	if (rawNumbers.length === 0) throw invalid('phoneNumbers', 'no phone number was given');
	const personalised = personalise(message, params);
	const entries = rawNumbers.map((raw): Recipient => {
		const check = checkPhoneNumber(raw);
		if (!check.ok) throw invalid('phoneNumbers', check.reason);
		return { itemIndex, number: check.number, params, text: personalised };
	});

	if (requestedCoding === 'gsm7') {
		const unsupported = charactersNeedingUnicode(personalised);
		if (unsupported.length) {
			throw invalid(
				'coding',
				`GSM-7 cannot send ${unsupported.map((char) => `"${char}"`).join(', ')}; choose Unicode or Automatic`,
			);
		}
	}

	return {
		entries,
		settings: {
			message,
			requestedCoding,
			parameterCount: params.length,
			sender: sender || undefined,
			sendAt,
			campaignName: text(options.campaignName) || undefined,
			clientMessageId: text(options.clientMessageId) || undefined,
			trackLinks: options.trackLinks === true,
			priority: options.priority === true,
			explainDiscarded: options.explainDiscarded === true,
			uniqueIdentifier: readOwnIdentifier(options.uniqueIdentifier, (reason) =>
				invalid('uniqueIdentifier', reason),
			),
			recipientsPerRequest,
			format: options.requestFormat === 'xml' ? 'xml' : 'json',
			...readSendingRules(run.node, itemIndex, read, options),
		},
	};
}

function* textsOf(recipients: Recipient[]): Generator<string> {
	for (const recipient of recipients) yield recipient.text;
}

/**
 * Settles each batch's encoding (one per campaign) and checks every recipient's text against the
 * 8-part limit in that encoding: the items whose text is too long are refused, the rest kept.
 */
export function settleEncoding(
	run: BatchRun<SmsSettings, Recipient>,
	batches: Array<Batch<SmsSettings, Recipient>>,
): SmsBatch[] {
	const settled: SmsBatch[] = [];
	for (const batch of batches) {
		const coding = chooseCoding(batch.settings.requestedCoding, textsOf(batch.entries));
		const tooLong = new Set<number>();
		// An item's recipients share one text: measured once.
		let lastText: string | undefined;
		let size = { length: 0, parts: 0 };
		for (const recipient of batch.entries) {
			if (tooLong.has(recipient.itemIndex)) continue;
			if (recipient.text !== lastText) {
				lastText = recipient.text;
				size = measureMessage(recipient.text, coding);
			}
			const { length, parts } = size;
			if (parts <= LIMITS.maxParts) continue;
			tooLong.add(recipient.itemIndex);
			run.reject(
				recipient.itemIndex,
				invalidField(
					run.node,
					recipient.itemIndex,
					LABELS.message,
					`${length} characters make ${parts} SMS parts in ${coding === 'gsm7' ? 'GSM-7' : 'Unicode'}; the maximum is ${LIMITS.maxParts} parts (${maxLength(coding)} characters, line breaks and ^{}\\[~]|€ counting double)`,
				),
			);
		}
		const entries = tooLong.size
			? batch.entries.filter((recipient) => !tooLong.has(recipient.itemIndex))
			: batch.entries;
		if (entries.length === 0) continue;
		const itemIndices = tooLong.size
			? batch.itemIndices.filter((index) => !tooLong.has(index))
			: batch.itemIndices;
		settled.push({ ...batch, itemIndices, entries, coding });
	}
	return settled;
}

/** Reads, checks and batches the items of an SMS operation: nothing has been sent when it returns. */
export function prepareSms(
	context: IExecuteFunctions,
	run: BatchRun<SmsSettings, Recipient>,
	operation: SmsOperation,
	mode: 'perItem' | 'campaign',
): SmsBatch[] {
	const collected = run.collect(
		(itemIndex) => readSmsItem(context, run, operation, itemIndex),
		mode,
		SMS_CAMPAIGN,
	);
	// The sending rules (shared/rules/sendingRules.ts): the STOP mention before the length check,
	// the commercial hours (not for a simulation, which sends nothing) once the batches are final.
	const settled = settleEncoding(
		run,
		applyStopMentions(context, run.refuseSharedIdentifiers(collected)),
	);
	return operation === 'simulateCampaign' ? settled : applyCommercialHours(context, run, settled);
}

/** The smsData flow of one request of a batch (shared/smsData.ts). */
export function smsFlow(batch: SmsBatch, recipients: Recipient[], uniqueIdentifier?: string): Flow {
	const { settings } = batch;
	return smsDataFlow(
		{ ...settings, coding: batch.coding, uniqueIdentifier },
		recipients.map((recipient) => ({ toSend: recipient.number.toSend, params: recipient.params })),
	);
}

/** The cost and credit check (shared/rules/cost.ts) over the prepared batches, before the first send. */
export async function checkSmsCost(
	context: IExecuteFunctions,
	run: BatchRun<SmsSettings, Recipient>,
	batches: SmsBatch[],
): Promise<SmsBatch[]> {
	return await checkCost(context, run, batches, () => estimateSms(context, batches));
}
