/**
 * Explanations for the error descriptions, next to the API's own text (French or English).
 * Annex 2: statuses after an SMS send, 100 (sent) and 101 (scheduled) being the successes.
 */
export const SEND_SUCCESS_STATUSES = new Set([100, 101]);

export const SEND_STATUS_HELP: Record<number, string> = {
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

/** Annex 13: statuses after a voice send, where they differ from annex 2. */
export const VOICE_SEND_STATUS_HELP: Record<number, string> = {
	...SEND_STATUS_HELP,
	110: 'The URL of the audio file is empty.',
	111: 'The scheduled date is invalid.',
	112: 'The sender number is invalid: a French landline starting with 01, 02, 03, 04, 05 or 09.',
	113: 'The audio file is invalid: WAV or MP3 only.',
	114: 'None of the phone numbers is valid (voice messages go to French numbers only).',
	115: 'The audio file must weigh between 1 KB and 5 MB.',
	116: 'The audio file must last between 5 and 35 seconds.',
};

/** Annex 4: answers of deleteCampaign other than OK. */
export const CAMPAIGN_DELETION_HELP: Record<string, string> = {
	CAMPIDNOTFOUND: 'The campaign id is missing or could not be identified.',
	CAMPNOTFOUND: 'No campaign with this id was found.',
	BADCAMPAIGNSENDINGTYPE: 'The campaign is not scheduled: only scheduled campaigns can be deleted.',
	CAMPAIGNALREADYDELETED: 'The campaign was already deleted.',
	BCAMPAIGNSTATUS: 'The campaign is in a status that does not allow deletion.',
	BADDATETOSEND: 'The campaign sending date is corrupted.',
	CAMPALREADYSENT: 'The campaign has already been sent.',
};

/** Section 24.2: failures of manageSubAccountCredits (the API's own text is French). */
export const SUB_ACCOUNT_CREDITS_HELP: Record<number, string> = {
	0: 'This login is not one of your sub-accounts (a credential acting as a sub-account has no sub-accounts).',
	1: 'The sub-account login was missing from the request.',
	2: 'The number of credits was missing, zero or not a number.',
	3: 'The sub-account is on a subscription: its credits cannot be moved.',
	4: 'The sub-account has fewer credits than you are taking back.',
	5: 'Your account has fewer credits than you are giving to the sub-account.',
};
