import type { IDataObject } from 'n8n-workflow';

import { fromAllMySmsDate } from '../validation/dates';
import { classifyReply, DEFAULT_APPROVE_WORDS, DEFAULT_DECLINE_WORDS, readWords } from './replies';
import type { ApprovalWords, ReplyDecision } from './replies';
import type { ForwardedReply } from './waitingLink';

/**
 * Which reply to a question decides, and what the node then gives: the same rules whether the
 * reply arrives while the execution waits (resumeOnReply.ts) or was already there when a Retry
 * asked again (sendAndWait.ts).
 */

export interface WaitSettings {
	responseType: 'approval' | 'freeText';
	words: ApprovalWords;
	otherReplies: 'keepWaiting' | 'resume';
	hintMessage: string;
}

/** The node's settings, read with n8n's `getNodeParameter` of whichever context runs. */
export function readWaitSettings(read: (name: string, fallback: unknown) => unknown): WaitSettings {
	const options = (read('approvalOptions', {}) as IDataObject | undefined) ?? {};
	return {
		responseType: read('responseType', 'approval') === 'freeText' ? 'freeText' : 'approval',
		words: {
			approve: readWords(options.approveWords, DEFAULT_APPROVE_WORDS),
			decline: readWords(options.declineWords, DEFAULT_DECLINE_WORDS),
		},
		otherReplies: options.otherReplies === 'resume' ? 'resume' : 'keepWaiting',
		hintMessage: String(options.hintMessage ?? '').trim(),
	};
}

export function decides(settings: WaitSettings, decision: ReplyDecision): boolean {
	return (
		settings.responseType === 'freeText' ||
		decision !== 'other' ||
		settings.otherReplies === 'resume'
	);
}

export interface ListedReply {
	id: string;
	message: string;
	receptionDate: string;
}

/** getPull's replies to a question, as listed (oldest first). */
export function listedReplies(answer: IDataObject): ListedReply[] {
	return ((answer.mos as IDataObject[] | undefined) ?? []).map((mo) => ({
		id: String(mo.id ?? ''),
		message: String(mo.message ?? ''),
		receptionDate: String(mo.receptionDate ?? ''),
	}));
}

/** The first reply that decides, if any. */
export function decidingReply(
	settings: WaitSettings,
	replies: ListedReply[],
): ListedReply | undefined {
	return replies.find((mo) => decides(settings, classifyReply(mo.message, settings.words)));
}

/** The node's output once a reply decided. */
export function resumedItem(settings: WaitSettings, reply: ForwardedReply): IDataObject {
	const decision = classifyReply(reply.message, settings.words);
	const json: IDataObject = {};
	if (settings.responseType === 'approval') {
		json.approved = decision === 'approved' ? true : decision === 'other' ? null : false;
		json.decision = decision;
		if (decision === 'optedOut') json.optedOut = true;
	}
	return {
		...json,
		reply: reply.message,
		phoneNumber: reply.phoneNumber,
		smsId: reply.smsId,
		smsMoId: reply.smsMoId,
		campaignId: reply.campaignId,
		receptionDate: fromAllMySmsDate(reply.receptionDate) ?? reply.receptionDate,
		timedOut: false,
	};
}
