import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRoutingWith, invalidInput } from '../../shared/operationRouting';

/** 34.1: "Url à raccourcir, doit être accessible": at least an absolute http(s) URL with a host. */
async function checkUrl(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const url = String(((requestOptions.body ?? {}) as IDataObject).url ?? '');
	if (!/^https?:\/\/[^\s/?#@]+\.[^\s/?#]+([/?#]\S*)?$/i.test(url)) {
		throw invalidInput(this, 'URL', url === '' ? 'the URL is empty' : `"${url}" is not an absolute http:// or https:// address`);
	}
	return requestOptions;
}

/** The routing of the shortenUrl operation (its option is in index.ts). */
export const shortenUrlRouting: INodePropertyRouting = apiRoutingWith('shortenUrl', { before: [checkUrl] });

const show = { show: { resource: ['url'], operation: ['shortenUrl'] } };

export const shortenUrlDescription: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://www.example.com/offers/42',
		displayOptions: show,
		description: 'The address to shorten, starting with http:// or https://. AllMySMS requires it to be reachable.',
		routing: { send: { type: 'body', property: 'url', value: '={{ String($value ?? "").trim() }}' } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
