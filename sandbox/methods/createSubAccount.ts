/**
 * createSubAccount (manual section 21): creates a sub-account of the requesting account from
 * the `accountData` flow (21.2, annex 5). Answers status/text (annex 6).
 */
import { randomBytes } from 'node:crypto';
import type { MethodDefinition } from './context';
import {
	ACCOUNT_DATA_TEXTS,
	MIN_PASSWORD_LENGTH,
	PROFILE_FIELDS,
	accountDataAccepted,
	accountDataRefused,
	applyProfile,
	flag,
	isEmail,
	readAccountData,
} from './accountData';

const REQUIRED = ['FIRSTNAME', 'LASTNAME', 'EMAIL', 'LOGIN', 'PASSWORD'] as const;

export const createSubAccount: MethodDefinition = {
	name: 'createSubAccount',
	// Where the manual is silent: the management methods report a bad key like the read methods, {error}.
	authErrorShape: 'error',
	async handle(context) {
		const { state, account: master } = context;
		const refused = accountDataRefused();
		const data = readAccountData(context);
		if (!data) return refused;
		// Decision (annex 14, state model): a sub-account cannot have sub-accounts of its own.
		if (master.masterLogin !== undefined) return refused;
		if (REQUIRED.some((field) => !data[field])) return refused;
		if (data.PASSWORD.length < MIN_PASSWORD_LENGTH || !isEmail(data.EMAIL)) return refused;
		// Logins are unique across AllMySMS, not only among one master's sub-accounts.
		if (state.findAccount(data.LOGIN)) return refused;
		// 21.2: POSTPAID only "si le compte maître est lui-même en post paiement".
		const postpaid = flag(data.POSTPAID, false);
		if (postpaid && !state.isPostpaid(master)) return refused;

		const created = state.createAccount({
			login: data.LOGIN,
			// The sub-account gets its own API key (it can also be used on its own).
			apiKey: randomBytes(16).toString('hex'),
			credits: 0,
			firstName: data.FIRSTNAME,
			lastName: data.LASTNAME,
			society: data.SOCIETY ?? '',
			email: data.EMAIL,
			subAccountOf: master.login,
		});
		applyProfile(created, data, PROFILE_FIELDS);
		created.profile.POSTPAID = postpaid ? '1' : '0';
		// 21.2 ACTIVE: "par défaut : 1"; an inactive sub-account cannot be used (header, its own key).
		created.active = flag(data.ACTIVE, true);
		created.webhooks = { dlr: data.WEBHOOKDLR ?? '', mo: data.WEBHOOKMO ?? '' };
		return accountDataAccepted(ACCOUNT_DATA_TEXTS.created);
	},
};
