/**
 * getCampaignInfo (manual section 12): one campaign.
 */
import {
	READ_ERRORS,
	answersXml,
	campaignTypeParam,
	campaignView,
	ownCampaign,
	readError,
	textParam,
} from '../reports';
import type { MethodDefinition } from './context';

export const getCampaignInfo: MethodDefinition = {
	name: 'getCampaignInfo',
	authErrorShape: 'error',
	async handle(context) {
		const campaignId = textParam(context, 'campaignId');
		if (!campaignId) return readError(READ_ERRORS.missing('campaignId'));
		const type = campaignTypeParam(context);
		if (!type) return readError(READ_ERRORS.invalid('type', 'sms ou vocal'));
		const campaign = ownCampaign(context, campaignId, type);
		if (!campaign) return readError(READ_ERRORS.campaignNotFound);
		return { campaign: campaignView(campaign, 'tppa', answersXml(context)) };
	},
};
