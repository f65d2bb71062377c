/**
 * deleteblacklistentry (manual section 19): removes a number from the requesting account's
 * blacklist. Only NPAI ("Refused") and manually added numbers may be removed, not STOP requests.
 */
import { checkPhoneNumber } from '../rules';
import type { MethodDefinition } from './context';

export const DELETE_BLACKLIST_ENTRY_TEXTS = {
	// 19.2: the XML example's text; the JSON one ("list your base has been successfully
	// deleted") is copied from deleteList.
	deleted: 'phone number successfully deleted',
	// Decision (manual silent): English texts in the same style.
	missing: 'phone number not specified',
	notFound: 'phone number not found in blacklist',
	stop: 'phone number unsubscribed by STOP cannot be deleted',
} as const;

export const deleteBlacklistEntry: MethodDefinition = {
	name: 'deleteBlacklistEntry',
	// 19.2's XML root is <deleteList>, copied from section 29; the method answers under its own
	// name, spelled as the manual spells it (like <getshorturldomains>, section 35).
	xmlRoot: 'deleteblacklistentry',
	authErrorShape: 'error',
	async handle({ state, account, params }) {
		const raw = (params.phoneNumber ?? '').trim();
		const refused = (statusText: string): Record<string, unknown> => ({ status: '0', statusText });
		if (!raw) return refused(DELETE_BLACKLIST_ENTRY_TEXTS.missing);
		// Entries are kept in international form (336…): 06…, +336… and 336… name the same one.
		const check = checkPhoneNumber(raw);
		const key = check.valid ? check.msisdn : raw.replace(/^\+/, '');
		const entry = state.blacklistEntry(account, key);
		if (!entry) return refused(DELETE_BLACKLIST_ENTRY_TEXTS.notFound);
		if (entry.comment === 'stop') return refused(DELETE_BLACKLIST_ENTRY_TEXTS.stop);
		account.blacklist.delete(key);
		return { status: '1', statusText: DELETE_BLACKLIST_ENTRY_TEXTS.deleted };
	},
};
