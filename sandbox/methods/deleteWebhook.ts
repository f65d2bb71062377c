/**
 * deleteWebhook (manual section 43): "L'URL précédemment configurée ne recevra plus d'appel."
 */
import { parseWebhookType } from '../webhooks';
import { WEBHOOK_TEXTS } from './configureWebhook';
import type { MethodDefinition } from './context';

export const deleteWebhook: MethodDefinition = {
	name: 'deleteWebhook',
	authErrorShape: 'error',
	async handle({ account, params }) {
		const type = parseWebhookType(params.type);
		if (!type) return { status: '0', statusText: WEBHOOK_TEXTS.badType };
		// Where the manual is silent: deleting a URL that is not set succeeds too (the end state is the one asked for).
		account.webhooks[type] = '';
		return { status: '1', statusText: WEBHOOK_TEXTS.deleted };
	},
};
