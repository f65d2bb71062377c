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
import { deleteCampaign } from './deleteCampaign';
import { getAckBySmsId } from './getAckBySmsId';
import { getAcks } from './getAcks';
import { getCampaignInfo } from './getCampaignInfo';
import { getCampaignsInfo } from './getCampaignsInfo';
import { getCampaignStats } from './getCampaignStats';
import { getPull } from './getPull';
import { getPullBySmsId } from './getPullBySmsId';
import { getPulls } from './getPulls';
// ── imports: blacklist, sub-accounts, prices and credits, URLs ──
import { createSubAccount } from './createSubAccount';
import { deleteBlacklistEntry } from './deleteBlacklistEntry';
import { deleteSubAccount } from './deleteSubAccount';
import { getBlacklist } from './getBlacklist';
import { getCreditsByCountryIsoCode } from './getCreditsByCountryIsoCode';
import { getPrices } from './getPrices';
import { getShortUrlDomains } from './getShortUrlDomains';
import { getSubAccounts } from './getSubAccounts';
import { manageSubAccountCredits } from './manageSubAccountCredits';
import { shortenUrl } from './shortenUrl';
import { updateSubAccount } from './updateSubAccount';
// ── imports: contact lists, voice ──
import { createCode } from './createCode';
import { createList } from './createList';
import { deleteContacts } from './deleteContacts';
import { deleteList } from './deleteList';
import { downloadMedia } from './downloadMedia';
import { getContacts } from './getContacts';
import { getLists } from './getLists';
import { getMedia } from './getMedia';
import { populateList } from './populateList';
import { sendVocal } from './sendVocal';
import { simpleVocal } from './simpleVocal';
// ── imports: webhooks ──
import { configureWebhook } from './configureWebhook';
import { deleteWebhook } from './deleteWebhook';
import { getWebhook } from './getWebhook';

export type { MethodContext, MethodDefinition } from './context';

/** Served at `/http/9.0/` itself. */
export const BASE_PATH_METHOD = simpleSms;

const IMPLEMENTED: readonly MethodDefinition[] = [
	sendSms,
	simulateCampaign,
	getInfo,
	// ── delivery reports, replies, campaigns ──
	getAcks,
	getAckBySmsId,
	getCampaignStats,
	getCampaignInfo,
	getCampaignsInfo,
	getPulls,
	getPull,
	getPullBySmsId,
	deleteCampaign,
	// ── blacklist, sub-accounts, prices and credits, URLs ──
	getBlacklist,
	deleteBlacklistEntry,
	createSubAccount,
	updateSubAccount,
	getSubAccounts,
	manageSubAccountCredits,
	deleteSubAccount,
	getCreditsByCountryIsoCode,
	getPrices,
	shortenUrl,
	getShortUrlDomains,
	// ── contact lists, voice ──
	createList,
	populateList,
	deleteContacts,
	deleteList,
	getLists,
	getContacts,
	simpleVocal,
	sendVocal,
	createCode,
	getMedia,
	downloadMedia,
	// ── webhooks ──
	getWebhook,
	configureWebhook,
	deleteWebhook,
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
