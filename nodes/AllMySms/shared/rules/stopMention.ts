import { endsWithStopMention } from '../validation/sender';
import { isFrenchNumber } from '../france';
import type { MessageType } from './commercialHours';

/** The exact text of section 7.2 (see endsWithStopMention). */
export const STOP_MENTION = 'STOP au 36180';

export { endsWithStopMention }; // for the tests

/**
 * The message ending with the mention, unchanged when it already does (in any case). Trailing
 * spaces are dropped and the mention follows a space, the cheaper separator: one place, where a
 * line break counts two (7.3); a message already ending with a line break keeps it. `#param_N#`
 * placeholders are untouched, so this works on the template. An empty message (which the node
 * refuses anyway) becomes the bare mention. The result must be measured again: the mention adds
 * 14 places (13 and the space), more after a line break.
 */
export function withStopMention(message: string): string {
	if (endsWithStopMention(message)) return message;
	const body = message.replace(/[ \t\u00a0]+$/, '');
	if (body === '') return STOP_MENTION;
	return body.endsWith('\n') ? `${body}${STOP_MENTION}` : `${body} ${STOP_MENTION}`;
}

export interface StopMentionInput {
	messageType: MessageType;
	/** The Sender Name (TPOA); empty means AllMySMS's short code, so the mention is moot. */
	sender?: string;
	/** Recipients' numbers, `international` form (336…). */
	numbers: readonly string[];
	addStopMention: boolean;
	message: string;
}

/**
 * Adds the mention, or warns (for an execution hint), for commercial sends with a Sender Name to
 * French numbers. Transactional sends are left alone (the mention is about opting out of
 * marketing).
 */
export function applyStopMention(input: StopMentionInput): {
	message: string;
	added: boolean;
	warning?: string;
} {
	const { message } = input;
	const sender = input.sender?.trim();
	const concerned =
		input.messageType === 'commercial' &&
		!!sender &&
		input.numbers.some(isFrenchNumber) &&
		!endsWithStopMention(message);
	if (!concerned) return { message, added: false };
	if (input.addStopMention) {
		const withMention = withStopMention(message);
		return { message: withMention, added: withMention !== message };
	}
	return {
		message,
		added: false,
		warning:
			`The message does not end with "${STOP_MENTION}": AllMySMS will not use the sender name "${sender}" for French numbers ` +
			`(manual 7.2); they will receive it from a short code, or the operator may add the mention itself. ` +
			`Turn on Add "${STOP_MENTION}" or end the message with it.`,
	};
}
