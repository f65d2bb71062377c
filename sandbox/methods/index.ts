/**
 * Registry of the API methods: every method of the manual (sections 6-43).
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

/** The manual writes some paths in lower case (deleteblacklistentry, getshorturldomains): match any case. */
const BY_LOWER_NAME = new Map(
	IMPLEMENTED.map((definition) => [definition.name.toLowerCase(), definition]),
);

/** Method path segment → its implementation (case-insensitive), or undefined for an unknown method. */
export function resolveMethod(segment: string): MethodDefinition | undefined {
	return BY_LOWER_NAME.get(segment.toLowerCase());
}
