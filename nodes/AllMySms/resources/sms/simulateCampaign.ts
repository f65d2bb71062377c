import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageCategoryField } from '../../shared/rules/ruleFields';
import { readSendMode, SendRun } from '../../shared/sendRunner';
import { messageField, messageParametersField, optionsField, phoneNumbersField, smsSendModeField } from './fields';
import { smsFlow } from './sendSms';
import { prepareSms } from './smsSettings';
import type { Recipient, SmsSettings } from './smsSettings';

export const simulateCampaignDescription: INodeProperties[] = [
	smsSendModeField(['simulateCampaign']),
	phoneNumbersField(['simulateCampaign']),
	messageField(['simulateCampaign'], true),
	messageParametersField(['simulateCampaign']),
	messageCategoryField('sms', ['simulateCampaign']),
	optionsField('simulateCampaign'),
];

const SUMMED = ['nbCredits', 'nbContacts', 'nbSms'] as const;

/** A campaign split over several requests is simulated request by request, then added up. */
function summarise(answers: IDataObject[]): IDataObject {
	const last = answers[answers.length - 1];
	const summary: IDataObject = { ...last };
	for (const field of SUMMED) {
		summary[field] = answers.reduce((total, answer) => total + (Number(answer[field]) || 0), 0);
	}
	summary.cost = Math.round(answers.reduce((total, answer) => total + (Number(answer.cost) || 0), 0) * 1000) / 1000;
	summary.invalidNumbers = answers.flatMap((answer) => (answer.invalidNumbers as string[] | undefined) ?? []);
	summary.requests = answers.length;
	return summary;
}

/** The same smsData as Send, to count contacts, SMS parts, credits and cost: nothing is sent. */
export async function simulateCampaign(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = new SendRun<SmsSettings, Recipient>(this, { method: 'simulateCampaign', sends: false });
	const mode = readSendMode(this);
	for (const batch of prepareSms(this, run, 'simulateCampaign', mode)) {
		const answers = await run.send(batch, {
			chunkSize: batch.settings.recipientsPerRequest,
			format: batch.settings.format,
			build: (recipients) => ({ flow: smsFlow(batch, recipients) }),
			silent: mode === 'campaign',
		});
		if (mode === 'campaign' && answers.length) run.add(batch.itemIndices, summarise(answers));
	}
	return run.output();
}
