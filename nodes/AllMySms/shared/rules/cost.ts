import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ApiMethodName } from '../apiMethods';
import type { Batch, BatchRun } from '../batchRunner';
import { parseApiNumber, readFigure, roundFigure } from '../numbers';
import { callApi } from '../transport';
import { measureMessage } from '../validation/message';
import type { Coding } from '../validation/message';
import type { PhoneNumber } from '../validation/phoneNumbers';

/**
 * The cost and credit check (README, "Sending rules"), made after every item is read and before
 * the first sending request. A send is priced with AllMySMS's own price of one message:
 * - SMS: each recipient's parts, measured as the node measures them, times the credits of one SMS
 *   to its country (getCreditsByCountryIsoCode, 32.2; getPrices gives the countries' prefixes,
 *   33.2). A campaign of any size costs a few small requests. It counts every recipient, as a
 *   ceiling: AllMySMS may leave out blacklisted numbers. simulateCampaign is not used here: it
 *   would carry the whole send to AllMySMS once more.
 * - Voice (which getCreditsByCountryIsoCode does not price): getPrices' French price in euros of a
 *   voicemail drop or a call, turned into credits at the account's rate for an SMS to France.
 * - The balance: getInfo's credits (17.2, with decimals), asked only when partial sends are not
 *   allowed. Credits are compared with credits: AllMySMS's own refusal (104) speaks in credits.
 * Each answer is asked once per run of the node. The checks are requests too: a test counts no
 * *sending* request, not no request at all.
 */

export interface CostRuleSettings {
	maximumCredits: number;
	allowPartialSends: boolean;
	recipientsPerRequest: number;
}

export interface CampaignEstimate {
	credits: number;
	/** In euros; undefined when a price had none. */
	cost?: number;
	sms?: number;
	contacts?: number;
	/** Recipients AllMySMS gives no price for: the estimate cannot be trusted. */
	unreadable: number;
}

const answers = new WeakMap<object, Map<string, Promise<IDataObject>>>();

/** One answer per method and parameters for the node's run; a failed one is asked again next time. */
function askOnce(
	context: IExecuteFunctions,
	method: ApiMethodName,
	params: IDataObject = {},
): Promise<IDataObject> {
	const byKey = answers.get(context) ?? new Map<string, Promise<IDataObject>>();
	answers.set(context, byKey);
	const key = `${method}:${JSON.stringify(params)}`;
	let answer = byKey.get(key);
	if (!answer) {
		answer = callApi.call(context, method, { params, itemIndex: 0 });
		byKey.set(key, answer);
		answer.catch(() => byKey.delete(key));
	}
	return answer;
}

/** Credits and euros of one SMS to a country. */
async function smsPrice(context: IExecuteFunctions, countryIsoCode: string) {
	const answer = await askOnce(context, 'getCreditsByCountryIsoCode', { countryIsoCode });
	return { credits: readFigure(answer, 'nbCredits'), cost: readFigure(answer, 'cost') };
}

/** Country calling codes have 1 to 4 digits. */
const LONGEST_PREFIX = 4;

/** getPrices' countries by international prefix ("262" is both Réunion and Mayotte). */
async function countriesByPrefix(context: IExecuteFunctions): Promise<Map<string, string[]>> {
	const answer = await askOnce(context, 'getPrices');
	const byPrefix = new Map<string, string[]>();
	for (const country of (answer.countries as IDataObject[] | undefined) ?? []) {
		const prefix = String(country.prefix ?? '').replace(/^\+/, '');
		const isoCode = String(country.isoCode ?? '').toUpperCase();
		const isPrefix = /^\d+$/.test(prefix) && prefix.length <= LONGEST_PREFIX;
		if (!isPrefix || !/^[A-Z]{2}$/.test(isoCode)) continue;
		byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), isoCode]);
	}
	return byPrefix;
}

/** The longest prefix of getPrices' list that an international number starts with. */
function prefixOf(digits: string, byPrefix: Map<string, string[]>): string | undefined {
	for (let length = Math.min(LONGEST_PREFIX, digits.length); length > 0; length--)
		if (byPrefix.has(digits.slice(0, length))) return digits.slice(0, length);
	return undefined;
}

interface SmsBatchToPrice {
	coding: Coding;
	entries: ReadonlyArray<{ number: PhoneNumber; text: string }>;
}

