import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { messageCategoryField, outsideAllowedHoursField } from '../../shared/rules/ruleFields';
import { readSendMode, recipientOutput, BatchRun } from '../../shared/batchRunner';
import { judgeAtDeparture } from '../../shared/rules/sendingRules';
import {
	messageField,
	messageParametersField,
	optionsField,
	phoneNumbersField,
	smsSendModeField,
} from './fields';
import { checkSmsCost, prepareSms, smsFlow } from './smsSettings';
import type { Recipient, SmsSettings } from './smsSettings';

export const sendSmsDescription: INodeProperties[] = [
	smsSendModeField(['sendSms']),
	phoneNumbersField(['sendSms']),
	messageField(['sendSms'], true),
	messageParametersField(['sendSms']),
	messageCategoryField('sms', ['sendSms']),
	outsideAllowedHoursField('sms', ['sendSms']),
	optionsField('sendSms'),
];

interface DiscardedNumber {
	phoneNumber?: string;
	reason?: string;
}

const withoutPlus = (phone: unknown) => String(phone ?? '').replace(/^\+/, '');

/**
 * One output per recipient of a campaign: its smsId, or why it was not sent. AllMySMS answers
 * with international numbers (336…), which is how recipients are matched; a number given twice
 * gets its smsId once.
 */
export function perRecipient(recipients: Recipient[], answer: IDataObject): IDataObject[] {
	const smsIds = new Map<string, string[]>();
	for (const entry of (answer.smsIds as IDataObject[] | undefined) ?? []) {
		const phone = withoutPlus(entry.phoneNumber);
		const ids = smsIds.get(phone);
		if (ids) ids.push(String(entry.smsId));
		else smsIds.set(phone, [String(entry.smsId)]);
	}
	const discarded = new Map<string, DiscardedNumber>();
	for (const entry of (answer.discardedNumbersDetails as DiscardedNumber[] | undefined) ?? []) {
		discarded.set(withoutPlus(entry.phoneNumber), entry);
	}
	const invalid = new Set((answer.invalidNumbers as string[] | undefined) ?? []);
	const seen = new Set<string>();

	return recipients.map((recipient) => {
		const { international, toSend } = recipient.number;
		const json = recipientOutput(international, answer);
		const smsId = smsIds.get(international)?.shift();
		if (smsId !== undefined) {
			json.smsId = smsId;
		} else {
			json.smsId = null;
			// Discarded numbers may come back as given or in international form: look up both.
			json.notSentReason =
				(discarded.get(international) ?? discarded.get(withoutPlus(toSend)))?.reason ??
				(invalid.has(toSend) || invalid.has(international)
					? 'invalid'
					: seen.has(international)
						? 'duplicate'
						: 'discarded by AllMySMS (turn on "Explain Discarded Numbers" to know why)');
		}
		if (answer.treatmentStatus !== undefined) json.treatmentStatus = answer.treatmentStatus;
		seen.add(international);
		return json;
	});
}

export async function sendSms(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = new BatchRun<SmsSettings, Recipient>(this, { method: 'sendSms', sends: true });
	const mode = readSendMode(this);
	const batches = await checkSmsCost(this, run, prepareSms(this, run, 'sendSms', mode));
	for (const batch of batches) {
		await run.send(batch, {
			chunkSize: batch.settings.recipientsPerRequest,
			format: batch.settings.format,
			// The commercial hours are judged again as each request leaves.
			build: (recipients, uniqueIdentifier) => ({
				flow: smsFlow(
					{ ...batch, settings: judgeAtDeparture(run.node, batch.settings, recipients) },
					recipients,
					uniqueIdentifier,
				),
			}),
			perEntry: mode === 'campaign' ? perRecipient : undefined,
		});
	}
	return run.output();
}
