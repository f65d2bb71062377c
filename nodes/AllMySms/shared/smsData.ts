import type { Flow } from './transport';
import type { Coding } from './validation/message';

/** CODING of the flows and `coding` of the simplified URL. */
export const CODING_VALUE: Record<Coding, string> = { gsm7: '1', unicode: '2' };

export interface SmsDataFields {
	message: string;
	/** How many `#param_N#` the message holds (DYNAMIC). */
	parameterCount: number;
	coding: Coding;
	campaignName?: string;
	/** `YYYY-MM-DD HH:MM:SS`, French time. */
	sendAt?: string;
	sender?: string;
	clientMessageId?: string;
	trackLinks?: boolean;
	priority?: boolean;
	explainDiscarded?: boolean;
	uniqueIdentifier?: string;
}

export interface SmsDataRecipient {
	/** MOBILEPHONE, as the number is sent. */
	toSend: string;
	/** PARAM_1, PARAM_2… */
	params: readonly string[];
}

/**
 * The smsData flow of section 7.2, for sendSms and simulateCampaign. Fields in
 * the order of annex 1 (MESSAGE first, SMS last).
 */
export function smsDataFlow(fields: SmsDataFields, recipients: readonly SmsDataRecipient[]): Flow {
	const flow: Flow = { MESSAGE: fields.message };
	if (fields.parameterCount > 0) flow.DYNAMIC = String(fields.parameterCount);
	if (fields.campaignName) flow.CAMPAIGN_NAME = fields.campaignName;
	if (fields.sendAt) flow.DATE = fields.sendAt;
	if (fields.sender) flow.TPOA = fields.sender;
	if (fields.clientMessageId) flow.CLIMSGID = fields.clientMessageId;
	if (fields.trackLinks) flow.TRACKING = '1';
	flow.CODING = CODING_VALUE[fields.coding];
	if (fields.priority) flow.ALERTING = '1';
	if (fields.explainDiscarded) flow.VERBOSE = '1';
	if (fields.uniqueIdentifier) flow.UNIQUEIDENTIFIER = fields.uniqueIdentifier;
	// A plain loop: this runs once per recipient of a campaign (100,000 in the benchmark).
	flow.SMS = recipients.map((recipient) => {
		const sms: Flow = { MOBILEPHONE: recipient.toSend };
		for (let index = 0; index < recipient.params.length; index++)
			sms[`PARAM_${index + 1}`] = recipient.params[index];
		return sms;
	});
	return flow;
}
