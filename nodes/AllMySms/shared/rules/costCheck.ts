import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, NodeApiError } from 'n8n-workflow';

import { DEFAULT_RECIPIENTS_PER_REQUEST } from '../descriptions';
import type { ApiMethodName } from '../apiMethods';
import type { Batch, BatchRun } from '../batchRunner';
import { chunk } from '../batchRunner';
import { smsDataFlow } from '../smsData';
import { callApi } from '../transport';
import type { Flow } from '../transport';
import { measureMessage } from '../validation/message';
import type { Coding } from '../validation/message';
import type { PhoneNumber } from '../validation/phoneNumbers';
import { parseApiNumber, roundFigure } from '../numbers';
import {
	decideCost,
	estimateFromCountries,
	readAccountInfo,
	readSimulation,
	sumSimulations,
} from './costDecision';
import type {
	CampaignEstimate,
	CostGuardDecision,
	DestinationShare,
	SimulationFigures,
} from './costDecision';

/**
 * The cost and credit guard's requests (README, "Sending rules"), made after every item is read
 * and before the first sending request; the decision itself is costDecision.ts's `decideCost`.
 * - SMS: the API's own figures, simulateCampaign. A campaign is simulated with its own flows,
 *   chunk by chunk as it will be sent. Per-item sends are simulated together: one flow per
 *   encoding whose message is `#param_1#`, each recipient's text as its parameter, so that
 *   1,000 items cost one or two checks, not 1,000 (AllMySMS counts a personalised message's
 *   parts per recipient, 7.2); a single item is simulated with its own flow.
 * - Voice (simulateCampaign is SMS-only): getPrices gives the French price in euros of a
 *   voicemail drop or a call (33.2), turned into credits at the account's own rate, which
 *   getCreditsByCountryIsoCode gives for an SMS to France (credits and euros, 32.2).
 * - The balance: getInfo's credits (17.2), asked only when partial sends are not allowed.
 * Answers are kept for the node's run (one getInfo however many items). The check is skipped
 * when it cannot change the outcome: no Maximum Credits, and Allow Partial Sends on or a send
 * of one request.
 * The checks are requests too: a test counts no *sending* request, not no request at all.
 */

export interface CostRuleSettings {
	maximumCredits: number;
	allowPartialSends: boolean;
	recipientsPerRequest: number;
}

/** How many sending requests the batches make. */
function requestCount(batches: Array<Batch<CostRuleSettings, { itemIndex: number }>>): number {
	let requests = 0;
	for (const batch of batches)
		requests += Math.ceil(batch.entries.length / batch.settings.recipientsPerRequest);
	return requests;
}

const answers = new WeakMap<object, Map<string, Promise<IDataObject>>>();

/** One answer per method and parameters for the node's run. */
function cachedCall(
	context: IExecuteFunctions,
	method: ApiMethodName,
	params: IDataObject = {},
): Promise<IDataObject> {
	let byKey = answers.get(context);
	if (!byKey) {
		byKey = new Map();
		answers.set(context, byKey);
	}
	const key = `${method}:${JSON.stringify(params)}`;
	let answer = byKey.get(key);
	if (!answer) {
		answer = callApi.call(context, method, { params, itemIndex: 0 });
		byKey.set(key, answer);
		// A failed check is not kept: the next run asks again.
		answer.catch(() => byKey.delete(key));
	}
	return answer;
}

/** The API refused the simulation for lack of credits (status 104): what it said. */
function shortageOf(error: unknown): string | undefined {
	const { httpCode, message } = error as { httpCode?: string | null; message?: string };
	return httpCode === '104' ? (message ?? 'not enough credits') : undefined;
}

type Estimate = { estimate: CampaignEstimate } | { shortage: string };

interface SmsEntry {
	itemIndex: number;
	number: PhoneNumber;
	text: string;
}

interface SmsLikeBatch
	extends Batch<CostRuleSettings & { recipientsPerRequest: number }, SmsEntry> {
	coding: Coding;
}

