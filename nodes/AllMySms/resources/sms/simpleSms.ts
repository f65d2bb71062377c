import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { messageField, optionsField, phoneNumbersField } from './fields';
import { runSmsOperation } from './sendPipeline';
import type { SmsOperationSpec } from './sendPipeline';
import { requestIdentifier, simpleSmsParams } from './smsRequests';

export const simpleSmsDescription: INodeProperties[] = [
	phoneNumbersField(['simpleSms']),
	messageField(['simpleSms'], false),
	optionsField('simpleSms'),
];

const spec: SmsOperationSpec = {
	operation: 'simpleSms',
	method: 'simpleSms',
	sends: true,
	campaignMode: false,
	build: ({ group, recipients, index }) => ({
		params: simpleSmsParams(group.settings, group.coding, recipients, requestIdentifier(group.settings.uniqueIdentifier, index)),
	}),
	present: (request, answer) => [{ itemIndex: request.itemIndices[0], json: answer }],
};

export async function simpleSms(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runSmsOperation.call(this, spec);
}
