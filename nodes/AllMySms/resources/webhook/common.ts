import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../shared/operation';

/** What the Webhook operations (manual sections 41-43) share. */

/** `type` of configureWebhook and deleteWebhook: `dlr` or `mo`, the manual's own values. */
export const webhookTypeField = (show: IDisplayOptions, description: string): INodeProperties => ({
	displayName: 'Type',
	name: 'type',
	type: 'options',
	required: true,
	options: [
		{
			name: 'Delivery Reports (DLR)',
			value: 'dlr',
			description: 'The URL AllMySMS calls with each delivery report of your SMS',
		},
		{
			name: 'Replies (MO)',
			value: 'mo',
			description: 'The URL AllMySMS calls with each reply a contact sends to your SMS',
		},
	],
	default: 'dlr',
	description,
	displayOptions: show,
});

export const readWebhookType = (input: ItemInput): string => input.text('type');

/**
 * The webhook URL, trimmed, refused before any request unless it is an absolute http(s) URL:
 * AllMySMS calls it from the internet, and refuses the configuration when it does not answer.
 */
export function readWebhookUrl(input: ItemInput): string {
	const url = input.text('url');
	const reason =
		url === ''
			? 'it is empty'
			: isHttpUrl(url)
				? undefined
				: `"${url}" is not an http:// or https:// URL`;
	if (reason) throw input.invalid('URL', reason);
	return url;
}

export function isHttpUrl(text: string): boolean {
	try {
		const url = new URL(text);
		return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
	} catch {
		return false;
	}
}
