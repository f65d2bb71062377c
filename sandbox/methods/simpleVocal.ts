/**
 * simpleVocal (manual section 36): a voice message through plain parameters; the answer is
 * always JSON (36.1).
 */
import { guardedSend } from '../sending';
import { commitVocal, vocalAccepted, prepareVocal, voiceType, type VocalInput } from '../vocal';
import { balanceOf, costOf } from '../pricing';
import type { MethodDefinition } from './context';

export const simpleVocal: MethodDefinition = {
	name: 'simpleVocal',
	authErrorShape: 'status',
	jsonOnly: true,
	async handle(context) {
		const { params } = context;
		const input: VocalInput = {
			url: params.url,
			tpoa: params.tpoa,
			type: voiceType(params.type),
			date: nonEmpty(params.date),
			campaignName: nonEmpty(params.campaign),
			// "séparez-les par des points-virgules" (36).
			recipients: (params.mobile ?? '').split(';'),
		};
		// Where the manual is silent: 36 spells the parameter `uniquelIdentifier`; `uniqueIdentifier` and simpleSms's
		// `uniqueidentifier` are read too, in that order.
		const uniqueIdentifier =
			nonEmpty(params.uniquelIdentifier) ??
			nonEmpty(params.uniqueIdentifier) ??
			nonEmpty(params.uniqueidentifier);
		return guardedSend(context, { uniqueIdentifier }, () => {
			const { state, account, apiMethod } = context;
			const preparation = prepareVocal(state, account, input);
			if (!preparation.ok) return preparation.answer;
			const { prepared } = preparation;
			const campaign = commitVocal(state, account, apiMethod, input, prepared);
			// The fields of the 36.1 example, in its order.
			return {
				...vocalAccepted(prepared),
				invalidNumbers: prepared.invalidNumbers,
				campaignId: campaign.id,
				credits: account.credits,
				balance: balanceOf(account.credits),
				cost: costOf(prepared.creditsUsed),
			};
		});
	},
};

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value;
}
