/**
 * getPull (manual section 15): every reply to a campaign, fetched before or not.
 */
import {
	READ_ERRORS,
	moFields,
	ownCampaign,
	readError,
	repliesToCampaign,
	textParam,
} from '../reports';
import type { MethodDefinition } from './context';

export const getPull: MethodDefinition = {
	name: 'getPull',
	authErrorShape: 'error',
	async handle(context) {
		const campId = textParam(context, 'campId');
		if (!campId) return readError(READ_ERRORS.missing('campId'));
		const campaign = ownCampaign(context, campId);
		if (!campaign) return readError(READ_ERRORS.campaignNotFound);
		// In order of arrival, like the example (ids and dates ascending). Does not mark them pulled.
		const mos = repliesToCampaign(context.state, context.account.login, campaign.id)
			.map((reply, order) => ({ reply, order }))
			.sort(
				(a, b) =>
					a.reply.receptionDate.getTime() - b.reply.receptionDate.getTime() || a.order - b.order,
			)
			.map(({ reply }) => moFields(reply));
		return { mos, cliMsgId: campaign.cliMsgId ?? '' };
	},
};
