import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemInput, ItemOperation } from '../../shared/operation';

/** 34.1: "Url à raccourcir, doit être accessible": at least an absolute http(s) URL with a host. */
function readUrl(input: ItemInput): string {
	const url = input.text('url');
	if (!/^https?:\/\/[^\s/?#@]+\.[^\s/?#]+([/?#]\S*)?$/i.test(url)) {
		throw input.invalid(
			'URL',
			url === '' ? 'the URL is empty' : `"${url}" is not an absolute http:// or https:// address`,
		);
	}
	return url;
}

/** shortenUrl (34): a short URL for a long one. */
export const shortenUrl: ItemOperation = {
	method: 'shortenUrl',
	request: (input) => ({ params: { url: readUrl(input) } }),
};

const show = showFor('url', ['shortenUrl']);

export const shortenUrlDescription: INodeProperties[] = [
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://www.example.com/offers/42',
		displayOptions: show,
		description:
			'The address to shorten, starting with http:// or https://. AllMySMS requires it to be reachable.',
	},
	requestOptions(show),
];
