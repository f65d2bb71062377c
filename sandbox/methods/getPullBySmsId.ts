/**
 * getPullBySmsId (manual section 16): the reply to one SMS.
 */
import { formatApiDate } from '../rules';
import { READ_ERRORS, ownSms, readError, textParam } from '../reports';
import type { MethodDefinition } from './context';

export const getPullBySmsId: MethodDefinition = {
	name: 'getPullBySmsId',
	// The example's root is all lower case (16.2).
	xmlRoot: 'getpullbysmsid',
	authErrorShape: 'error',
	async handle(context) {
		const smsId = textParam(context, 'smsId');
		if (!smsId) return readError(READ_ERRORS.missing('smsId'));
		const record = ownSms(context, smsId);
		if (!record) return readError(READ_ERRORS.smsNotFound);
		// "la réponse" (16.1), one: when a contact answered several times, the latest.
		const replies = context.state
			.replies(context.account.login)
			.filter((reply) => reply.smsId === record.smsId);
		const latest = replies.reduce<(typeof replies)[number] | undefined>(
			(found, reply) =>
				found && found.receptionDate.getTime() > reply.receptionDate.getTime() ? found : reply,
			undefined,
		);
		if (!latest) return readError(READ_ERRORS.noReply);
		return {
			phoneNumber: latest.phoneNumber,
			campaignId: latest.campaignId,
			message: latest.message,
			receptionDate: formatApiDate(latest.receptionDate),
		};
	},
};
