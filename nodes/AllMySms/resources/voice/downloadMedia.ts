import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, INodeProperties, JsonObject } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemInput, ItemOperation } from '../../shared/operation';
import { audioTypeOf } from '../../shared/validation/voice';
import { voiceCodeField } from './getMedia';

/**
 * downloadMedia (40) answers the recording as base64 text in `file`; the node outputs it as
 * n8n binary data, named after the code, its type read from the bytes themselves.
 */
async function mediaAsBinary(answer: IDataObject, input: ItemInput): Promise<INodeExecutionData[]> {
	const code = input.text('code');
	const property = input.optionText('binaryPropertyName') ?? 'data';
	const base64 = typeof answer.file === 'string' ? answer.file.replace(/\s+/g, '') : '';
	const buffer = Buffer.from(base64, 'base64');
	if (buffer.length === 0) {
		const rest = { ...answer };
		delete rest.file;
		throw new NodeApiError(input.node, rest as JsonObject, {
			message: `AllMySMS returned no audio for the voice code "${code}"`,
			description: 'Check with Get Recording Info (getMedia) that the message was recorded.',
			itemIndex: input.itemIndex,
		});
	}
	const { mimeType, extension } = audioTypeOf(buffer);
	const fileName = `${code}.${extension}`;
	const binary = await input.context.helpers.prepareBinaryData(buffer, fileName, mimeType);
	return [
		{ json: { code, fileName, mimeType, fileSize: buffer.length }, binary: { [property]: binary } },
	];
}

/** downloadMedia (40): the recording of a voice code, as a file. */
export const downloadMedia: ItemOperation = {
	method: 'downloadMedia',
	request: (input) => ({ params: { code: input.text('code') } }),
	output: mediaAsBinary,
};

export const downloadMediaDescription: INodeProperties[] = [
	voiceCodeField('downloadMedia'),
	requestOptions(showFor('voice', ['downloadMedia']), [
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			description: 'Name of the binary property the audio file is put in',
		},
	]),
];
