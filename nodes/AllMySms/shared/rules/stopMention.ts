import { endsWithStopMention } from '../validation/sender';
import { isFrenchNumber } from '../france';
import type { MessageType } from './commercialHours';

/**
 * Section 7.2: for France, a custom sender (TPOA) is used only when the message ends with
 * "STOP au 36180", preceded by a space or a line break. The exact text, as the manual writes it.
 */
export const STOP_MENTION = 'STOP au 36180';

export { endsWithStopMention };

/**
 * The message ending with the mention. Unchanged when it already ends with it (any case, as
 * endsWithStopMention accepts). Otherwise trailing spaces are dropped and the mention follows
 * a space, the cheaper separator: one place, where a line break counts two (7.3). A message
 * that already ends with a line break keeps it as the separator. `#param_N#` placeholders are
 * untouched, so this works on the template before personalisation. An empty message (which the
 * node refuses anyway) becomes the bare mention.
 *
 * The result must be measured again (describeMessage / measureMessage): the mention adds 14
 * places (13 + the space), more if the message ended in a line break.
 */
export function withStopMention(message: string): string {
	if (endsWithStopMention(message)) return message;
	const body = message.replace(/[ \t\u00a0]+$/, '');
	if (body === '') return STOP_MENTION;
	return body.endsWith('\n') ? `${body}${STOP_MENTION}` : `${body} ${STOP_MENTION}`;
}

export interface StopMentionInput {
	messageType: MessageType;
	/** The TPOA field; empty or undefined means AllMySMS's short code, the mention is moot. */
	sender?: string;
	/** Recipients' numbers, `international` form (336…). */
	numbers: readonly string[];
	/** The Add "STOP au 36180" option. */
	addStopMention: boolean;
	message: string;
}

export interface StopMentionDecision {
	/** The message to send (with the mention when it was added). */
	message: string;
	added: boolean;
	/** For an execution hint when the mention is missing and was not added. */
	warning?: string;
}

/**
 * Adds the mention, or warns, for commercial sends with a custom sender to French numbers.
 * Transactional sends are left alone (the mention is about opting out of marketing), and so are
 * sends with no French number or no custom sender.
 */
export function applyStopMention(input: StopMentionInput): StopMentionDecision {
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
