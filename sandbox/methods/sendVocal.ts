/**
 * sendVocal (manual section 37): a voice campaign described by the `vocalData` flow (annex
 * 12), `type` being a form parameter (37.1).
 */
import { balanceOf, costOf } from '../pricing';
import { guardedSend } from '../sending';
import { isRecord, parseDataFlow, scalar } from '../smsData';
import {
	VOICE_STATUS,
	commitVocal,
	vocalAccepted,
	prepareVocal,
	voiceFailure,
	voiceType,
	type VocalInput,
} from '../vocal';
import type { MethodDefinition } from './context';

export const sendVocal: MethodDefinition = {
	name: 'sendVocal',
	authErrorShape: 'status',
	async handle(context) {
		const raw = context.params.vocalData;
		const parsed = parseDataFlow(raw, ['VOCALS']);
		if (!parsed.ok) {
			if (parsed.reason === 'empty') return voiceFailure(VOICE_STATUS.EMPTY_FLOW);
			context.recordFlow({ format: parsed.format ?? 'xml', raw: raw ?? '', data: undefined });
			return voiceFailure(VOICE_STATUS.INVALID_FLOW);
		}
		context.recordFlow({ format: parsed.format, raw: raw ?? '', data: parsed.data });
		const data = parsed.root ?? {};
		const text = (name: string): string | undefined => {
			const value = scalar(data[name])?.trim();
			return value ? value : undefined;
		};
		const input: VocalInput = {
			url: text('URL'),
			code: text('CODE'),
			tpoa: text('TPOA'),
			// Where the manual is silent: the form parameter (37.1); a TYPE in the flow is read when it is absent.
			type: voiceType(context.params.type ?? text('TYPE')),
			date: text('DATE'),
			campaignName: text('CAMPAIGN_NAME'),
			recipients: recipientsOf(data.VOCALS),
		};
		return guardedSend(
			context,
			{
				uniqueIdentifier: text('UNIQUEIDENTIFIER'),
				flow: { param: 'vocalData', listElements: ['VOCALS'] },
			},
			() => {
				const { state, account, apiMethod } = context;
				const preparation = prepareVocal(state, account, input);
				if (!preparation.ok) return renameInvalid(preparation.answer);
				const { prepared } = preparation;
				const campaign = commitVocal(state, account, apiMethod, input, prepared);
				// The fields of the 37.3 example, in its order, `invalidEmails` included: it holds the
				// refused numbers (the manual's name, copied from an e-mail service, is kept).
				return {
					...vocalAccepted(prepared),
					campaignId: campaign.id,
					invalidEmails: prepared.invalidNumbers,
					credits: account.credits,
					balance: balanceOf(account.credits),
					cost: costOf(prepared.creditsUsed),
				};
			},
		);
	},
};

/**
 * Annex 12 repeats <VOCALS> per recipient; "Balise à dupliquer pour chaque numéro" (37.2) may
 * also mean several <MOBILEPHONE> in one <VOCALS>: both are read.
 */
function recipientsOf(value: unknown): Array<string | undefined> {
	const entries = Array.isArray(value) ? value : value === undefined ? [] : [value];
	return entries.flatMap((entry): Array<string | undefined> => {
		if (!isRecord(entry)) return [undefined];
		const phones = entry.MOBILEPHONE;
		return Array.isArray(phones) ? phones.map((phone) => scalar(phone)) : [scalar(phones)];
	});
}

function renameInvalid(answer: Record<string, unknown>): Record<string, unknown> {
	if (!('invalidNumbers' in answer)) return answer;
	const { invalidNumbers, ...rest } = answer;
	return { ...rest, invalidEmails: invalidNumbers };
}
