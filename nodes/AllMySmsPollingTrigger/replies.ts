import { DateTime } from 'luxon';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { answerItems } from '../AllMySms/shared/answers';
import { callApi } from '../AllMySms/shared/transport';
import { ALLMYSMS_TIME_ZONE } from '../AllMySms/shared/validation/dates';

/**
 * Replies fetched instead of pushed (manual 14-15), for the AllMySMS Polling Trigger.
 */

/** getPulls' own default and, the manual suggests, its page size (14.1). */
export const REPLIES_PER_PAGE = 1000;
/** At most this many pages per poll; what is left comes with the next poll. */
export const MAX_PAGES_PER_POLL = 10;

/** A getPulls/getPull entry in the trigger's reply shape (the `id` is the reply's, smsMoId). */
export function pulledReplyItem(entry: IDataObject): IDataObject {
	const { id, smsId, smsMoId, receptionDate, phoneNumber, campaignId, message, ...rest } = entry;
	const text = (value: unknown) => (value === undefined || value === null ? null : String(value));
	return {
		event: 'mo',
		smsId: text(smsId),
		smsMoId: text(smsMoId ?? id),
		receptionDate: text(receptionDate),
		phoneNumber: text(phoneNumber),
		campaignId: typeof campaignId === 'string' ? campaignId.trim() : text(campaignId),
		message: text(message),
		...rest,
	};
}

/**
 * Every reply AllMySMS has not handed out yet. getPulls gives each reply once and never again
 * (14.1), so everything it returns is emitted, nothing is filtered out, and no cursor is kept.
 * Pages of 1,000 are fetched until one comes back short. When a later page fails, the replies
 * already fetched are emitted anyway (they are gone from AllMySMS); the rest waits for the next
 * poll. Only a failure of the first page is an error.
 */
export async function pullNewReplies(this: IPollFunctions): Promise<IDataObject[]> {
	const replies: IDataObject[] = [];
	const started = Date.now();
	const budgetMs =
		typeof this.getPollBudgetMs === 'function' ? this.getPollBudgetMs() : Number.POSITIVE_INFINITY;
	for (let page = 0; page < MAX_PAGES_PER_POLL; page++) {
		let entries: IDataObject[];
		try {
			entries = answerItems(
				'getPulls',
				await callApi.call(this, 'getPulls', { params: { limit: REPLIES_PER_PAGE } }),
			);
		} catch (error) {
			// A failed first page fails the poll: callApi's NodeApiError carries AllMySMS's reason.
			if (page === 0)
				throw error instanceof NodeApiError
					? error
					: new NodeOperationError(this.getNode(), error as Error);
			this.logger.warn(
				`AllMySMS Polling Trigger: getPulls failed after ${replies.length} replies; the replies of the lost page may be gone from getPulls (find them with Reply → Get by SMS ID or Get Many by Campaign), the rest comes with the next poll`,
				{
					error: (error as Error).message,
				},
			);
			break;
		}
		replies.push(...entries.map(pulledReplyItem));
		if (entries.length < REPLIES_PER_PAGE) break;
		// Leave time for the run to start within the poll's budget.
		if (Date.now() - started > budgetMs / 2) break;
	}
	return replies;
}

/** How far back "Fetch Test Event" looks for replies, and in how many campaigns. */
export const PREVIEW_DAYS = 7;
export const PREVIEW_CAMPAIGNS = 5;
const CAMPAIGNS_PER_PAGE = 100;
const MAX_CAMPAIGN_PAGES = 10;

/**
 * "Fetch Test Event" (manual mode): real replies, read WITHOUT consuming them. getPulls would
 * hand them to the editor and never to the active workflow, so the preview reads the latest
 * campaigns of the last 7 days (getCampaignsInfo) and their replies with getPull, which AllMySMS
 * keeps answering (14.1). The replies of the newest campaign that has some come out.
 */
export async function previewReplies(this: IPollFunctions): Promise<IDataObject[]> {
	const now = DateTime.now().setZone(ALLMYSMS_TIME_ZONE);
	const format = 'yyyy-LL-dd HH:mm:ss';
	// The end a day ahead: a campaign sent this very second is not missed by the seconds of the format.
	const period = {
		startDate: now.minus({ days: PREVIEW_DAYS }).toFormat(format),
		endDate: now.plus({ days: 1 }).toFormat(format),
	};
	const campaigns: IDataObject[] = [];
	// The campaigns come in order of sending date, oldest first: the newest are on the last page.
	for (let page = 0; page < MAX_CAMPAIGN_PAGES; page++) {
		const params = {
			...period,
			status: 'sent',
			limit: CAMPAIGNS_PER_PAGE,
			offset: page * CAMPAIGNS_PER_PAGE,
		};
		const entries = answerItems(
			'getCampaignsInfo',
			await callApi.call(this, 'getCampaignsInfo', { params }),
		);
		campaigns.push(...entries);
		if (entries.length < CAMPAIGNS_PER_PAGE) break;
	}
	const newest = campaigns
		.map((campaign) => String(campaign.id ?? '').trim())
		.filter((id) => id !== '')
		.slice(-PREVIEW_CAMPAIGNS)
		.reverse();
	for (const campId of newest) {
		const replies = answerItems(
			'getPull',
			await callApi.call(this, 'getPull', { params: { campId } }),
		);
		if (replies.length > 0) {
			return replies
				.map(pulledReplyItem)
				.sort((a, b) => String(b.receptionDate ?? '').localeCompare(String(a.receptionDate ?? '')));
		}
	}
	throw new NodeOperationError(
		this.getNode(),
		`No reply to your campaigns of the last ${PREVIEW_DAYS} days`,
		{
			description:
				'Fetch Test Event shows replies to your latest campaigns without taking them from AllMySMS, so that the active workflow still receives them. Reply to one of your SMS, then fetch again.',
		},
	);
}
