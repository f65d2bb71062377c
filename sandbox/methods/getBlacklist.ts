/**
 * getBlacklist (manual section 18): STOP answers, NPAI and manual additions of the requesting
 * account, optionally only those caused by one campaign (`campaignId`).
 */
import { formatApiDate } from '../rules';
import type { MethodDefinition } from './context';

export const getBlacklist: MethodDefinition = {
	name: 'getBlacklist',
	authErrorShape: 'error',
	async handle({ account, params }) {
		const campaignId = (params.campaignId ?? '').trim();
		const entries = [...account.blacklist.values()]
			// Where the manual is silent: an unknown campaign id is not an error, it just has no blacklisted number.
			.filter((entry) => campaignId === '' || entry.campaignId === campaignId)
			// Where the manual is silent: newest first, like the 18.2 example (12:10:23, then 11:32:11).
			.sort((a, b) => b.date.getTime() - a.date.getTime());
		// 18.2's JSON example is not JSON (`[ "blacklist": [...] ]`); the XML shows an object
		// with a `blacklist` list, so the JSON answer is {"blacklist": [...]}, values as strings.
		return {
			blacklist: entries.map((entry) => ({
				phoneNumber: entry.phoneNumber,
				comment: entry.comment,
				receptionDate: formatApiDate(entry.date),
			})),
		};
	},
};
