/**
 * What the transport needs to know about each AllMySMS method: where it lives, which form
 * field carries its XML/JSON flow, how its answer tells success from failure, and how to
 * normalise the answer so that JSON and XML give the same items.
 */

/**
 * How an answer reports failure.
 * - `send`: annex 2 statuses (100 sent, 101 scheduled, anything else is an error).
 * - `read`: read methods answer an `error` field instead of their data.
 * - `flag`: `status` 1 for success, 0 for failure (annexes 6, 9, 11 and most management methods).
 */
export type StatusKind = 'send' | 'read' | 'flag';

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
} satisfies Record<string, ApiMethod>;

export type ApiMethodName = keyof typeof METHODS;

export const API_METHODS: Record<ApiMethodName, ApiMethod> = METHODS;

export function isApiMethodName(name: string): name is ApiMethodName {
	return Object.prototype.hasOwnProperty.call(API_METHODS, name);
}
