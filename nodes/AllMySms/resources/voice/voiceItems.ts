import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { SendGroup, SendItem } from '../../shared/sends';
import type { RequestFormat } from '../../shared/transport';
import { toAllMySmsDate } from '../../shared/validation/dates';
import { splitPhoneNumbers } from '../../shared/validation/phoneNumbers';
import type { PhoneNumber } from '../../shared/validation/phoneNumbers';
import { checkAudioUrl, checkVoiceRecipient, checkVoiceSender } from '../../shared/validation/voice';
import { DEFAULT_VOICE_RECIPIENTS_PER_REQUEST } from './fields';
import type { VoiceSendOperation } from './fields';

/**
 * Reads the voice sends' parameters item by item and checks them against the manual's rules
 * (sections 36-37, annex 13), so that a bad value stops the node (or becomes an error item)
 * before any request.
 */

export type VoiceMessageType = 'directdeposit' | 'call';

/** What one request says once for all its recipients. */
export interface VoiceSettings {
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

export type VoiceItem = SendItem<VoiceSettings, VoiceRecipient>;
export type VoiceGroup = SendGroup<VoiceSettings, VoiceRecipient>;

const FIELD_LABELS: Record<string, string> = {
	phoneNumbers: 'Phone Numbers',
	audioUrl: 'Audio File URL',
	vocalCode: 'Voice Code',
	sender: 'Sender Number',
	sendAt: 'Send At',
	recipientsPerRequest: 'Recipients per Request',
};

/** What must be the same for every item of a campaign (One Campaign for All Input Items). */
export const VOICE_SETTING_LABELS: Record<keyof VoiceSettings, string> = {
	audioUrl: 'Audio File URL',
	code: 'Voice Code',
	sender: 'Sender Number',
	type: 'Message Type',
	sendAt: 'Send At',
	campaignName: 'Campaign Name',
	uniqueIdentifier: 'Unique Identifier',
	recipientsPerRequest: 'Recipients per Request',
	format: 'Request Format',
};

function invalid(context: IExecuteFunctions, itemIndex: number, field: string, reason: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `Invalid "${FIELD_LABELS[field] ?? field}" in item ${itemIndex}: ${reason}`, {
		itemIndex,
		description: 'Nothing was sent: every item is checked before the first request.',
	});
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

export function readVoiceItem(this: IExecuteFunctions, operation: VoiceSendOperation, itemIndex: number): VoiceItem {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;

	const source = operation === 'sendVocal' ? (this.getNodeParameter('audioSource', itemIndex, 'url') as string) : 'url';
	let audioUrl: string | undefined;
	let code: string | undefined;
	if (source === 'code') {
		code = text(this.getNodeParameter('vocalCode', itemIndex, ''));
		if (code === '') throw invalid(this, itemIndex, 'vocalCode', 'the code is empty (create one with Create Code)');
		if (/\s/.test(code)) throw invalid(this, itemIndex, 'vocalCode', `"${code}" is not a voice code (no spaces)`);
	} else {
		const url = checkAudioUrl(text(this.getNodeParameter('audioUrl', itemIndex, '')));
		if (!url.ok) throw invalid(this, itemIndex, 'audioUrl', url.reason);
		audioUrl = url.value;
	}

	const sender = checkVoiceSender(text(this.getNodeParameter('sender', itemIndex, '')));
	if (!sender.ok) throw invalid(this, itemIndex, 'sender', sender.reason);

	let sendAt: string | undefined;
	if (text(options.sendAt)) {
		sendAt = toAllMySmsDate(options.sendAt, this.getTimezone());
		if (!sendAt) throw invalid(this, itemIndex, 'sendAt', `"${text(options.sendAt)}" is not a date`);
	}
	const recipientsPerRequest = Number(options.recipientsPerRequest ?? DEFAULT_VOICE_RECIPIENTS_PER_REQUEST);
	if (!Number.isInteger(recipientsPerRequest) || recipientsPerRequest < 1) {
		throw invalid(this, itemIndex, 'recipientsPerRequest', 'it must be a whole number of at least 1');
	}

	const rawNumbers = splitPhoneNumbers(this.getNodeParameter('phoneNumbers', itemIndex, ''));
	if (rawNumbers.length === 0) throw invalid(this, itemIndex, 'phoneNumbers', 'no phone number was given');
	const recipients = rawNumbers.map((raw): VoiceRecipient => {
		const check = checkVoiceRecipient(raw);
		if (!check.ok) throw invalid(this, itemIndex, 'phoneNumbers', check.reason);
		return { itemIndex, number: check.value };
	});

	return {
		itemIndex,
		recipients,
		settings: {
			audioUrl,
			code,
			sender: sender.value,
			type: options.messageType === 'call' ? 'call' : 'directdeposit',
			sendAt,
			campaignName: text(options.campaignName) || undefined,
			uniqueIdentifier: text(options.uniqueIdentifier) || undefined,
			recipientsPerRequest,
			format: operation === 'sendVocal' && options.requestFormat === 'xml' ? 'xml' : 'json',
		},
	};
}
