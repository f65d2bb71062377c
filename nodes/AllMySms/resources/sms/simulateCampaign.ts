import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageField, messageParametersField, optionsField, phoneNumbersField, sendModeField } from './fields';
import { runSmsOperation } from './sendPipeline';
import type { SmsOperationSpec } from './sendPipeline';
import { smsFlow } from './smsRequests';

export const simulateCampaignDescription: INodeProperties[] = [
	sendModeField(['simulateCampaign']),
	phoneNumbersField(['simulateCampaign']),
	messageField(['simulateCampaign'], true),
	messageParametersField(['simulateCampaign']),
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

const spec: SmsOperationSpec = {
	operation: 'simulateCampaign',
	method: 'simulateCampaign',
	sends: false,
	campaignMode: true,
	build: ({ group, recipients }) => ({ flow: smsFlow(group.settings, group.coding, recipients) }),
	present: (request, answer) => [{ itemIndex: request.itemIndices[0], json: answer }],
	summarise,
};

export async function simulateCampaign(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runSmsOperation.call(this, spec);
}
