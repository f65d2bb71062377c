/**
 * Registry of the API methods: the implemented ones, and every other method named in the
 * manual (sections 9-43), which the sandbox recognises but does not serve yet (501).
 */
import type { MethodDefinition } from './context';
import { getInfo } from './getInfo';
import { sendSms } from './sendSms';
import { simpleSms } from './simpleSms';
import { simulateCampaign } from './simulateCampaign';
// ── imports: delivery reports, replies, campaigns ──
// ── imports: blacklist, sub-accounts, prices and credits, URLs ──
// ── imports: contact lists, voice ──
// ── imports: webhooks ──

export type { MethodContext, MethodDefinition } from './context';

/** Served at `/http/9.0/` itself. */
export const BASE_PATH_METHOD = simpleSms;

const IMPLEMENTED: readonly MethodDefinition[] = [
	sendSms,
	simulateCampaign,
	getInfo,
	// ── delivery reports, replies, campaigns ──
	// ── blacklist, sub-accounts, prices and credits, URLs ──
	// ── contact lists, voice ──
	// ── webhooks ──
];

/** Every method path of the manual, canonical spelling (the manual itself varies the case). */
const KNOWN_METHODS: readonly string[] = [
	'sendSms',
	'simulateCampaign',
	'getAcks',
	'getAckBySmsId',
	'getCampaignStats',
	'getCampaignInfo',
	'getCampaignsInfo',
	'getPulls',
	'getPull',
	'getPullBySmsId',
	'getInfo',
	'getBlacklist',
	'deleteBlacklistEntry',
	'deleteCampaign',
	'createSubAccount',
	'updateSubAccount',
	'getSubAccounts',
	'manageSubAccountCredits',
	'deleteSubAccount',
	'createList',
	'populateList',
	'deleteContacts',
	'deleteList',
	'getLists',
	'getContacts',
	'getCreditsByCountryIsoCode',
	'getPrices',
	'shortenUrl',
	'getShortUrlDomains',
	'simpleVocal',
	'sendVocal',
	'createCode',
	'getMedia',
	'downloadMedia',
	'getWebhook',
	'configureWebhook',
	'deleteWebhook',
];

const BY_LOWER_NAME = new Map(KNOWN_METHODS.map((name) => [name.toLowerCase(), name]));
const IMPLEMENTATIONS = new Map(IMPLEMENTED.map((definition) => [definition.name, definition]));

/** Method path segment → canonical name (case-insensitive) and its implementation, if any. */
export function resolveMethod(segment: string): { name: string; definition: MethodDefinition | undefined } | undefined {
	const name = BY_LOWER_NAME.get(segment.toLowerCase());
	return name === undefined ? undefined : { name, definition: IMPLEMENTATIONS.get(name) };
}
