/**
 * deleteSubAccount (manual section 25): deletes one of the requesting account's sub-accounts
 * (`loginToDelete`). Answers status/statusText, status 1 or 0.
 */
import type { MethodDefinition } from './context';

export const DELETE_SUB_ACCOUNT_TEXTS = {
	deleted: 'Sub-account has been successfully deleted',
	// Decision (manual silent): English texts like the success one.
	missing: 'Parameter loginToDelete is missing',
	notFound: 'Sub-account not found',
} as const;

export const deleteSubAccount: MethodDefinition = {
	name: 'deleteSubAccount',
	authErrorShape: 'error',
	async handle({ state, account: master, params }) {
		const login = (params.loginToDelete ?? '').trim();
		if (!login) return { status: '0', statusText: DELETE_SUB_ACCOUNT_TEXTS.missing };
		const subAccount = state.findAccount(login);
		if (!subAccount || subAccount.masterLogin !== master.login)
			return { status: '0', statusText: DELETE_SUB_ACCOUNT_TEXTS.notFound };
		// Decision (manual silent): the credits left on the sub-account are not given back to
		// the master; take them back first with manageSubAccountCredits.
		state.deleteAccount(subAccount.login);
		return { status: '1', statusText: DELETE_SUB_ACCOUNT_TEXTS.deleted };
	},
};
