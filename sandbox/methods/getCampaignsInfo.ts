/**
 * getCampaignsInfo (manual section 13): the campaigns sent or programmed in a period, in
 * chronological order of sending date, `limit` (≤ 100) at a time from `offset`.
 */
import {
	READ_ERRORS,
	answersXml,
	campaignTypeParam,
	campaignView,
	intParam,
	periodBound,
	readError,
} from '../reports';
import type { CampaignStatus } from '../state';
import type { MethodDefinition } from './context';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const STATUSES: ReadonlySet<string> = new Set<CampaignStatus | 'all'>([
	'all',
	'sent',
	'programmed',
	'cancelled',
]);
const DATE_FORMATS = 'YYYY-MM-JJ ou YYYY-MM-JJ HH:MM:SS';

export const getCampaignsInfo: MethodDefinition = {
	name: 'getCampaignsInfo',
	authErrorShape: 'error',
	async handle(context) {
		const bounds: Date[] = [];
		for (const [name, end] of [
			['startDate', false],
			['endDate', true],
		] as const) {
			const raw = context.params[name];
			if (raw === undefined || raw.trim() === '') return readError(READ_ERRORS.missing(name));
			const bound = periodBound(raw, end);
			if (!bound) return readError(READ_ERRORS.invalid(name, DATE_FORMATS));
			bounds.push(bound);
		}
		const [start, end] = bounds;
		const type = campaignTypeParam(context);
		if (!type) return readError(READ_ERRORS.invalid('type', 'sms ou vocal'));
		const status = (context.params.status ?? '').trim().toLowerCase() || 'all';
		if (!STATUSES.has(status))
			return readError(READ_ERRORS.invalid('status', 'all, sent, programmed ou cancelled'));
		const search = (context.params.search ?? '').trim().toLowerCase();
		const hideTests = intParam(context, 'hideTestCampaigns', 0) === 1;
		// Where the manual is silent: a limit of 0 or less means the default (10), above 100 means 100; a negative
		// offset means 0.
		const askedLimit = intParam(context, 'limit', DEFAULT_LIMIT);
		const limit = askedLimit < 1 ? DEFAULT_LIMIT : Math.min(askedLimit, MAX_LIMIT);
		const offset = Math.max(0, intParam(context, 'offset', 0));

		const campaigns = context.state
			.campaigns(context.account.login)
			.map((campaign, order) => ({ campaign, order }))
			.filter(({ campaign }) => {
				const sending = campaign.sendingDate.getTime();
				if (sending < start.getTime() || sending > end.getTime()) return false;
				if (campaign.type !== type) return false;
				if (status !== 'all' && campaign.status !== status) return false;
				if (hideTests && campaign.test) return false;
				return (
					!search ||
					campaign.name.toLowerCase().includes(search) ||
					campaign.message.toLowerCase().includes(search)
				);
			})
			.sort(
				(a, b) =>
					a.campaign.sendingDate.getTime() - b.campaign.sendingDate.getTime() || a.order - b.order,
			)
			.slice(offset, offset + limit)
			.map(({ campaign }) => campaignView(campaign, 'tboa', answersXml(context)));
		return { campaigns };
	},
};