/** The SMS estimate: parts per destination, each destination priced once. */
export async function estimateSms(
	context: IExecuteFunctions,
	batches: readonly SmsBatchToPrice[],
): Promise<CampaignEstimate> {
	const byPrefix = await countriesByPrefix(context);
	const byDestination = new Map<string, { parts: number; recipients: number }>();
	let sms = 0;
	let contacts = 0;
	let unreadable = 0;
	for (const batch of batches) {
		let lastText: string | undefined;
		let parts = 0;
		for (const entry of batch.entries) {
			if (entry.text !== lastText) {
				lastText = entry.text;
				parts = measureMessage(entry.text, batch.coding).parts;
			}
			contacts++;
			sms += parts;
			const prefix = prefixOf(entry.number.international, byPrefix);
			if (prefix === undefined) {
				unreadable++;
				continue;
			}
			const destination = byDestination.get(prefix) ?? { parts: 0, recipients: 0 };
			destination.parts += parts;
			destination.recipients++;
			byDestination.set(prefix, destination);
		}
	}
	let credits = 0;
	let cost: number | undefined = 0;
	for (const [prefix, { parts, recipients }] of byDestination) {
		// Countries sharing a prefix (1, 7, 262…): the dearest that has a price, so that the check
		// does not count short; one after the other, as a prefix may stand for some twenty countries.
		let dearest: { credits: number; cost?: number } | undefined;
		for (const isoCode of byPrefix.get(prefix) ?? []) {
			const price = await smsPrice(context, isoCode);
			if (price.credits !== undefined && price.credits > (dearest?.credits ?? -1))
				dearest = { credits: price.credits, cost: price.cost };
		}
		if (!dearest) {
			unreadable += recipients;
			continue;
		}
		credits += dearest.credits * parts;
		cost =
			cost === undefined || dearest.cost === undefined ? undefined : cost + dearest.cost * parts;
	}
	return {
		credits: roundFigure(credits),
		cost: cost === undefined || unreadable ? undefined : roundFigure(cost),
		sms,
		contacts,
		unreadable,
	};
}

/** The voice estimate, from getPrices' French prices (€ per message type) and the account's credits per euro. */
export async function estimateVoice(
	context: IExecuteFunctions,
	recipientsByType: ReadonlyMap<string, number>,
): Promise<CampaignEstimate> {
	const prices = await askOnce(context, 'getPrices', { countryIsoCode: 'FR' });
	const countries = (prices.countries as IDataObject[] | IDataObject | undefined) ?? [];
	const france = (Array.isArray(countries) ? countries : [countries]).find(
		(country) => String(country.isoCode ?? '') === 'FR',
	);
	const sms = await smsPrice(context, 'FR');
	const creditsPerEuro = sms.credits !== undefined && sms.cost ? sms.credits / sms.cost : undefined;
	let credits = 0;
	let cost = 0;
	let contacts = 0;
	let unreadable = 0;
	for (const [type, count] of recipientsByType) {
		contacts += count;
		const price = parseApiNumber(france?.[type]);
		if (price === undefined || creditsPerEuro === undefined) {
			unreadable += count;
			continue;
		}
		cost += price * count;
		credits += price * count * creditsPerEuro;
	}
	return {
		credits: roundFigure(credits),
		cost: unreadable ? undefined : roundFigure(cost),
		contacts,
		unreadable,
	};
}

export type CostDecision =
	| { ok: true; warning?: string }
	| { ok: false; reason: 'unreadable' | 'maximumCredits' | 'balance'; message: string };

function credits(value: number): string {
	return `${Number(value.toFixed(3)).toLocaleString('en-US', { maximumFractionDigits: 3 })} credit${value === 1 ? '' : 's'}`;
}

