/**
 * getAckBySmsId (manual section 10): the delivery report of one SMS.
 */
import { READ_ERRORS, ackFields, hasAck, ownSms, readError, textParam } from '../reports';
import type { MethodDefinition } from './context';

export const getAckBySmsId: MethodDefinition = {
	name: 'getAckBySmsId',
	authErrorShape: 'error',
	async handle(context) {
		const smsId = textParam(context, 'smsId');
		if (!smsId) return readError(READ_ERRORS.missing('smsId'));
		const record = ownSms(context, smsId);
		if (!record) return readError(READ_ERRORS.smsNotFound);
		// An SMS of a programmed (or cancelled) campaign has no ack yet.
		if (!hasAck(record)) return readError(READ_ERRORS.noAck);
		const { status, comment, receptionDate } = ackFields(record);
		return { phoneNumber: record.phoneNumber, status, comment, receptionDate };
	},
};
