import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageCategoryField, outsideAllowedHoursField } from '../../shared/rules/ruleFields';
import { readSendMode, recipientOutput, SendRun } from '../../shared/sendRunner';
import type { Flow } from '../../shared/transport';
import type { Coding } from '../../shared/validation/message';
import { messageField, messageParametersField, optionsField, phoneNumbersField, smsSendModeField } from './fields';
import { estimateSms, guardCost } from '../../shared/rules/costCheck';
import { prepareSms } from './smsSettings';
import type { Recipient, SmsBatch, SmsSettings } from './smsSettings';

export const sendSmsDescription: INodeProperties[] = [
	smsSendModeField(['sendSms']),
	phoneNumbersField(['sendSms']),
	messageField(['sendSms'], true),
	messageParametersField(['sendSms']),
	messageCategoryField('sms', ['sendSms']),
	outsideAllowedHoursField('sms', ['sendSms']),
	optionsField('sendSms'),
];

/** CODING of the flows and `coding` of the simplified URL. */
export const CODING_VALUE: Record<Coding, string> = { gsm7: '1', unicode: '2' };

/** The smsData flow of section 7.2, fields in the order of annex 1 (MESSAGE first, SMS last). */
export function smsFlow(batch: SmsBatch, recipients: Recipient[], uniqueIdentifier?: string): Flow {
	const { settings } = batch;
	const flow: Flow = { MESSAGE: settings.message };
	if (settings.parameterCount > 0) flow.DYNAMIC = String(settings.parameterCount);
	if (settings.campaignName) flow.CAMPAIGN_NAME = settings.campaignName;
	if (settings.sendAt) flow.DATE = settings.sendAt;
	if (settings.sender) flow.TPOA = settings.sender;
	if (settings.clientMessageId) flow.CLIMSGID = settings.clientMessageId;
	if (settings.trackLinks) flow.TRACKING = '1';
	flow.CODING = CODING_VALUE[batch.coding];
	if (settings.priority) flow.ALERTING = '1';
	if (settings.explainDiscarded) flow.VERBOSE = '1';
	if (uniqueIdentifier) flow.UNIQUEIDENTIFIER = uniqueIdentifier;
	flow.SMS = recipients.map((recipient) => {
		const sms: Flow = { MOBILEPHONE: recipient.number.toSend };
		for (let index = 0; index < recipient.params.length; index++) sms[`PARAM_${index + 1}`] = recipient.params[index];
		return sms;
	});
	return flow;
}

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
function perRecipient(recipients: Recipient[], answer: IDataObject): IDataObject[] {
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

/** The cost and credit guard (shared/rules/costCheck.ts) over the prepared batches, before the first send. */
export async function guardSmsCost(
	context: IExecuteFunctions,
	run: SendRun<SmsSettings, Recipient>,
	batches: SmsBatch[],
): Promise<SmsBatch[]> {
	return await guardCost(context, run, batches, () => estimateSms(context, batches, (batch, recipients) => smsFlow(batch, recipients)));
}

export async function sendSms(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = new SendRun<SmsSettings, Recipient>(this, { method: 'sendSms', sends: true });
	const mode = readSendMode(this);
	const batches = await guardSmsCost(this, run, prepareSms(this, run, 'sendSms', mode));
	for (const batch of batches) {
		await run.send(batch, {
			chunkSize: batch.settings.recipientsPerRequest,
			format: batch.settings.format,
			build: (recipients, _requestIndex, uniqueIdentifier) => ({ flow: smsFlow(batch, recipients, uniqueIdentifier) }),
			perEntry: mode === 'campaign' ? perRecipient : undefined,
		});
	}
	return run.output();
}
