/**
 * manageSubAccountCredits (manual section 24): moves credits between the master account and
 * one of its sub-accounts. Positive `credits` go from the master to the sub-account, negative
 * ones come back to the master.
 */
import { balanceOf, roundCredits } from '../pricing';
import type { MethodDefinition } from './context';

/** 24.2 "AUTRE VARIABLES DE RETOUR", texts as the manual gives them. */
export const SUB_ACCOUNT_CREDITS_FAILURES = {
	0: "Le sous compte n'est pas rattaché au compte maître",
	1: "Le paramètre « subAccount » n'est pas défini",
	2: "Le paramètre « credits » n'est pas défini",
	3: 'Le sous compte est en abonnement',
	4: "Le sous compte n'a pas assez de crédits (dans le cas d'un débit)",
	5: "Le compte maître n'a pas assez de crédits (dans le cas d'un crédit)",
} as const;

type FailureStatus = keyof typeof SUB_ACCOUNT_CREDITS_FAILURES;

function failed(status: FailureStatus): Record<string, unknown> {
	return { status, statusText: SUB_ACCOUNT_CREDITS_FAILURES[status] };
}

export const manageSubAccountCredits: MethodDefinition = {
	name: 'manageSubAccountCredits',
	authErrorShape: 'error',
	// 24.1 `subAccount` = the sub-account to credit, not annex 14's "act as".
	subAccountParamIsTarget: true,
	async handle({ state, account: master, params }) {
		const login = (params.subAccount ?? '').trim();
		if (!login) return failed(1);
		// Where the manual is silent: read like PHP's empty(): missing, blank, "0" or not a number → 2.
		const raw = (params.credits ?? '').trim();
		const credits = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(raw) ? roundCredits(Number(raw)) : 0;
		if (credits === 0) return failed(2);
		// Acting as a sub-account (header), `master` is that sub-account: it has no sub-accounts → 0.
		const subAccount = state.findAccount(login);
		if (!subAccount || subAccount.masterLogin !== master.login) return failed(0);
		if (state.isPostpaid(subAccount)) return failed(3);
		if (credits < 0 && subAccount.credits < -credits) return failed(4);
		if (credits > 0 && master.credits < credits) return failed(5);

		state.debit(master, credits);
		state.debit(subAccount, -credits);
		const figures = {
			Login: subAccount.login,
			Credits: subAccount.credits,
			Balance: balanceOf(subAccount.credits),
		};
		// 24.2: the XML example has `status` OK and one <subAccount>; the JSON example has no
		// status and a list of one subAccount. Each format answers like its example.
		return params.returnformat?.toLowerCase() === 'xml'
			? { status: 'OK', subAccount: figures }
			: { subAccount: [figures] };
	},
};
