/**
 * getCampaignStats (manual section 11): a campaign with its delivery, reply and click figures,
 * computed from its SMS, and optionally each number's status and clicks.
 */
import { formatApiDate, intval } from '../rules';
import {
	READ_ERRORS,
	answersXml,
	campaignTypeParam,
	finalAck,
	isStopReply,
	ownCampaign,
	readError,
	repliesToCampaign,
	textParam,
	trackedLink,
	usedLists,
} from '../reports';
import type { MethodDefinition } from './context';

export const getCampaignStats: MethodDefinition = {
	name: 'getCampaignStats',
	authErrorShape: 'error',
	async handle(context) {
		const campaignId = textParam(context, 'campaignId');
		if (!campaignId) return readError(READ_ERRORS.missing('campaignId'));
		const type = campaignTypeParam(context);
		if (!type) return readError(READ_ERRORS.invalid('type', 'sms ou vocal'));
		const campaign = ownCampaign(context, campaignId, type);
		if (!campaign) return readError(READ_ERRORS.campaignNotFound);

		const sms = context.state.smsOfCampaign(campaign);
		const count = (status: number) => sms.filter((record) => record.ackStatus === status).length;
		const replies = repliesToCampaign(context.state, context.account.login, campaign.id);
		// Decision (the manual lists the figures without defining them), by annex 3 status:
		// delivered 1, undelivered 2, pending 3 or not sent yet, error 4 (rejected), invalid 5
		// (unknown number). stop: replies STOP; mo: every reply; click: every click on the tracked
		// link; uniqueClick: numbers that clicked at least once.
		const figures = {
			delivered: count(1),
			undelivered: count(2),
			pending: sms.filter((record) => record.ackStatus === null || record.ackStatus === 3).length,
			error: count(4),
			invalid: count(5),
			stop: replies.filter(isStopReply).length,
			mo: replies.length,
			click: sms.reduce((sum, record) => sum + record.clicks, 0),
			tracking: campaign.tracking,
			trackedLink: trackedLink(campaign),
			uniqueClick: sms.filter((record) => record.clicks > 0).length,
		};
		// The example's XML says `tppa`, its JSON `tpoa`: each format answers its own spelling.
		// (Its XML also closes <dateCommand> with </dateSent>; the sandbox writes well-formed XML.)
		const sender = answersXml(context) ? { tppa: campaign.tpoaUsed } : { tpoa: campaign.tpoaUsed };
		// msisdnList status: the final annex 3 status, 0 while waiting (the example's pending number
		// has 0 and no dateReceived); `status` as a string, `clicks` as a number, like the JSON.
		const msisdnList =
			intval(context.params.msisdnList) === 1
				? {
						msisdnList: sms.map((record) => {
							const final = finalAck(record);
							return {
								msisdn: record.phoneNumber,
								status: String(final ?? 0),
								dateReceived:
									final !== undefined && record.receptionDate
										? formatApiDate(record.receptionDate)
										: undefined,
								smsId: record.smsId,
								clicks: record.clicks,
							};
						}),
					}
				: {};
		return {
			campaign: {
				campaignId: campaign.id,
				campaignName: campaign.name,
				dateCommand: formatApiDate(campaign.dateCommand),
				dateSent: formatApiDate(campaign.sendingDate),
				status: campaign.status,
				message: campaign.message,
				nbSms: campaign.nbSms,
				nbContacts: campaign.nbContacts,
				usedLists: usedLists(campaign),
				...sender,
				...figures,
				...msisdnList,
			},
		};
	},
};
