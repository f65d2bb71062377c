/**
 * The cost and credit guard, decided before the first request of a campaign. Pure: the API's
 * figures are read by the caller (simulateCampaign per chunk, getInfo once, or
 * getCreditsByCountryIsoCode per destination, cached for the execution) and passed in.
 *
 * Units (manual): simulateCampaign answers nbCredits (credits the send would use), nbSms,
 * nbContacts, balance and cost in euros (8.2); getInfo answers credits, the credits left on the
 * account (17.2, e.g. 22457.383: decimals), and balance in euros; getCreditsByCountryIsoCode
 * answers nbCredits and cost for one SMS, as text ("15", 32.2). Credits are compared with
 * credits: the API's own refusal (status 104) speaks in credits too ("A utiliser : XX Crédits,
 * Disponibles : YY Crédits").
 */

import { parseApiNumber, roundFigure } from '../numbers';

type Answer = Record<string, unknown>;

/** The field `name` of an answer, whatever its case, also under an XML root left in place. */
function field(answer: unknown, name: string): unknown {
	if (!answer || typeof answer !== 'object') return undefined;
	const record = answer as Answer;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(record)) if (key.toLowerCase() === wanted) return value;
	const keys = Object.keys(record);
	if (keys.length === 1 && record[keys[0]] && typeof record[keys[0]] === 'object')
		return field(record[keys[0]], name);
	return undefined;
}

export interface SimulationFigures {
	/** nbCredits: credits the send would use. */
	credits?: number;
	/** cost: estimated cost in euros. */
	cost?: number;
	/** nbSms: SMS parts × recipients. */
	sms?: number;
	/** nbContacts. */
	contacts?: number;
	/** balance: what is left on the account, in euros. */
	balance?: number;
}

/** The figures of a simulateCampaign answer (also fits getCreditsByCountryIsoCode's). */
export function readSimulation(answer: unknown): SimulationFigures {
	return {
		credits: parseApiNumber(field(answer, 'nbCredits')),
		cost: parseApiNumber(field(answer, 'cost')),
		sms: parseApiNumber(field(answer, 'nbSms')),
		contacts: parseApiNumber(field(answer, 'nbContacts')),
		balance: parseApiNumber(field(answer, 'balance')),
	};
}

export interface AccountFigures {
	/** credits: credits left on the account. */
	credits?: number;
	/** balance: in euros. */
	balance?: number;
}

/** The figures of a getInfo answer. */
export function readAccountInfo(answer: unknown): AccountFigures {
	return {
		credits: parseApiNumber(field(answer, 'credits')),
		balance: parseApiNumber(field(answer, 'balance')),
	};
}

/** Credits and euros add up in thousandths (getInfo's credits have 3 decimals): no 0.1 + 0.2. */

export interface CampaignEstimate {
	credits: number;
	/** Undefined when an answer had no cost. */
	cost?: number;
	sms?: number;
	contacts?: number;
	/** Answers without a readable nbCredits: the estimate is then not trustworthy. */
	unreadable: number;
}

/** The campaign's total, from the simulateCampaign answers of its chunks. */
export function sumSimulations(answers: readonly SimulationFigures[]): CampaignEstimate {
	const total = (pick: (figures: SimulationFigures) => number | undefined): number | undefined =>
		answers.every((figures) => pick(figures) !== undefined)
			? roundFigure(answers.reduce((sum, figures) => sum + (pick(figures) as number), 0))
			: undefined;
	return {
		credits: roundFigure(answers.reduce((sum, figures) => sum + (figures.credits ?? 0), 0)),
		cost: total((figures) => figures.cost),
		sms: total((figures) => figures.sms),
		contacts: total((figures) => figures.contacts),
		unreadable: answers.filter((figures) => figures.credits === undefined).length,
	};
}

export interface DestinationShare {
	/** Country ISO code, upper case (FR, BE…), as getCreditsByCountryIsoCode takes it. */
	countryIsoCode: string;
	/** SMS parts of this recipient's message (describeMessage().segments). */
	segments: number;
}

/**
 * The estimate without simulateCampaign: for each recipient, the price of one SMS to its country
 * (getCreditsByCountryIsoCode, read with readSimulation) times its parts. Countries missing from
 * `perCountry` are counted in `unreadable`.
 */
export function estimateFromCountries(
	recipients: readonly DestinationShare[],
	perCountry: ReadonlyMap<string, SimulationFigures>,
): CampaignEstimate {
	let credits = 0;
	let cost: number | undefined = 0;
	let sms = 0;
	let unreadable = 0;
	for (const { countryIsoCode, segments } of recipients) {
		const price = perCountry.get(countryIsoCode.toUpperCase());
		sms += segments;
		if (price?.credits === undefined) {
			unreadable++;
			cost = undefined;
			continue;
		}
		credits += price.credits * segments;
		cost =
			cost === undefined || price.cost === undefined ? undefined : cost + price.cost * segments;
	}
	return {
		credits: roundFigure(credits),
		cost: cost === undefined ? undefined : roundFigure(cost),
		sms,
		contacts: recipients.length,
		unreadable,
	};
}

export interface CostGuardInput {
	estimate: CampaignEstimate;
	/** getInfo's credits; undefined when not known (not asked, or unreadable). */
	availableCredits?: number;
	/** The Maximum Credits option; undefined or 0 for no maximum. */
	maximumCredits?: number;
	/** The Allow Partial Sends option: go on when the balance covers only part of the campaign. */
	allowPartialSends: boolean;
}

export type CostGuardDecision =
	| { ok: true; warning?: string }
	| { ok: false; reason: 'unreadable' | 'maximumCredits' | 'balance'; message: string };

function credits(value: number): string {
	return `${Number(value.toFixed(3)).toLocaleString('en-US', { maximumFractionDigits: 3 })} credit${value === 1 ? '' : 's'}`;
}

function describeEstimate(estimate: CampaignEstimate): string {
	const details = [
		estimate.sms !== undefined ? `${estimate.sms} SMS` : undefined,
		estimate.contacts !== undefined
			? `${estimate.contacts} recipient${estimate.contacts === 1 ? '' : 's'}`
			: undefined,
		estimate.cost !== undefined
			? `about €${estimate.cost.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 4 })}`
			: undefined,
	].filter((detail) => detail !== undefined);
	return `${credits(estimate.credits)}${details.length ? ` (${details.join(', ')})` : ''}`;
}

const NOTHING_SENT = 'Nothing was sent.';

/**
 * Whether the campaign may start. Maximum Credits always refuses the whole send when exceeded
 * (it is the user's own ceiling). The balance refuses it unless partial sends are allowed, in
 * which case the chunks go out until AllMySMS refuses one (status 104). Equal is allowed.
 */
export function decideCost(input: CostGuardInput): CostGuardDecision {
	const { estimate, availableCredits, allowPartialSends } = input;
	const maximum = input.maximumCredits;
	const needed = describeEstimate(estimate);
	if (estimate.unreadable > 0 && ((maximum !== undefined && maximum > 0) || !allowPartialSends)) {
		return {
			ok: false,
			reason: 'unreadable',
			message: `AllMySMS gave no credit figure for ${estimate.unreadable} part${estimate.unreadable === 1 ? '' : 's'} of the campaign, so its cost cannot be checked. ${NOTHING_SENT}`,
		};
	}
	if (maximum !== undefined && maximum > 0 && estimate.credits > maximum) {
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