/** The flows that simulate per-item sends together, by encoding, built one at a time as they are asked for. */
function* mergedFlows(batches: SmsLikeBatch[]): Generator<Flow> {
	const byCoding = new Map<Coding, SmsEntry[]>();
	for (const batch of batches) {
		const list = byCoding.get(batch.coding) ?? [];
		for (const entry of batch.entries) list.push(entry);
		byCoding.set(batch.coding, list);
	}
	for (const [coding, entries] of byCoding) {
		for (const part of chunk(entries, DEFAULT_RECIPIENTS_PER_REQUEST)) {
			yield smsDataFlow(
				{ message: '#param_1#', parameterCount: 1, coding },
				part.map((entry) => ({ toSend: entry.number.toSend, params: [entry.text] })),
			);
		}
	}
}

/** The flows of one batch, chunk by chunk, each built only when its simulation goes out. */
function* batchFlows<B extends SmsLikeBatch>(
	batch: B,
	flowOf: (batch: B, entries: B['entries']) => Flow,
): Generator<Flow> {
	for (const entries of chunk(batch.entries, batch.settings.recipientsPerRequest))
		yield flowOf(batch, entries);
}

/** Simulates the flows one after the other; a campaign's flows are never all in memory at once. */
async function simulate(context: IExecuteFunctions, flows: Iterable<Flow>): Promise<Estimate> {
	const figures: SimulationFigures[] = [];
	for (const flow of flows) {
		const outcome = await callApi
			.call(context, 'simulateCampaign', { flow, format: 'json', itemIndex: 0 })
			.then(
				(answer) => ({ answer }),
				(error: unknown) => ({ error: error as NodeApiError }),
			);
		if ('error' in outcome) {
			const shortage = shortageOf(outcome.error);
			if (shortage === undefined) throw outcome.error;
			return { shortage };
		}
		figures.push(readSimulation(outcome.answer));
	}
	return { estimate: sumSimulations(figures) };
}

/** getPrices' countries by international prefix ("262" is both Réunion and Mayotte). */
async function countriesByPrefix(context: IExecuteFunctions): Promise<Map<string, string[]>> {
	const answer = await cachedCall(context, 'getPrices');
	const byPrefix = new Map<string, string[]>();
	for (const country of (answer.countries as IDataObject[] | undefined) ?? []) {
		const prefix = String(country.prefix ?? '').replace(/^\+/, '');
		const isoCode = String(country.isoCode ?? '').toUpperCase();
		if (!/^\d{1,4}$/.test(prefix) || !/^[A-Z]{2}$/.test(isoCode)) continue;
		byPrefix.set(prefix, [...(byPrefix.get(prefix) ?? []), isoCode]);
	}
	return byPrefix;
}

/**
 * One batch priced per destination, with AllMySMS's own figures: each recipient's SMS parts
 * (measured as the node measures them) times the credits of one SMS to its country
 * (getCreditsByCountryIsoCode, one request per country; getPrices gives the countries'
 * prefixes). A large campaign costs a few small requests instead of a simulation of every chunk,
 * which would carry the whole campaign once more. It counts every recipient, as a ceiling: AllMySMS
 * may leave out blacklisted numbers. Undefined when a destination is not in getPrices' list: the
 * simulation then says.
 */
