/**
 * Annex 2 of the manual: statuses after an SMS send (voice sends reuse some codes with other
 * meanings, annex 13). The API sends its own text (French or
 * English depending on the status); these English explanations go in the error description.
 */
export const SEND_SUCCESS_STATUSES = new Set([100, 101]);

export const SEND_STATUS_HELP: Record<number, string> = {
	100: 'The messages have been sent.',
	101: 'The messages have been scheduled.',
	102: 'Authentication failed: no account matches this login and API key. Check the AllMySMS credential (and its sub-account, if set).',
	104: 'Not enough credits on the account for this send. Top up the account in the AllMySMS manager.',
	105: 'The request reached AllMySMS without its XML/JSON flow.',
	109: 'AllMySMS could not read the XML/JSON flow.',
	110: 'The message is empty.',
	111: 'The message is longer than AllMySMS allows (8 SMS parts).',
	114: 'None of the phone numbers is valid. French numbers: 06…/07…, 336…/337…, +336…/+337…; other countries: +CC… or CC…; landlines are rejected.',
	115: 'The scheduled date is invalid.',
	121: 'An identical request was sent less than 10 seconds earlier; AllMySMS rejects repeats to prevent sending loops. Nothing was sent by this request.',
	160: 'A request with this unique identifier is still being processed. Wait for it to finish before retrying.',
};

