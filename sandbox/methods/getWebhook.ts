/**
 * getWebhook (manual section 41): the account's delivery report and reply URLs, '' when unset.
 * Acting as a sub-account (annex 14), the sub-account's own URLs.
 */
import type { MethodDefinition } from './context';

export const getWebhook: MethodDefinition = {
	name: 'getWebhook',
	// Where the manual is silent: like the read methods (9-17), an authentication failure is `{error}`.
	authErrorShape: 'error',
	async handle({ account }) {
		return { webhookDlr: account.webhooks.dlr, webhookMo: account.webhooks.mo };
	},
};