async function estimateByDestination(
	context: IExecuteFunctions,
	batch: SmsLikeBatch,
): Promise<Estimate | undefined> {
	const byPrefix = await countriesByPrefix(context);
	if (byPrefix.size === 0) return undefined;
	const longest = Math.max(...[...byPrefix.keys()].map((prefix) => prefix.length));
	const partsByPrefix = new Map<string, number>();
	let lastText: string | undefined;
	let parts = 0;
	for (const entry of batch.entries) {
		if (entry.text !== lastText) {
			lastText = entry.text;
			parts = measureMessage(entry.text, batch.coding).parts;
		}
		const digits = entry.number.international;
		let prefix: string | undefined;
		for (
			let length = Math.min(longest, digits.length);
			length > 0 && prefix === undefined;
			length--
		) {
			if (byPrefix.has(digits.slice(0, length))) prefix = digits.slice(0, length);
		}
		if (prefix === undefined) return undefined;
		partsByPrefix.set(prefix, (partsByPrefix.get(prefix) ?? 0) + parts);
	}
	const shares: DestinationShare[] = [];
	const perCountry = new Map<string, SimulationFigures>();
	for (const [prefix, segments] of partsByPrefix) {
		// Countries sharing a prefix: the dearest, so that the check never counts short.
		let dearest: string | undefined;
		for (const isoCode of byPrefix.get(prefix) ?? []) {
			const figures = readSimulation(
				await cachedCall(context, 'getCreditsByCountryIsoCode', { countryIsoCode: isoCode }),
			);
			perCountry.set(isoCode, figures);
			if (
				dearest === undefined ||
				(figures.credits ?? Infinity) > (perCountry.get(dearest)?.credits ?? Infinity)
			)
				dearest = isoCode;
		}
		if (dearest !== undefined) shares.push({ countryIsoCode: dearest, segments });
	}
	const estimate = estimateFromCountries(shares, perCountry);
	if (estimate.unreadable > 0) return undefined;
	return { estimate: { ...estimate, contacts: batch.entries.length } };
}

/**
 * The SMS estimate. One batch (a campaign, or a single item) is priced per destination; several
 * per-item batches, or a destination AllMySMS does not list, are simulated (`flowOf` builds a
 * batch's own flow for some of its recipients, without identifier).
 */
export async function estimateSms<B extends SmsLikeBatch>(
	context: IExecuteFunctions,
	batches: B[],
	flowOf: (batch: B, entries: B['entries']) => Flow,
): Promise<Estimate> {
	if (batches.length === 1) {
		const byDestination = await estimateByDestination(context, batches[0]);
		if (byDestination) return byDestination;
	}
	return await simulate(
		context,
		batches.length === 1 ? batchFlows(batches[0], flowOf) : mergedFlows(batches),
	);
}

/** The voice estimate, from getPrices and the account's credits per euro. */
export async function estimateVoice(
	context: IExecuteFunctions,
	recipientsByType: ReadonlyMap<string, number>,
): Promise<Estimate> {
	const prices = await cachedCall(context, 'getPrices', { countryIsoCode: 'FR' });
	const countries = (prices.countries as IDataObject[] | IDataObject | undefined) ?? [];
	const france = (Array.isArray(countries) ? countries : [countries]).find(
		(country) => String(country.isoCode ?? '') === 'FR',
	);
	const sms = readSimulation(
		await cachedCall(context, 'getCreditsByCountryIsoCode', { countryIsoCode: 'FR' }),
	);
	const creditsPerEuro = sms.credits !== undefined && sms.cost ? sms.credits / sms.cost : undefined;
	let credits = 0;
	let cost = 0;
	let contacts = 0;
	let unreadable = 0;
	for (const [type, count] of recipientsByType) {
		contacts += count;
		const price = parseApiNumber(france?.[type]);
		if (price === undefined || creditsPerEuro === undefined) {
			unreadable++;
			continue;
		}
		cost += price * count;
		credits += price * count * creditsPerEuro;
	}
	return {
		estimate: {
			credits: roundFigure(credits),
			cost: unreadable ? undefined : roundFigure(cost),
			contacts,
			unreadable,
		},
	};
}

/** The check failed before any sending request: whatever the error, nothing was sent. */
function notSent(error: unknown): NodeOperationError {
	const failure = error as NodeOperationError;
	failure.context.sendOutcome = 'not sent';
	failure.description = `${failure.description ? `${failure.description} ` : ''}Not sent: this happened while checking the cost, before the first sending request.`;
	return failure;
}

