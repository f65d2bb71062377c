import { NodeApiError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, INodeExecutionData, INodeProperties, INodePropertyRouting, JsonObject } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRoutingWith } from '../../shared/operationRouting';
import { audioTypeOf } from '../../shared/validation/voice';
import { voiceCodeField } from './getMedia';

/**
 * downloadMedia (40) answers the recording as base64 text in `file`; the node outputs it as
 * n8n binary data, named after the code, its type read from the bytes themselves.
 */
export async function mediaAsBinary(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const code = String(this.getNodeParameter('code', '')).trim();
	const property = String(this.getNodeParameter('options.binaryPropertyName', 'data') || 'data').trim();
	return await Promise.all(
		items.map(async (item) => {
			const base64 = typeof item.json.file === 'string' ? item.json.file.replace(/\s+/g, '') : '';
			const buffer = Buffer.from(base64, 'base64');
			if (buffer.length === 0) {
				const answer = { ...item.json };
				delete answer.file;
				throw new NodeApiError(this.getNode(), answer as JsonObject, {
					message: `AllMySMS returned no audio for the voice code "${code}"`,
					description: 'Check with Get Recording Info (getMedia) that the message was recorded.',
					itemIndex: this.getItemIndex(),
				});
			}
			const { mimeType, extension } = audioTypeOf(buffer);
			const fileName = `${code}.${extension}`;
			const binary = await this.helpers.prepareBinaryData(buffer, fileName, mimeType);
			return {
				json: { code, fileName, mimeType, fileSize: buffer.length },
				binary: { [property]: binary },
			};
		}),
	);
}

/** The routing of the downloadMedia operation (its option is in index.ts). */
export const downloadMediaRouting: INodePropertyRouting = apiRoutingWith('downloadMedia', { after: [mediaAsBinary] });

export const downloadMediaDescription: INodeProperties[] = [
	voiceCodeField('downloadMedia'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { resource: ['voice'], operation: ['downloadMedia'] } },
		options: [
			{
				displayName: 'Put Output File in Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description: 'Name of the binary property the audio file is put in',
			},
			requestFormatOption,
			retriesOption,
			timeoutOption,
		],
	},
];
