import type { INodeProperties } from 'n8n-workflow';

import { showFor } from '../descriptions';
import { STOP_MENTION } from './stopMention';

/**
 * The fields of the sending rules (README, "Sending rules"), shared by the SMS and voice sends.
 * The category is a visible top-level field because it decides whether the node may refuse or
 * postpone a send. It is `messageCategory` because the voice sends already have a `messageType`.
 */

export function messageCategoryField(
	resource: string,
	operations: string[],
	defaultCategory: 'commercial' | 'transactional' = 'commercial',
): INodeProperties {
	return {
		displayName: 'Message Category',
		name: 'messageCategory',
		type: 'options',
		displayOptions: showFor(resource, operations),
		options: [
			{
				name: 'Commercial',
				value: 'commercial',
				// Short: the dropdown cuts long descriptions; the field's own description says the rest.
				description: 'Marketing and promotions: to France, Mon-Sat 08:00-20:00 only',
			},
			{
				name: 'Transactional',
				value: 'transactional',
				description:
					'Codes, alerts, order and appointment reminders: not restricted by the commercial hours',
			},
		],
		default: defaultCategory,
		description:
			'French law forbids commercial messages to French numbers from 20:00 to 08:00, on Sundays and on public holidays. Other countries are not affected.',
	};
}

export function outsideAllowedHoursField(resource: string, operations: string[]): INodeProperties {
	return {
		displayName: 'Outside Allowed Hours',
		name: 'outsideAllowedHours',
		type: 'options',
		displayOptions: showFor(resource, operations, { messageCategory: ['commercial'] }),
		options: [
			{
				name: 'Refuse',
				value: 'refuse',
				description:
					'Stop with an error naming the item and the next allowed time; nothing is sent',
			},
			{
				name: 'Schedule for the Next Allowed Time',
				value: 'schedule',
				description:
					'Set the send date to the next allowed time (08:00 Paris time on the next working day)',
			},
		],
		default: 'refuse',
		description:
			'What to do with a commercial message to French numbers that would be sent (now, or at its Send At date) outside Monday to Saturday 08:00-20:00 Paris time or on a public holiday',
	};
}

export const addStopMentionOption: INodeProperties = {
	displayName: `Add "${STOP_MENTION}"`,
	name: 'addStopMention',
	type: 'boolean',
	default: true,
	description: `Whether to end commercial messages sent with a Sender Name to French numbers with "${STOP_MENTION}" when they do not already (AllMySMS uses a custom sender for France only then). The mention counts in the message length.`,
};

const maximumCreditsOption: INodeProperties = {
	displayName: 'Maximum Credits',
	name: 'maximumCredits',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description:
		'Refuse the whole send, before anything goes out, when AllMySMS says it would use more credits than this. 0: no maximum.',
};

const allowPartialSendsOption: INodeProperties = {
	displayName: 'Allow Partial Sends',
	name: 'allowPartialSends',
	type: 'boolean',
	default: false,
	description:
		'Whether to send even when the account balance covers only part of the send. Off: a send the credits cannot pay fully is refused before the first request.',
};

/** The options of a send; `withStopMention` for SMS only. */
export function sendingRuleOptions(withStopMention: boolean): INodeProperties[] {
	const options = [allowPartialSendsOption, maximumCreditsOption];
	return withStopMention ? [addStopMentionOption, ...options] : options;
}
