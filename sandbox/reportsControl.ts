/**
 * Control routes for what only a phone or an operator can make happen (delivery reports,
 * replies, clicks), and a fast way to fill an account with campaigns. JSON in, JSON out.
 *
 *   POST /_sandbox/sms/<smsId>/ack       {status: 1-5, date?, comment?}
 *   POST /_sandbox/sms/<smsId>/replies   {message, date?}
 *   POST /_sandbox/sms/<smsId>/clicks    {count?}
 *   POST /_sandbox/accounts/<login>/campaigns  {count, from?, everyMs?, name?, message?, tpoa?, phoneNumbers?, type?, tracking?, cliMsgId?, test?}
 *
 * Dates: `YYYY-MM-DD HH:MM:SS` (Paris time, like the API) or ISO 8601.
 */
import { formatApiDate, parseApiDate } from './rules';
import type { AckStatus, SandboxState, SeedCampaignsOptions } from './state';

export interface ControlAnswer {
	status: number;
	body: unknown;
}

function dateOf(value: unknown): Date | undefined {
	if (typeof value !== 'string') return undefined;
	const api = parseApiDate(value);
	if (api.valid) return api.date;
	const iso = new Date(value);
	return Number.isNaN(iso.getTime()) ? undefined : iso;
}

/** Answers a control route of this group, or undefined when the route is not one of them. */
export function reportsControl(
	state: SandboxState,
	route: string,
	fields: Record<string, unknown>,
): ControlAnswer | undefined {
	const smsRoute = /^POST \/sms\/([^/]+)\/(ack|replies|clicks)$/.exec(route);
	const seedRoute = /^POST \/accounts\/([^/]+)\/campaigns$/.exec(route);
	if (!smsRoute && !seedRoute) return undefined;
	if (fields.date !== undefined && !dateOf(fields.date))
		return { status: 400, body: { error: 'date: YYYY-MM-DD HH:MM:SS or ISO 8601' } };
	try {
		if (seedRoute) {
			const login = decodeURIComponent(seedRoute[1]);
			if (!state.findAccount(login))
				return { status: 404, body: { error: `unknown account ${login}` } };
			if (typeof fields.count !== 'number' || !Number.isInteger(fields.count) || fields.count < 1) {
				return { status: 400, body: { error: 'count (a positive whole number) is required' } };
			}
			const options = {
				...fields,
				from: fields.from === undefined ? undefined : dateOf(fields.from),
			} as SeedCampaignsOptions;
			const campaigns = state.seedCampaigns(login, fields.count, options);
			return {
				status: 201,
				body: {
					campaigns: campaigns.map((campaign) => ({
						id: campaign.id,
						status: campaign.status,
						sendingDate: formatApiDate(campaign.sendingDate),
						smsIds: campaign.smsIds,
					})),
				},
			};
		}
		const smsId = decodeURIComponent((smsRoute as RegExpExecArray)[1]);
		if (!state.sms(smsId)) return { status: 404, body: { error: `unknown SMS ${smsId}` } };
		const date = dateOf(fields.date);
		switch ((smsRoute as RegExpExecArray)[2]) {
			case 'ack': {
				const status = fields.status;
				if (status !== 1 && status !== 2 && status !== 3 && status !== 4 && status !== 5) {
					return { status: 400, body: { error: 'status: an annex 3 status, 1 to 5' } };
				}
				const comment = typeof fields.comment === 'string' ? fields.comment : undefined;
				const record = state.deliverAck(smsId, status as AckStatus, { date, comment });
				return {
					status: 201,
					body: {
						...record,
						receptionDate: record.receptionDate ? formatApiDate(record.receptionDate) : null,
					},
				};
			}
			case 'replies': {
				if (typeof fields.message !== 'string')
					return { status: 400, body: { error: 'message (string) is required' } };
				const reply = state.addReply(smsId, fields.message, { date });
				return {
					status: 201,
					body: { ...reply, receptionDate: formatApiDate(reply.receptionDate) },
				};
			}
			default: {
				const count = fields.count === undefined ? 1 : fields.count;
				if (typeof count !== 'number' || !Number.isInteger(count) || count < 1)
					return { status: 400, body: { error: 'count: a positive whole number' } };
				return { status: 201, body: state.recordClicks(smsId, count) };
			}
		}
	} catch (error) {
		return { status: 409, body: { error: error instanceof Error ? error.message : String(error) } };
	}
}
