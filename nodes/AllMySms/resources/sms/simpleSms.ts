import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageCategoryField, outsideAllowedHoursField } from '../../shared/rules/ruleFields';
import { BatchRun } from '../../shared/batchRunner';
import { judgeAtDeparture } from '../../shared/rules/sendingRules';
import { messageField, optionsField, phoneNumbersField } from './fields';
import { CODING_VALUE } from '../../shared/smsData';
import { checkSmsCost, prepareSms } from './smsSettings';
import type { Recipient, SmsSettings } from './smsSettings';

export const simpleSmsDescription: INodeProperties[] = [
	phoneNumbersField(['simpleSms']),
	messageField(['simpleSms'], false),
	messageCategoryField('sms', ['simpleSms']),
	outsideAllowedHoursField('sms', ['simpleSms']),
	optionsField('simpleSms'),
];

/** The simplified sending URL (section 6): plain parameters, one request per item. */
export async function simpleSms(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = new BatchRun<SmsSettings, Recipient>(this, { method: 'simpleSms', sends: true });
	for (const batch of await checkSmsCost(
		this,
		run,
		prepareSms(this, run, 'simpleSms', 'perItem'),
	)) {
		const { settings } = batch;
		await run.send(batch, {
			chunkSize: settings.recipientsPerRequest,
			format: settings.format,
			build: (recipients, uniqueIdentifier) => ({
				params: {
					message: settings.message,
					mobile: recipients.map((recipient) => recipient.number.toSend).join(';'),
					tpoa: settings.sender,
					// The commercial hours are judged again as the request leaves.
					date: judgeAtDeparture(run.node, settings, recipients).sendAt,
					campaign: settings.campaignName,
					coding: CODING_VALUE[batch.coding],
					uniqueidentifier: uniqueIdentifier,
				},
			}),
		});
	}
	return run.output();
}