/**
 * Checks a send before its first request. Returns whether it may go: when not, every item of
 * the send is refused (the node stops, or each item gets the error with "Continue On Fail").
 * The options are the first item's (one decision for the whole execution's send).
 */
export async function checkCost<B extends Batch<CostRuleSettings, { itemIndex: number }>>(
	context: IExecuteFunctions,
	run: Pick<BatchRun<unknown, { itemIndex: number }>, 'node' | 'reject'>,
	batches: B[],
	estimate: () => Promise<Estimate>,
): Promise<B[]> {
	if (batches.length === 0) return batches;
	const { maximumCredits, allowPartialSends } = batches[0].settings;
	// Only where the check can change the outcome: a budget to keep, or a send of several requests
	// that could stop halfway. AllMySMS refuses a single request whole when the credits are short
	// (104): nothing is partly sent, so one request needs no check (one SMS, one request).
	if (!(maximumCredits > 0) && (allowPartialSends || requestCount(batches) <= 1)) return batches;
	// An n8n Retry, or Skip Identical Sends, may replay sends AllMySMS already accepted: those
	// cost nothing again, so the balance would refuse the very Retry that gives the original
	// smsIds back. There, only Maximum Credits is checked; a new request the credits cannot pay is
	// refused whole by AllMySMS (104).
	const replay =
		context.getMode() === 'retry' ||
		context.getNodeParameter('options.skipIdenticalSends', batches[0].itemIndices[0], false) ===
			true;
	if (replay && !(maximumCredits > 0)) return batches;
	const checkBalance = !allowPartialSends && !replay;

	const itemIndices = batches.flatMap((batch) => batch.itemIndices);
	let result: Estimate;
	try {
		result = await estimate();
	} catch (error) {
		// The check itself failed (credential, network…): nothing is sent; with "Continue On
		// Fail", every item of the send gets the error.
		for (const itemIndex of itemIndices) run.reject(itemIndex, notSent(error));
		return [];
	}
	let decision: CostGuardDecision;
	if ('shortage' in result) {
		decision =
			(allowPartialSends || replay) && !(maximumCredits > 0)
				? {
						ok: true,
						warning: `${result.shortage}. Allow Partial Sends is on: the requests go out until AllMySMS refuses one for lack of credits.`,
					}
				: {
						ok: false,
						reason: 'balance',
						message: `AllMySMS says the account cannot pay for this send: ${result.shortage}. Nothing was sent. Top up the account, or turn on Allow Partial Sends to send what the credits cover.`,
					};
	} else {
		let availableCredits: number | undefined;
		if (checkBalance) {
			try {
				availableCredits = readAccountInfo(await cachedCall(context, 'getInfo')).credits;
			} catch (error) {
				for (const itemIndex of itemIndices) run.reject(itemIndex, notSent(error));
				return [];
			}
		}
		decision = decideCost({
			estimate: result.estimate,
			availableCredits,
			maximumCredits,
			allowPartialSends: !checkBalance,
		});
	}

	if (decision.ok) {
		if (decision.warning)
			context.addExecutionHints({ message: decision.warning, location: 'outputPane' });
		return batches;
	}
	const others =
		itemIndices.length > 1 ? ` (the whole send of ${itemIndices.length} items is refused)` : '';
	for (const itemIndex of itemIndices) {
		const error =
			decision.reason === 'maximumCredits'
				? new NodeOperationError(
						run.node,
						`Invalid "Maximum Credits" in item ${itemIndex}${others}: ${decision.message}`,
						{
							itemIndex,
							description: 'Checked with AllMySMS before the first sending request.',
						},
					)
				: new NodeOperationError(
						run.node,
						`Not enough credits for item ${itemIndex}${others}: ${decision.message}`,
						{
							itemIndex,
							description:
								'Checked with AllMySMS before the first sending request. See the "Allow Partial Sends" option.',
						},
					);
		run.reject(itemIndex, error);
	}
	return [];
}
