import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import {
	decidingReply,
	listedReplies,
	readWaitSettings,
	resumedItem,
} from '../../shared/conversation/decision';
import type { ListedReply } from '../../shared/conversation/decision';
import { isGenuineReply, readForwardedReply } from '../../shared/conversation/waitingLink';
import type { ForwardedReply } from '../../shared/conversation/waitingLink';
import { smsDataFlow } from '../../shared/smsData';
import { callApi, CREDENTIAL_TYPE } from '../../shared/transport';
import { chooseCoding } from '../../shared/validation/message';

/**
 * The second half of Send and Wait for a Reply: n8n's waiting webhook of the execution
 * (`/webhook-waiting/<execution>/<node>`), called by the AllMySMS Trigger with a reply to the
 * question (waitingLink.ts). It resumes the execution with the reply that decides, exactly once:
 * - a call without a valid token is refused (403) and changes nothing;
 * - AllMySMS's list of the replies to the question's campaign (getPull, which does not consume
 *   them) says which reply decides: the first one that approves, declines or opts out (or, for
 *   Free Text and "Resume with Approved Empty", the first one at all). Only that reply resumes;
 *   any other gets "not resumed", so that two replies racing to two webhook processes still
 *   resume once. Once resumed, n8n itself refuses any further call (the execution is no longer
 *   waiting).
 */

/** Answers the trigger's call with JSON, whatever n8n's default answer would be. */
interface PlainResponse {
	statusCode: number;
	setHeader(name: string, value: string): unknown;
	end(body: string): unknown;
}

function answer(context: IWebhookFunctions, statusCode: number, body: IDataObject): void {
	const response = context.getResponseObject() as unknown as PlainResponse;
	response.statusCode = statusCode;
	response.setHeader('Content-Type', 'application/json; charset=utf-8');
	response.end(JSON.stringify(body));
}

/** getPull's replies to the question, oldest first (the manual's example order), the forwarded one included. */
async function repliesToQuestion(
	context: IWebhookFunctions,
	reply: ForwardedReply,
): Promise<ListedReply[]> {
	const listed = listedReplies(
		await callApi.call(context, 'getPull', { params: { campId: reply.campaignId } }),
	);
	// AllMySMS pushes a reply once it is stored; should getPull not list it yet, it still counts.
	if (!listed.some((mo) => mo.id === reply.smsMoId)) {
		listed.push({ id: reply.smsMoId, message: reply.message, receptionDate: reply.receptionDate });
	}
	return listed;
}

/** The hint to a reply that neither approves nor declines: sent once per reply (its own identifier). */
async function sendHint(
	context: IWebhookFunctions,
	reply: ForwardedReply,
	hint: string,
): Promise<void> {
	const uniqueIdentifier = `n8nhint-${reply.smsMoId}`;
	const flow = smsDataFlow(
		{ message: hint, parameterCount: 0, coding: chooseCoding('auto', [hint]), uniqueIdentifier },
		[{ toSend: reply.phoneNumber, params: [] }],
	);
	await callApi.call(context, 'sendSms', { sends: true, uniqueIdentifier, flow });
}

/** The execution id in the waiting webhook's URL: `…/<execution id>/<node id>`. */
function waitingExecutionId(context: IWebhookFunctions): string {
	const request = context.getRequestObject();
	const path = new URL(request.originalUrl ?? request.url, 'http://n8n').pathname;
	const parts = path.split('/').filter((part) => part !== '');
	return parts.length >= 2 ? decodeURIComponent(parts[parts.length - 2]) : '';
}

export async function resumeOnReply(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const body = this.getBodyData();
	const reply = readForwardedReply(body);
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const marker = { executionId: waitingExecutionId(this), nodeId: this.getNode().id };
	if (!reply || !isGenuineReply(String(credentials.apiKey ?? ''), marker, reply, body.token)) {
		answer(this, 403, { resumed: false, reason: 'forbidden' });
		return { noWebhookResponse: true };
	}

	const settings = readWaitSettings((name, fallback) => this.getNodeParameter(name, fallback));
	const replies = await repliesToQuestion(this, reply);
	const deciding = decidingReply(settings, replies);
	if (deciding?.id !== reply.smsMoId) {
		const stillWaiting = deciding === undefined;
		if (stillWaiting && settings.hintMessage) {
			// Best effort: a hint that cannot go (credits, a repeat AllMySMS refuses) changes
			// nothing to the wait.
			await sendHint(this, reply, settings.hintMessage).catch(() => undefined);
		}
		answer(this, 200, {
			resumed: false,
			reason: stillWaiting ? 'neither approves nor declines' : 'another reply decided',
		});
		return { noWebhookResponse: true };
	}
	answer(this, 200, { resumed: true });
	return { noWebhookResponse: true, workflowData: [[{ json: resumedItem(settings, reply) }]] };
}
