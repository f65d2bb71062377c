/**
 * simulateCampaign (manual section 8): same flow and validation as sendSms, nothing is sent,
 * no credit is taken, no 121/unique-identifier guard.
 */
import { balanceOf, costOf } from '../pricing';
import { acceptedStatus, prepareSend } from '../sending';
import type { MethodDefinition } from './context';
import { readSmsDataParam, toSendInput } from './sendSms';

export const simulateCampaign: MethodDefinition = {
	name: 'simulateCampaign',
	authErrorShape: 'status',
	async handle(context) {
		const flow = readSmsDataParam(context);
		if ('status' in flow) return flow;
		// Where the manual is silent: the simulation also answers 104 when the account could not afford the campaign
		// ("same validation as sendSms"); UNIQUEIDENTIFIER is ignored (not a sending service).
		const preparation = prepareSend(context.state, context.account, toSendInput(flow), {
			checkCredits: true,
		});
		if (!preparation.ok) return preparation.answer;
		const prepared = preparation.prepared;
		// 8.2: nbCredits = credits the campaign would use (what the example's numbers show:
		// 45 credits, cost 0.135), balance = current balance of the account.
		return {
			...acceptedStatus(prepared),
			invalidNumbers: prepared.invalidNumbers,
			nbCredits: prepared.creditsUsed,
			nbContacts: prepared.nbContacts,
			nbSms: prepared.nbSms,
			balance: balanceOf(context.account.credits),
			cost: costOf(prepared.creditsUsed),
			...(flow.verbose ? { discardedNumbersDetails: prepared.discarded } : {}),
		};
	},
};
