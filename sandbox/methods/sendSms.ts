/**
 * sendSms (manual section 7): sends a campaign described by the `smsData` flow.
 */
import { parseDataFlow, readSmsFlow, type SmsFlow } from '../smsData';
import {
	acceptedStatus,
	commitSend,
	failure,
	guardedSend,
	money,
	prepareSend,
	type SendInput,
} from '../sending';
import { STATUS } from '../statuses';
import type { MethodContext, MethodDefinition } from './context';

export const sendSms: MethodDefinition = {
	name: 'sendSms',
	authErrorShape: 'status',
	async handle(context) {
		const flow = readSmsDataParam(context);
		if ('status' in flow) return flow;
		const input = toSendInput(flow);
		return guardedSend(
			context,
			{
				uniqueIdentifier: flow.uniqueIdentifier,
				flow: { param: 'smsData', listElements: ['SMS'] },
			},
			() => {
				const { state, account, apiMethod } = context;
				const preparation = prepareSend(state, account, input, { checkCredits: true });
				if (!preparation.ok) return preparation.answer;
				const prepared = preparation.prepared;
				const { campaign, sms } = commitSend(state, account, apiMethod, input, prepared);
				// Where the manual is silent: field order and JSON types of the 7.4 example.
				return {
					...acceptedStatus(prepared),
					invalidNumbers: prepared.invalidNumbers,
					campaignId: campaign.id,
					credits: account.credits,
					creditsUsed: prepared.creditsUsed,
					nbContacts: prepared.nbContacts,
					nbSms: prepared.nbSms,
					smsIds: sms.map((record) => ({ phoneNumber: record.phoneNumber, smsId: record.smsId })),
					...money(account, prepared.creditsUsed),
					...(flow.verbose ? { discardedNumbersDetails: prepared.discarded } : {}),
				};
			},
		);
	},
};

/**
 * Reads and records the `smsData` parameter (shared with simulateCampaign).
 * Where the manual is silent: missing or blank → 105, unparseable → 109.
 */
export function readSmsDataParam(
	context: MethodContext,
): SmsFlow | (Record<string, unknown> & { status: number }) {
	const raw = context.params.smsData;
	const parsed = parseDataFlow(raw, ['SMS']);
	if (!parsed.ok) {
		if (parsed.reason === 'empty') return failure(STATUS.EMPTY_FLOW) as { status: number };
		context.recordFlow({ format: parsed.format ?? 'xml', raw: raw ?? '', data: undefined });
		return failure(STATUS.INVALID_FLOW) as { status: number };
	}
	context.recordFlow({ format: parsed.format, raw: raw ?? '', data: parsed.data });
	return readSmsFlow(parsed.root);
}

export function toSendInput(flow: SmsFlow): SendInput {
	return {
		message: flow.message,
		dynamic: flow.dynamic,
		campaignName: flow.campaignName,
		date: flow.date,
		tpoa: flow.tpoa,
		coding: flow.coding,
		tracking: flow.tracking,
		alerting: flow.alerting,
		cliMsgId: flow.cliMsgId,
		verbose: flow.verbose,
		recipients: flow.recipients.map((recipient) => ({
			phone: recipient.mobilePhone,
			params: recipient.params,
			cliMsgId: recipient.cliMsgId,
		})),
	};
}
