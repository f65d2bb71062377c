/**
 * What the transport needs to know about each AllMySMS method: where it lives, which form
 * field carries its XML/JSON flow, how its answer tells success from failure, and how to
 * normalise the answer so that JSON and XML give the same items.
 */

/**
 * How an answer reports failure. Every kind also treats a non-empty `error` field as a failure.
 * - `send`: annex 2 statuses (100 sent, 101 scheduled, anything else is an error).
 * - `voiceSend`: the same codes, explained by annex 13 (some codes mean other things for voice).
 * - `read`: read methods answer an `error` field instead of their data (an annex 2 status such
 *   as 102 is a failure too).
 * - `flag`: `status` 1 for success, 0 for failure (annexes 6, 9, 11 and most management methods).
 * - `campaignDeletion`: annex 4, `OK` for success, a code such as CAMPNOTFOUND otherwise.
 * - `subAccountCredits`: section 24, `OK` (or the sub-account's new figures) for success,
 *   numeric statuses 0-5 for failures.
 */
export type StatusKind = 'send' | 'voiceSend' | 'read' | 'flag' | 'campaignDeletion' | 'subAccountCredits';

export interface ApiMethod {
	/** Path under the base URL, as the manual writes it. */
	path: string;
	/** Form field carrying the method's XML or JSON flow (`smsData`, `vocalData`, …). */
	payloadField?: string;
	/** Root element of the flow. */
	payloadRoot?: string;
	/** Flow fields written as CDATA in XML. */
	cdataFields?: string[];
	statusKind: StatusKind;
	/** Lists in the answer: container → repeated XML element. Always output as arrays. */
	lists?: Record<string, string>;
	/** Fields holding numbers (XML gives text, JSON sometimes strings). `a[].b` reaches into lists. */
	numbers?: string[];
	/** Fields holding a `|`-separated list of phone numbers, output as arrays. */
	numberLists?: string[];
	/** Fields never output: secrets the API echoes back. */
	hidden?: string[];
	/**
	 * The list that becomes the output items, one per entry (`acks`, `campaigns`…). A dotted path
	 * reaches into an object (`campaign`): a single object gives one item. Without it, the whole
	 * answer is one item.
	 */
	itemsFrom?: string;
	/** Name under which an entry that is a plain value (a domain name…) is output. */
	itemKey?: string;
	/** Answer fields copied into every item split from `itemsFrom` (`cliMsgId`…). */
	keepFields?: string[];
	/** A status that means "nothing found" rather than a failure (getSubAccounts' 0): no items. */
	emptyStatus?: number;
}

const SMS_FLOW = { payloadField: 'smsData', payloadRoot: 'DATA', cdataFields: ['MESSAGE'] };

const METHODS = {
	sendSms: {
		path: '/sendSms/',
		...SMS_FLOW,
		statusKind: 'send',
		lists: { smsIds: 'sms', discardedNumbersDetails: 'discardedNumber' },
		numbers: ['status', 'credits', 'creditsUsed', 'nbContacts', 'nbSms', 'balance', 'cost'],
		numberLists: ['invalidNumbers'],
	},
	simulateCampaign: {
		path: '/simulateCampaign/',
		...SMS_FLOW,
		statusKind: 'send',
		lists: { discardedNumbersDetails: 'discardedNumber' },
		numbers: ['status', 'nbCredits', 'nbContacts', 'nbSms', 'balance', 'cost'],
		numberLists: ['invalidNumbers'],
	},
	// Section 6: the simplified URL is the base URL itself, parameters as plain form fields.
	simpleSms: {
		path: '/',
		statusKind: 'send',
		numbers: ['status', 'credits', 'balance', 'cost'],
		numberLists: ['invalidNumbers'],
	},
	getInfo: {
		path: '/getInfo/',
		statusKind: 'read',
		numbers: ['credits', 'nbSms', 'balance', 'alerting'],
		// The answer echoes the API key (17.2); it must never reach an output item.
		hidden: ['apiKey'],
	},
	// Also behind the account-filled dropdowns (methods/loadOptions.ts).
	getPrices: {
		path: '/getPrices/',
		statusKind: 'read',
		lists: { countries: 'country' },
		numbers: ['countries[].sms', 'countries[].directdeposit', 'countries[].call', 'countries[].prefix'],
		itemsFrom: 'countries',
	},
	getLists: {
		path: '/getLists/',
		statusKind: 'read',
		lists: { lists: 'list' },
		numbers: ['lists[].contacts', 'lists[].locked'],
		itemsFrom: 'lists',
	},
	getSubAccounts: {
		path: '/getSubAccounts/',
		statusKind: 'read',
		lists: { subAccounts: 'subAccount' },
		numbers: ['total', 'subAccounts[].Credits', 'subAccounts[].Balance'],
		itemsFrom: 'subAccounts',
		// "Si vous n'avez pas de sous compte… status 0, No subaccount found" (23): an empty list.
		emptyStatus: 0,
	},
	// ── Delivery reports, replies, campaigns ──
	// ── Blacklist, sub-accounts, prices and credits, URLs ──
	// ── Contact lists, voice ──
	// ── Webhooks ──
} satisfies Record<string, ApiMethod>;

export type ApiMethodName = keyof typeof METHODS;

export const API_METHODS: Record<ApiMethodName, ApiMethod> = METHODS;

export function isApiMethodName(name: string): name is ApiMethodName {
	return Object.prototype.hasOwnProperty.call(API_METHODS, name);
}
