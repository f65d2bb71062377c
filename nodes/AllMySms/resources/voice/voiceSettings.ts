import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	invalidField,
	readOwnIdentifier,
	readRecipientsPerRequest,
	readSendAt,
	text,
} from '../../shared/input';
import type { Batch, CampaignRules, SendMode, BatchRun } from '../../shared/batchRunner';
import type { RequestFormat } from '../../shared/transport';
import { splitPhoneNumbers } from '../../shared/validation/phoneNumbers';
import type { PhoneNumber } from '../../shared/validation/phoneNumbers';
import {
	checkAudioUrl,
	checkVoiceRecipient,
	checkVoiceSender,
} from '../../shared/validation/voice';
import { estimateVoice, checkCost } from '../../shared/rules/cost';
import {
	applyCommercialHours,
	readSendingRules,
	SENDING_RULE_LABELS,
} from '../../shared/rules/sendingRules';
import type { SendingRuleSettings } from '../../shared/rules/sendingRules';
import type { VoiceSendOperation } from './fields';

/**
 * Reads the voice sends' parameters item by item and checks them against the manual's rules
 * (sections 36-37, annex 13), so that a bad value stops the node (or becomes an error item)
 * before any request.
 */

export type VoiceMessageType = 'directdeposit' | 'call';

/** What one request says once for all its recipients. */
export interface VoiceSettings extends SendingRuleSettings {
	/** The audio: a file URL, or a createCode code (sendVocal only). Exactly one is set. */
	audioUrl?: string;
	code?: string;
	sender: string;
	type: VoiceMessageType;
	sendAt?: string;
	campaignName?: string;
	uniqueIdentifier?: string;
	recipientsPerRequest: number;
	format: RequestFormat;
}

export interface VoiceRecipient {
	itemIndex: number;
	number: PhoneNumber;
}

const FIELD_LABELS = {
	phoneNumbers: 'Phone Numbers',
	audioUrl: 'Audio File URL',
	vocalCode: 'Voice Code',
	sender: 'Sender Number',
	sendAt: 'Send At',
	recipientsPerRequest: 'Recipients per Request',
	uniqueIdentifier: 'Unique Identifier',
} as const;

/** What must be the same for every item of a campaign (One Campaign for All Input Items). */
export const VOICE_CAMPAIGN: CampaignRules<VoiceSettings> = {
	description:
		'With "One Campaign for All Input Items" every recipient gets the same message with the same options; only the phone numbers vary. Nothing was sent.',
	labels: {
		audioUrl: 'Audio File URL',
		code: 'Voice Code',
		sender: 'Sender Number',
		type: 'Message Type',
		sendAt: 'Send At',
		campaignName: 'Campaign Name',
		uniqueIdentifier: 'Unique Identifier',
		recipientsPerRequest: 'Recipients per Request',
		format: 'Request Format',
		...SENDING_RULE_LABELS,
	},
};

export function readVoiceItem(
	context: IExecuteFunctions,
	run: BatchRun<VoiceSettings, VoiceRecipient>,
	operation: VoiceSendOperation,
	itemIndex: number,
): { settings: VoiceSettings; entries: VoiceRecipient[] } {
	const invalid = (field: keyof typeof FIELD_LABELS, reason: string) =>
		invalidField(run.node, itemIndex, FIELD_LABELS[field], reason);
	const read = (name: string, fallback: unknown) => run.parameters.get(name, itemIndex, fallback);
	const options = read('options', {}) as IDataObject;

	const source = operation === 'sendVocal' ? (read('audioSource', 'url') as string) : 'url';
	let audioUrl: string | undefined;
	let code: string | undefined;
	if (source === 'code') {
		code = text(read('vocalCode', ''));
		if (code === '') throw invalid('vocalCode', 'the code is empty (create one with Create Code)');
		if (/\s/.test(code)) throw invalid('vocalCode', `"${code}" is not a voice code (no spaces)`);
	} else {
		const url = checkAudioUrl(text(read('audioUrl', '')));
		if (!url.ok) throw invalid('audioUrl', url.reason);
		audioUrl = url.value;
	}

	const sender = checkVoiceSender(text(read('sender', '')));
	if (!sender.ok) throw invalid('sender', sender.reason);

	const sendAt = readSendAt(options.sendAt, context.getTimezone(), (reason) =>
		invalid('sendAt', reason),
	);
	const recipientsPerRequest = readRecipientsPerRequest(options.recipientsPerRequest, (reason) =>
		invalid('recipientsPerRequest', reason),
	);

	const rawNumbers = splitPhoneNumbers(read('phoneNumbers', ''));
	if (rawNumbers.length === 0) throw invalid('phoneNumbers', 'no phone number was given');
	const recipients = rawNumbers.map((raw): VoiceRecipient => {
		const check = checkVoiceRecipient(raw);
		if (!check.ok) throw invalid('phoneNumbers', check.reason);
		return { itemIndex, number: check.value };
	});

	return {
		entries: recipients,
		settings: {
			audioUrl,
			code,
			sender: sender.value,
			type: options.messageType === 'call' ? 'call' : 'directdeposit',
			sendAt,
			campaignName: text(options.campaignName) || undefined,
			uniqueIdentifier: readOwnIdentifier(options.uniqueIdentifier, (reason) =>
				invalid('uniqueIdentifier', reason),
			),
			recipientsPerRequest,
			format: operation === 'sendVocal' && options.requestFormat === 'xml' ? 'xml' : 'json',
			...readSendingRules(run.node, itemIndex, read, options),
		},
	};
}

/** Reads, checks and batches the items of a voice send: nothing has been sent when it returns. */
export function prepareVoice(
	context: IExecuteFunctions,
	run: BatchRun<VoiceSettings, VoiceRecipient>,
	operation: VoiceSendOperation,
	mode: SendMode,
): Array<Batch<VoiceSettings, VoiceRecipient>> {
	const batches = run.collect(
		(itemIndex) => readVoiceItem(context, run, operation, itemIndex),
		mode,
		VOICE_CAMPAIGN,
	);
	// The commercial hours (shared/rules/sendingRules.ts): voice goes to French numbers only.
	return applyCommercialHours(context, run, run.refuseSharedIdentifiers(batches));
}

/** The cost and credit guard (shared/rules/cost.ts), before the first send: getPrices per message type. */
export async function checkVoiceCost(
	context: IExecuteFunctions,
	run: BatchRun<VoiceSettings, VoiceRecipient>,
	batches: Array<Batch<VoiceSettings, VoiceRecipient>>,
): Promise<Array<Batch<VoiceSettings, VoiceRecipient>>> {
	return await checkCost(context, run, batches, async () => {
		const recipientsByType = new Map<string, number>();
		for (const batch of batches) {
			recipientsByType.set(
				batch.settings.type,
				(recipientsByType.get(batch.settings.type) ?? 0) + batch.entries.length,
			);
		}
		return await estimateVoice(context, recipientsByType);
	});
}
