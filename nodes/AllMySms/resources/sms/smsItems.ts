import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { groupAsCampaign as sharedGroupAsCampaign, groupPerItem as sharedGroupPerItem } from '../../shared/sends';
import type { RequestFormat } from '../../shared/transport';
import { toAllMySmsDate } from '../../shared/validation/dates';
import {
	charactersNeedingUnicode,
	highestPlaceholder,
	LIMITS,
	maxLength,
	measureMessage,
	personalise,
} from '../../shared/validation/message';
import type { Coding } from '../../shared/validation/message';
import { checkPhoneNumber, splitPhoneNumbers } from '../../shared/validation/phoneNumbers';
import type { PhoneNumber } from '../../shared/validation/phoneNumbers';
import { checkSender } from '../../shared/validation/sender';
import { DEFAULT_RECIPIENTS_PER_REQUEST } from './fields';
import type { SmsOperation } from './fields';

/**
 * Reads the SMS operations' parameters item by item and checks them against the manual's
 * rules, so that a bad value stops the node (or becomes an error item) before any request.
 */

export type RequestedCoding = 'auto' | Coding;

/** What one request says once for all its recipients. */
export interface SmsSettings {
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

export interface SmsItem {
	itemIndex: number;
	settings: SmsSettings;
	recipients: Recipient[];
}

/** Recipients sharing settings, sent as one campaign (possibly over several requests). */
export interface SmsGroup {
	itemIndices: number[];
	settings: SmsSettings;
	coding: Coding;
	recipients: Recipient[];
}

const FIELD_LABELS: Record<string, string> = {
	phoneNumbers: 'Phone Numbers',
	message: 'Message',
	messageParameters: 'Message Parameters',
	sender: 'Sender Name',
	sendAt: 'Send At',
	coding: 'Encoding',
	recipientsPerRequest: 'Recipients per Request',
};

function invalid(context: IExecuteFunctions, itemIndex: number, field: string, reason: string): NodeOperationError {
	const label = FIELD_LABELS[field] ?? field;
	return new NodeOperationError(context.getNode(), `Invalid "${label}" in item ${itemIndex}: ${reason}`, {
		itemIndex,
		description: 'Nothing was sent: every item is checked before the first request.',
	});
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

export function readSmsItem(this: IExecuteFunctions, operation: SmsOperation, itemIndex: number): SmsItem {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const message = String(this.getNodeParameter('message', itemIndex, '') ?? '');
	if (message.trim() === '') throw invalid(this, itemIndex, 'message', 'the message is empty');

	const params =
		operation === 'simpleSms'
			? []
			: (
					(this.getNodeParameter('messageParameters.parameter', itemIndex, []) as Array<{ value?: unknown }>) ?? []
				).map((parameter) => text(parameter.value));
	const highest = highestPlaceholder(message);
	if (highest > params.length) {
		throw invalid(
			this,
			itemIndex,
			params.length ? 'messageParameters' : 'message',
			`the message uses #param_${highest}# but ${params.length} parameter(s) are set in Message Parameters`,
		);
	}

	const requestedCoding = (options.coding as RequestedCoding | undefined) ?? 'auto';
	const sender = text(options.sender);
	if (sender) {
		const problem = checkSender(sender);
		if (problem) throw invalid(this, itemIndex, 'sender', problem);
	}
	let sendAt: string | undefined;
	if (text(options.sendAt)) {
		sendAt = toAllMySmsDate(options.sendAt, this.getTimezone());
		if (!sendAt) throw invalid(this, itemIndex, 'sendAt', `"${text(options.sendAt)}" is not a date`);
	}
	const recipientsPerRequest = Number(options.recipientsPerRequest ?? DEFAULT_RECIPIENTS_PER_REQUEST);
	if (!Number.isInteger(recipientsPerRequest) || recipientsPerRequest < 1) {
		throw invalid(this, itemIndex, 'recipientsPerRequest', 'it must be a whole number of at least 1');
	}

	const rawNumbers = splitPhoneNumbers(this.getNodeParameter('phoneNumbers', itemIndex, ''));
	if (rawNumbers.length === 0) throw invalid(this, itemIndex, 'phoneNumbers', 'no phone number was given');
	const personalised = personalise(message, params);
	const recipients = rawNumbers.map((raw): Recipient => {
		const check = checkPhoneNumber(raw);
		if (!check.ok) throw invalid(this, itemIndex, 'phoneNumbers', check.reason);
		return { itemIndex, number: check.number, params, text: personalised };
	});

	if (requestedCoding === 'gsm7') {
		const unsupported = charactersNeedingUnicode(personalised);
		if (unsupported.length) {
			throw invalid(
				this,
				itemIndex,
				'coding',
				`GSM-7 cannot send ${unsupported.map((char) => `"${char}"`).join(', ')}; choose Unicode or Automatic`,
			);
		}
	}

	return {
		itemIndex,
		recipients,
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
			uniqueIdentifier: text(options.uniqueIdentifier) || undefined,
			recipientsPerRequest,
			format: options.requestFormat === 'xml' ? 'xml' : 'json',
		},
	};
}

/** One group per item: each item is its own send. */
export function groupPerItem(items: SmsItem[]): Array<Omit<SmsGroup, 'coding'>> {
	return sharedGroupPerItem(items);
}

const SETTING_LABELS: Record<keyof SmsSettings, string> = {
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
};

/**
 * All items as one campaign: every item must agree on what the campaign says once (message,
 * sender, date…); only phone numbers and parameter values vary. Items that disagree with the
 * first are reported through `reject`.
 */
export function groupAsCampaign(
	context: IExecuteFunctions,
	items: SmsItem[],
	reject: (itemIndex: number, error: NodeOperationError) => void,
): Array<Omit<SmsGroup, 'coding'>> {
	return sharedGroupAsCampaign(
		context,
		items,
		SETTING_LABELS,
		'With "One Campaign for All Input Items" the message and options are the same for every recipient; put what varies in Message Parameters (#param_1#…). Nothing was sent.',
		reject,
	);
}

/**
 * Settles the group's encoding (one per campaign) and checks every recipient's text against
 * the 8-part limit in that encoding. Returns the items whose text is too long.
 */
export function settleGroup(
	context: IExecuteFunctions,
	group: Omit<SmsGroup, 'coding'>,
): { group: SmsGroup; tooLong: Map<number, NodeOperationError> } {
	const { requestedCoding } = group.settings;
	const coding: Coding =
		requestedCoding !== 'auto'
			? requestedCoding
			: group.recipients.some((recipient) => charactersNeedingUnicode(recipient.text).length > 0)
				? 'unicode'
				: 'gsm7';
	const tooLong = new Map<number, NodeOperationError>();
	const measured = new Map<string, number>();
	for (const recipient of group.recipients) {
		if (tooLong.has(recipient.itemIndex)) continue;
		const size = measured.get(recipient.text) ?? measureMessage(recipient.text, coding).parts;
		measured.set(recipient.text, size);
		if (size > LIMITS.maxParts) {
			const { length } = measureMessage(recipient.text, coding);
			tooLong.set(
				recipient.itemIndex,
				invalid(
					context,
					recipient.itemIndex,
					'message',
					`${length} characters make ${size} SMS parts in ${coding === 'gsm7' ? 'GSM-7' : 'Unicode'}; the maximum is ${LIMITS.maxParts} parts (${maxLength(coding)} characters, line breaks and ^{}\\[~]|€ counting double)`,
				),
			);
		}
	}
	return { group: { ...group, coding }, tooLong };
}
