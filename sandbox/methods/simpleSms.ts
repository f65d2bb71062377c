/**
 * Simplified SMS sending (manual section 6), served at the base path `/http/9.0/` itself.
 * Parameters instead of a flow; the answer is always JSON (6.1).
 */
import { intval } from '../rules';
import {
	acceptedStatus,
	commitSend,
	guardedSend,
	money,
	prepareSend,
	type SendInput,
} from '../sending';
import type { MethodDefinition } from './context';

export const simpleSms: MethodDefinition = {
	name: 'simpleSms',
	authErrorShape: 'status',
	jsonOnly: true,
	async handle(context) {
		const params = context.params;
		const input: SendInput = {
			message: params.message,
			dynamic: 0,
			campaignName: nonEmpty(params.campaign),
			date: nonEmpty(params.date),
			tpoa: nonEmpty(params.tpoa),
			coding: intval(params.coding) === 2 ? 2 : 1,
			tracking: false,
			alerting: false,
			verbose: false,
			// Section 6: several numbers separated by semicolons.
			recipients: (params.mobile ?? '').split(';').map((phone) => ({ phone, params: {} })),
		};
		return guardedSend(context, { uniqueIdentifier: nonEmpty(params.uniqueidentifier) }, () => {
			const { state, account, apiMethod } = context;
			const preparation = prepareSend(state, account, input, { checkCredits: true });
			if (!preparation.ok) return preparation.answer;
			const prepared = preparation.prepared;
			const { campaign } = commitSend(state, account, apiMethod, input, prepared);
			// Where the manual is silent: the fields of the 6.1 example.
			return {
				...acceptedStatus(prepared),
				invalidNumbers: prepared.invalidNumbers,
				campaignId: campaign.id,
				credits: account.credits,
				...money(account, prepared.creditsUsed),
			};
		});
	},
};

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value;
}
