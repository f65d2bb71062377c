/**
 * getAcks (manual section 9): the delivery reports of a campaign's SMS.
 */
import {
	READ_ERRORS,
	ackFields,
	campaignTypeParam,
	hasAck,
	ownCampaign,
	readError,
	textParam,
} from '../reports';
import type { MethodDefinition } from './context';

export const getAcks: MethodDefinition = {
	name: 'getAcks',
	authErrorShape: 'error',
	async handle(context) {
		const campId = textParam(context, 'campId');
		if (!campId) return readError(READ_ERRORS.missing('campId'));
		// `type` (history 1.19, absent from the table): sms by default, or vocal.
		const type = campaignTypeParam(context);
		if (!type) return readError(READ_ERRORS.invalid('type', 'sms ou vocal'));
		const campaign = ownCampaign(context, campId, type);
		if (!campaign) return readError(READ_ERRORS.campaignNotFound);
		// Only SMS handed to the operator have an ack (none while the campaign is programmed).
		// `statut` and string values, like both examples of 9.2 (its field list says `status`).
		const acks = context.state
			.smsOfCampaign(campaign)
			.filter(hasAck)
			.map((record) => {
				const { status, comment, receptionDate } = ackFields(record);
				return { phoneNumber: record.phoneNumber, statut: status, comment, receptionDate };
			});
		return { acks, cliMsgId: campaign.cliMsgId ?? '' };
	},
};