function plural(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function describeEstimate(estimate: CampaignEstimate): string {
	const details = [
		estimate.sms !== undefined ? `${estimate.sms} SMS` : undefined,
		estimate.contacts !== undefined ? plural(estimate.contacts, 'recipient') : undefined,
		estimate.cost !== undefined
			? `about €${estimate.cost.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`
			: undefined,
	].filter((detail) => detail !== undefined);
	return `${credits(estimate.credits)}${details.length ? ` (${details.join(', ')})` : ''}`;
}

const NOTHING_SENT = 'Nothing was sent.';

/**
 * Whether the send may start. Maximum Credits, the user's own ceiling, always refuses the whole
 * send when exceeded. The balance refuses it unless partial sends are allowed: the requests then
 * go out until AllMySMS refuses one (104). Equal is allowed.
 */
export function decideCost(input: {
	estimate: CampaignEstimate;
	/** getInfo's credits; undefined when not asked or unreadable. */
	availableCredits?: number;
	/** 0 or undefined: no maximum. */
	maximumCredits?: number;
	allowPartialSends: boolean;
}): CostDecision {
	const { estimate, availableCredits, allowPartialSends } = input;
	const maximum = input.maximumCredits ?? 0;
	const needed = describeEstimate(estimate);
	if (estimate.unreadable > 0 && (maximum > 0 || !allowPartialSends)) {
		return {
			ok: false,
			reason: 'unreadable',
			message: `AllMySMS gives no price for ${plural(estimate.unreadable, 'recipient')} of this send (getPrices, getCreditsByCountryIsoCode), so its cost cannot be checked. ${NOTHING_SENT} Leave Maximum Credits at 0 and turn on Allow Partial Sends to send without the check.`,
		};
	}
	if (maximum > 0 && estimate.credits > maximum) {
		return {
			ok: false,
			reason: 'maximumCredits',
			message: `This campaign would use ${needed}, more than the Maximum Credits of ${credits(maximum)}. ${NOTHING_SENT} Raise Maximum Credits or send to fewer recipients.`,
		};
	}
	if (availableCredits !== undefined && estimate.credits > availableCredits) {
		const shortage = `This campaign would use ${needed}, but the account has ${credits(availableCredits)} left.`;
		if (allowPartialSends) {
			return {
				ok: true,
				warning: `${shortage} Allow Partial Sends is on: the requests go out until AllMySMS refuses one for lack of credits; some recipients will receive nothing.`,
			};
		}
		return {
			ok: false,
			reason: 'balance',
			message: `${shortage} ${NOTHING_SENT} Top up the account, or turn on Allow Partial Sends to send what the credits cover.`,
		};
	}
	if (availableCredits === undefined && !allowPartialSends) {
		return {
			ok: true,
			warning: 'The account balance could not be read; the campaign was not checked against it.',
		};
	}
	return { ok: true };
}

/** The check failed before any sending request: whatever the error, nothing was sent. */
function notSent(error: unknown): NodeOperationError {
	const failure = error as NodeOperationError;
	failure.context.sendOutcome = 'not sent';
	failure.description = `${failure.description ? `${failure.description} ` : ''}Not sent: this happened while checking the cost, before the first sending request.`;
	return failure;
}

const CHECKED = 'Checked with AllMySMS before the first sending request.';

const REFUSALS = {
	maximumCredits: {
		headline: (itemIndex: number) => `Invalid "Maximum Credits" in item ${itemIndex}`,
		description: CHECKED,
	},
	balance: {
		headline: (itemIndex: number) => `Not enough credits for item ${itemIndex}`,
		description: `${CHECKED} See the "Allow Partial Sends" option.`,
	},
	unreadable: {
		headline: (itemIndex: number) => `Cannot check the cost of item ${itemIndex}`,
		description: CHECKED,
	},
};

/**
 * Checks a send before its first request and returns the batches that may go: none when it is
 * refused, every item of the send then getting the error (the node stops, or with "Continue On
 * Fail" each item). The options are the first item's: one decision for the whole send.
 */
export async function checkCost<B extends Batch<CostRuleSettings, { itemIndex: number }>>(
	context: IExecuteFunctions,
	run: Pick<BatchRun<unknown, { itemIndex: number }>, 'node' | 'reject'>,
	batches: B[],
	estimate: () => Promise<CampaignEstimate>,
): Promise<B[]> {
	if (batches.length === 0) return batches;
	const { maximumCredits, allowPartialSends } = batches[0].settings;
	const requests = batches.reduce(
		(sum, batch) => sum + Math.ceil(batch.entries.length / batch.settings.recipientsPerRequest),
		0,
	);
	// Only where the check can change the outcome: a budget to keep, or a send of several requests
	// that could stop halfway. AllMySMS refuses a single request whole when the credits are short
	// (104): one request needs no check (one SMS, one request).
	if (!(maximumCredits > 0) && (allowPartialSends || requests <= 1)) return batches;
	// An n8n Retry, or Skip Identical Sends, may replay sends AllMySMS already accepted, which cost
	// nothing again: the balance would refuse the very Retry that gives the original smsIds back.
	// There, only Maximum Credits is checked; AllMySMS refuses a new request it cannot pay (104).
	const replay =
		context.getMode() === 'retry' ||
		context.getNodeParameter('options.skipIdenticalSends', batches[0].itemIndices[0], false) ===
			true;
	if (replay && !(maximumCredits > 0)) return batches;
	const checkBalance = !allowPartialSends && !replay;

	const itemIndices = batches.flatMap((batch) => batch.itemIndices);
	let decision: CostDecision;
	try {
		const estimated = await estimate();
		const info = checkBalance ? await askOnce(context, 'getInfo') : undefined;
		decision = decideCost({
			estimate: estimated,
			availableCredits: info && readFigure(info, 'credits'),
			maximumCredits,
			allowPartialSends: !checkBalance,
		});
	} catch (error) {
		// The check itself failed (credential, network…): nothing is sent.
		for (const itemIndex of itemIndices) run.reject(itemIndex, notSent(error));
		return [];
	}
	if (decision.ok) {
		if (decision.warning)
			context.addExecutionHints({ message: decision.warning, location: 'outputPane' });
		return batches;
	}
	const others =
		itemIndices.length > 1 ? ` (the whole send of ${itemIndices.length} items is refused)` : '';
	const { headline, description } = REFUSALS[decision.reason];
	for (const itemIndex of itemIndices) {
		run.reject(
			itemIndex,
			new NodeOperationError(run.node, `${headline(itemIndex)}${others}: ${decision.message}`, {
				itemIndex,
				description,
			}),
		);
	}
	return [];
}
