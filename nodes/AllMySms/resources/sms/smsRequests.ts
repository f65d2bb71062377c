import type { IDataObject } from 'n8n-workflow';

import type { Flow } from '../../shared/transport';
import type { Coding } from '../../shared/validation/message';
import type { Recipient, SmsSettings } from './smsItems';

const CODING_VALUE: Record<Coding, string> = { gsm7: '1', unicode: '2' };

export { requestIdentifier } from '../../shared/sends';

/** The smsData flow of section 7.2, fields in the order of annex 1 (MESSAGE first, SMS last). */
export function smsFlow(settings: SmsSettings, coding: Coding, recipients: Recipient[], uniqueIdentifier?: string): Flow {
	const flow: Flow = { MESSAGE: settings.message };
	if (settings.parameterCount > 0) flow.DYNAMIC = String(settings.parameterCount);
	if (settings.campaignName) flow.CAMPAIGN_NAME = settings.campaignName;
	if (settings.sendAt) flow.DATE = settings.sendAt;
	if (settings.sender) flow.TPOA = settings.sender;
	if (settings.clientMessageId) flow.CLIMSGID = settings.clientMessageId;
	if (settings.trackLinks) flow.TRACKING = '1';
	flow.CODING = CODING_VALUE[coding];
	if (settings.priority) flow.ALERTING = '1';
	if (settings.explainDiscarded) flow.VERBOSE = '1';
	if (uniqueIdentifier) flow.UNIQUEIDENTIFIER = uniqueIdentifier;
	flow.SMS = recipients.map((recipient) => {
		const sms: Flow = { MOBILEPHONE: recipient.number.toSend };
		recipient.params.forEach((value, index) => {
			sms[`PARAM_${index + 1}`] = value;
		});
		return sms;
	});
	return flow;
}

/** The plain parameters of the simplified URL (section 6). */
export function simpleSmsParams(
	settings: SmsSettings,
	coding: Coding,
	recipients: Recipient[],
	uniqueIdentifier?: string,
): IDataObject {
	return {
		message: settings.message,
		mobile: recipients.map((recipient) => recipient.number.toSend).join(';'),
		tpoa: settings.sender,
		date: settings.sendAt,
		campaign: settings.campaignName,
		coding: CODING_VALUE[coding],
		uniqueidentifier: uniqueIdentifier,
	};
}
