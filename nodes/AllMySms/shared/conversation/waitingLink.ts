import { createHmac, timingSafeEqual } from 'crypto';

/**
 * How a reply finds the execution that waits for it (README, "Conversations"), without a store of
 * our own:
 * - the question's SMS carries, as its CLIMSGID, which execution and node wait for it, until
 *   when, and the signature n8n gave that execution's resume URL (`getSignedResumeUrl`): the
 *   `waitMarker`. AllMySMS keeps it with the campaign and gives it back with getPull;
 * - the AllMySMS Trigger, which receives the replies on its secret URL, reads it and calls n8n's
 *   waiting webhook of that execution (`/webhook-waiting/<execution>/<node>?signature=…`), which
 *   n8n refuses (401) without that signature, with the reply and a `replyToken`: an HMAC of the
 *   reply and of that execution, keyed with the account's API key. The waiting node checks it
 *   with the same credential (403 otherwise).
 * Only a holder of the API key can read a CLIMSGID, so nobody who learns a phone number, an
 * smsId or a URL can resume or answer a waiting execution.
 *
 * The manual sets no length for CLIMSGID; the marker is about 110 characters (the signature in
 * base64url rather than hex).
 */

const MARKER_PREFIX = 'n8nwait';

export interface WaitMarker {
	executionId: string;
	nodeId: string;
	/** Replies received after this date resume nothing (undefined: no limit). */
	deadline?: Date;
	/** The `signature` of n8n's resume URL for this execution and node (hex). */
	signature?: string;
}

const SAFE_PART = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * The CLIMSGID of a question:
 * `n8nwait:<execution id>:<node id>:<deadline in Unix seconds, 0 for none>:<signature, base64url>`.
 */
export function waitMarker(marker: WaitMarker): string {
	if (!SAFE_PART.test(marker.executionId) || !SAFE_PART.test(marker.nodeId)) {
		throw new Error(
			`n8n gave an execution id or node id that cannot be sent to AllMySMS (${marker.executionId}, ${marker.nodeId})`,
		);
	}
	const deadline = marker.deadline ? Math.ceil(marker.deadline.getTime() / 1000) : 0;
	const signature = Buffer.from(marker.signature ?? '', 'hex').toString('base64url');
	return [MARKER_PREFIX, marker.executionId, marker.nodeId, deadline, signature].join(':');
}

/** The signature of n8n's resume URL (`…?signature=<hex>`), or '' when it has none. */
export function signatureOf(signedResumeUrl: string): string {
	const signature = new URL(signedResumeUrl).searchParams.get('signature') ?? '';
	return /^[0-9a-f]+$/i.test(signature) ? signature.toLowerCase() : '';
}

/** The waiting execution a campaign's CLIMSGID names, or undefined for any other CLIMSGID. */
export function readWaitMarker(cliMsgId: unknown): WaitMarker | undefined {
	const parts = String(cliMsgId ?? '').split(':');
	if (parts.length !== 5 || parts[0] !== MARKER_PREFIX) return undefined;
	const [, executionId, nodeId, deadline, signature] = parts;
	if (!SAFE_PART.test(executionId) || !SAFE_PART.test(nodeId) || !/^\d+$/.test(deadline)) {
		return undefined;
	}
	if (!/^[A-Za-z0-9_-]*$/.test(signature)) return undefined;
	const seconds = Number(deadline);
	return {
		executionId,
		nodeId,
		deadline: seconds ? new Date(seconds * 1000) : undefined,
		signature: Buffer.from(signature, 'base64url').toString('hex') || undefined,
	};
}

/** A reply as the replies webhook gives it (manual 14.3), forwarded to the waiting execution. */
export interface ForwardedReply {
	smsId: string;
	smsMoId: string;
	campaignId: string;
	phoneNumber: string;
	message: string;
	receptionDate: string;
}

function signedText(marker: WaitMarker, reply: ForwardedReply): string {
	return [
		'allmysms-reply',
		marker.executionId,
		marker.nodeId,
		reply.campaignId,
		reply.smsId,
		reply.smsMoId,
		reply.phoneNumber,
		reply.message,
		reply.receptionDate,
	].join('\n');
}

export function replyToken(apiKey: string, marker: WaitMarker, reply: ForwardedReply): string {
	return createHmac('sha256', apiKey).update(signedText(marker, reply)).digest('hex');
}

export function isGenuineReply(
	apiKey: string,
	marker: WaitMarker,
	reply: ForwardedReply,
	token: unknown,
): boolean {
	if (apiKey === '' || typeof token !== 'string' || !/^[0-9a-f]{64}$/.test(token)) return false;
	const expected = Buffer.from(replyToken(apiKey, marker, reply), 'hex');
	return timingSafeEqual(expected, Buffer.from(token, 'hex'));
}

/**
 * The reply in a replies webhook's item (the trigger) or in a forwarded call's body (the waiting
 * node), every field as text; undefined without the smsMoId and campaignId that identify it.
 */
export function readForwardedReply(fields: unknown): ForwardedReply | undefined {
	if (typeof fields !== 'object' || fields === null) return undefined;
	const text = (name: string) => {
		const value = (fields as Record<string, unknown>)[name];
		return value === null || value === undefined ? '' : String(value);
	};
	const reply = {
		smsId: text('smsId'),
		smsMoId: text('smsMoId'),
		campaignId: text('campaignId'),
		phoneNumber: text('phoneNumber'),
		message: text('message'),
		receptionDate: text('receptionDate'),
	};
	return reply.smsMoId && reply.campaignId ? reply : undefined;
}
