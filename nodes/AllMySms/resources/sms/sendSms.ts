import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageField, messageParametersField, optionsField, phoneNumbersField, sendModeField } from './fields';
import { runSmsOperation } from './sendPipeline';
import type { OutputEntry, SmsOperationSpec, SmsRequest } from './sendPipeline';
import { requestIdentifier, smsFlow } from './smsRequests';

export const sendSmsDescription: INodeProperties[] = [
	sendModeField(['sendSms']),
	phoneNumbersField(['sendSms']),
	messageField(['sendSms'], true),
	messageParametersField(['sendSms']),
	optionsField('sendSms'),
];

interface DiscardedNumber {
	phoneNumber?: string;
	reason?: string;
	date?: string;
}

/**
 * One output per recipient of a campaign: its smsId, or why it was not sent. AllMySMS answers
 * with international numbers (336…), which is how recipients are matched; a number given twice
 * gets its smsId once.
 */
function perRecipient(request: SmsRequest, answer: IDataObject): OutputEntry[] {
	const smsIds = new Map<string, string[]>();
	for (const entry of (answer.smsIds as IDataObject[] | undefined) ?? []) {
		const phone = String(entry.phoneNumber ?? '').replace(/^\+/, '');
		smsIds.set(phone, [...(smsIds.get(phone) ?? []), String(entry.smsId)]);
	}
	const discarded = new Map<string, DiscardedNumber>();
	for (const entry of (answer.discardedNumbersDetails as DiscardedNumber[] | undefined) ?? []) {
		discarded.set(String(entry.phoneNumber ?? '').replace(/^\+/, ''), entry);
	}
	const invalid = new Set((answer.invalidNumbers as string[] | undefined) ?? []);
	const seen = new Set<string>();

	return request.recipients.map((recipient) => {
		const { international, toSend } = recipient.number;
		const json: IDataObject = {
			phoneNumber: international,
			campaignId: answer.campaignId,
			status: answer.status,
			statusText: answer.statusText,
		};
		const smsId = smsIds.get(international)?.shift();
		if (smsId) {
			json.smsId = smsId;
		} else {
			json.smsId = null;
			// Discarded numbers may come back as given or in international form: look up both.
			json.notSentReason =
				(discarded.get(international) ?? discarded.get(toSend.replace(/^\+/, '')))?.reason ??
				(invalid.has(toSend) || invalid.has(international)
					? 'invalid'
					: seen.has(international)
						? 'duplicate'
						: 'discarded by AllMySMS (turn on "Explain Discarded Numbers" to know why)');
		}
		if (answer.treatmentStatus !== undefined) json.treatmentStatus = answer.treatmentStatus;
		seen.add(international);
		return { itemIndex: recipient.itemIndex, json };
	});
}

const spec: SmsOperationSpec = {
	operation: 'sendSms',
	method: 'sendSms',
	sends: true,
	campaignMode: true,
	build: ({ group, recipients, index }) => ({
		flow: smsFlow(group.settings, group.coding, recipients, requestIdentifier(group.settings.uniqueIdentifier, index)),
	}),
	present: (request, answer, mode) =>
		mode === 'campaign' ? perRecipient(request, answer) : [{ itemIndex: request.itemIndices[0], json: answer }],
};

export async function sendSms(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runSmsOperation.call(this, spec);
}
