import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Resource } from './operation';

/**
 * What an AI model reads about the node used as a tool (AI Agent, MCP Server Trigger).
 *
 * n8n adds a "Tool Description" field to every node used as a tool, whose automatic text is the
 * operation's action ("Send SMS in AllMySMS": n8n-workflow `makeDescription`), unless the node
 * declares `toolDescription` itself (cli `tool-generation/ai-tools.js`). The node declares one
 * per operation, shown only on the tool (`@tool`), filled with what a model needs: what the
 * tool does, what each argument expects, the rules it may run into. The user can rewrite it.
 */

const PHONE_NUMBERS =
	'phoneNumbers: one or more mobile numbers separated by commas, in international format (+33612345678, +32470123456) or French national format (0612345678).';

const FRENCH_HOURS =
	'If the workflow sends it as a commercial (marketing) message, French numbers only receive it Monday to Saturday 08:00-20:00 Paris time (in the recipient’s own time zone overseas), never on Sundays or public holidays: outside those hours the tool refuses, or schedules it for the next allowed time, as the workflow says.';

/** The operations a model is most likely to be given, said in full. */
const WRITTEN: Record<string, string> = {
	sendSms: `Send an SMS with AllMySMS. ${PHONE_NUMBERS} message: the text (160 plain characters per SMS part; accents outside the GSM alphabet or emoji make a part 70 characters; longer texts go as several parts). ${FRENCH_HOURS} Returns the campaignId and, per number, the smsId.`,
	sendAndWait: `Ask one person a question by SMS with AllMySMS and wait for their reply (this can take hours). phoneNumbers: one mobile number, +33612345678 or 0612345678. message: the question; say how to answer, e.g. "Reply YES or NO". Returns approved (true, false, or null for another answer), the reply text, or timedOut when nobody answered in time.`,
	simpleSms: `Send one SMS text to one or more numbers with AllMySMS. ${PHONE_NUMBERS} message: the text. ${FRENCH_HOURS} Returns the campaignId and the smsIds.`,
	simulateCampaign: `Count what an SMS would cost with AllMySMS, without sending anything. ${PHONE_NUMBERS} message: the text. Returns the number of SMS parts, the credits and the cost in euros.`,
	sendVocal: `Send a voice message (voicemail drop or phone call) with AllMySMS. ${PHONE_NUMBERS} ${FRENCH_HOURS} Returns the campaignId.`,
	simpleVocal: `Send a voice message with AllMySMS, the simple way. ${PHONE_NUMBERS} ${FRENCH_HOURS} Returns the campaignId.`,
	getAckBySmsId:
		'Get the delivery report of one SMS sent with AllMySMS. smsId: the smsId the send returned. Returns the status (delivered, not delivered, pending…) and its date.',
	getPullBySmsId:
		'Get the replies to one SMS sent with AllMySMS. smsId: the smsId the send returned. Returns each reply with its text, number and date.',
	getInfo: 'Get the AllMySMS account: its remaining credits and SMS, and its contact details.',
};

/** The text a model reads for an operation: written above, or the operation's own description. */
function toolDescriptionOf(option: INodePropertyOptions): string {
	return (
		WRITTEN[String(option.value)] ??
		`${String(option.description ?? option.action ?? option.name).replace(/\.?$/, '.')} (AllMySMS)`
	);
}

/** One "Description" field per operation, shown on the tool only. */
export function toolDescriptionFields(resources: Resource[]): INodeProperties[] {
	return resources.flatMap((resource) =>
		((resource.picker.options ?? []) as INodePropertyOptions[]).map(
			(option): INodeProperties => ({
				displayName: 'Tool Description',
				name: 'toolDescription',
				type: 'string',
				typeOptions: { rows: 4 },
				default: toolDescriptionOf(option),
				description: 'What the AI model is told this tool does and what each argument expects',
				// Operation values are unique across resources.
				displayOptions: { show: { '@tool': [true], operation: [String(option.value)] } },
			}),
		),
	);
}
