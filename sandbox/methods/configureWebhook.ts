/**
 * configureWebhook (manual section 42): sets the delivery report (`dlr`) or reply (`mo`) URL of
 * the account, after calling it: "l'URL doit répondre en moins de 5 secondes et doit
 * impérativement retourner "OK", sinon la configuration échouera".
 */
import { isWebhookUrl, parseWebhookType, webhookPusher } from '../webhooks';
import type { MethodDefinition } from './context';

/**
 * Decisions (the manual shows only `"status": ""` and `"statusText": ""`): status as a string,
 * "1" or "0" (42.2 "0 : échec, 1 : réussi"), English texts like the newer methods' (21.3).
 */
export const WEBHOOK_TEXTS = {
	configured: 'Webhook successfully configured',
	deleted: 'Webhook successfully deleted',
	badType: 'Invalid webhook type: dlr or mo expected',
	noUrl: 'Missing url parameter',
	badUrl: 'Invalid url: an http:// or https:// URL is expected',
} as const;

export const configureWebhook: MethodDefinition = {
	name: 'configureWebhook',
	// Where the manual is silent: `{error}` like the read methods; the manual lists no other failure shape.
	authErrorShape: 'error',
	async handle({ state, account, params }) {
		const type = parseWebhookType(params.type);
		if (!type) return { status: '0', statusText: WEBHOOK_TEXTS.badType };
		const url = (params.url ?? '').trim();
		if (url === '') return { status: '0', statusText: WEBHOOK_TEXTS.noUrl };
		if (!isWebhookUrl(url)) return { status: '0', statusText: WEBHOOK_TEXTS.badUrl };
		const pusher = webhookPusher(state);
		const check = await pusher.verify(account.login, url);
		if (!check.ok) {
			return {
				status: '0',
				statusText: `The URL must answer "OK" within ${pusher.answerTimeoutMs / 1000} seconds: ${url} ${check.error ?? 'did not'}`,
			};
		}
		account.webhooks[type] = url;
		return { status: '1', statusText: WEBHOOK_TEXTS.configured };
	},
};
