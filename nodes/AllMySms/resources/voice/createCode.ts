import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';

/** createCode (38): a code to record a voice message with by phone. */
export const createCode: ItemOperation = {
	method: 'createCode',
	request: (input) => ({ params: { label: input.option('label') as string | undefined } }),
};

export const createCodeDescription: INodeProperties[] = [
	requestOptions(showFor('voice', ['createCode']), [
		{
			displayName: 'Label',
			name: 'label',
			type: 'string',
			default: '',
			placeholder: 'Opening hours message',
			description: 'Name of the code, shown in the AllMySMS manager',
		},
	]),
];
