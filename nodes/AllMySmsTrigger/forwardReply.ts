import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	readForwardedReply,
	readWaitMarker,
	replyToken,
} from '../AllMySms/shared/conversation/waitingLink';
import type { ForwardedReply, WaitMarker } from '../AllMySms/shared/conversation/waitingLink';
import { callApi, CREDENTIAL_TYPE } from '../AllMySms/shared/transport';
import { fromAllMySmsDate } from '../AllMySms/shared/validation/dates';

/**
 * A reply that answers a question of SMS → Send and Wait for a Reply, handed to the execution
 * that waits for it (README, "Conversations"; shared/conversation/waitingLink.ts):
 * 1. getPull of the reply's campaign gives back the question's CLIMSGID, which names the
 *    execution and node that wait, and until when;
 * 2. the reply goes to that execution's waiting webhook, signed with the account's API key.
 *    The waiting node decides whether this reply resumes it (resumeOnReply.ts).
 */

export type Forwarding =
	/** Not a question's reply: an ordinary reply. */
	| { kind: 'ordinary' }
	/** A question's reply, received after its wait had ended. */
	| { kind: 'late'; executionId: string }
	/** Handed over: the execution resumed with it, or said why not (another reply decided…). */
	| { kind: 'forwarded'; executionId: string; resumed: boolean; reason?: string };

/**
 * n8n's waiting webhooks' address: the trigger's own URL with its last two parts (webhook id
 * and path) and n8n's webhook endpoint replaced by `webhook-waiting`, n8n's default, unless the
 * user gave the address in the trigger's options (for an n8n whose endpoints were renamed).
 */
export function waitingWebhookBase(context: IWebhookFunctions, configured: string): string {
	if (configured.trim() !== '') return configured.trim().replace(/\/+$/, '');
	const own = new URL(context.getNodeWebhookUrl('default') ?? '');
	const parts = own.pathname.split('/').filter((part) => part !== '');
	// …/<endpoint>/<webhook id>/allmysms
	const prefix = parts.slice(0, Math.max(0, parts.length - 3));
	own.pathname = '/' + [...prefix, 'webhook-waiting'].join('/');
	own.search = '';
	return own.toString().replace(/\/+$/, '');
}

function isLate(marker: WaitMarker, reply: ForwardedReply): boolean {
	if (!marker.deadline) return false;
	const received = fromAllMySmsDate(reply.receptionDate);
	const at = received ? new Date(received) : new Date();
	return at.getTime() > marker.deadline.getTime();
}

export async function forwardReply(
	context: IWebhookFunctions,
	item: IDataObject,
	configuredBase: string,
): Promise<Forwarding> {
	const reply = readForwardedReply(item);
	if (!reply) return { kind: 'ordinary' };
	let marker: WaitMarker | undefined;
	try {
		const campaign = await callApi.call(context, 'getPull', {
			params: { campId: reply.campaignId },
		});
		marker = readWaitMarker(campaign.cliMsgId);
	} catch {
		// AllMySMS could not say whose campaign it is: the reply is not lost, it starts this
		// workflow as an ordinary reply.
		return { kind: 'ordinary' };
	}
	if (!marker) return { kind: 'ordinary' };
	if (isLate(marker, reply)) return { kind: 'late', executionId: marker.executionId };

	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const url = `${waitingWebhookBase(context, configuredBase)}/${encodeURIComponent(marker.executionId)}/${encodeURIComponent(marker.nodeId)}?signature=${marker.signature ?? ''}`;
	let response: { statusCode: number; body: unknown };
	try {
		response = (await context.helpers.httpRequest({
			method: 'POST',
			url,
			body: { ...reply, token: replyToken(String(credentials.apiKey ?? ''), marker, reply) },
			json: true,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: 30_000,
		})) as { statusCode: number; body: unknown };
	} catch (error) {
		const reason = `n8n's waiting webhook did not answer (${(error as Error).message})`;
		return { kind: 'forwarded', executionId: marker.executionId, resumed: false, reason };
	}
	const body =
		typeof response.body === 'object' && response.body !== null
			? (response.body as IDataObject)
			: {};
	if (body.resumed === true)
		return { kind: 'forwarded', executionId: marker.executionId, resumed: true };
	return {
		kind: 'forwarded',
		executionId: marker.executionId,
		resumed: false,
		// n8n answers 404/409, or its "no action required" page, once the execution no longer waits.
		reason: typeof body.reason === 'string' ? body.reason : 'the execution no longer waits',
	};
}
