/**
 * updateSubAccount (manual section 22): changes the fields of 22.2 of one of the master's
 * sub-accounts (`subAccount` parameter); fields left out keep their value. Answers status/text
 * (annex 6).
 */
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

/**
 * Fields of 22.2 kept in the profile. 22.2 lists BILLCODE "Téléphone portable du sous compte"
 * where 21.2 has BILLMOBILE (billing mobile): read as BILLMOBILE, either spelling accepted
 * (BILLMOBILE wins). SENDEMAIL*, POSTPAID, PROFILE and WEBHOOK* are not in 22.2: ignored.
 */
const NOT_UPDATABLE: readonly string[] = [
	'SENDEMAILTOCUSTOMER',
	'SENDEMAILTOMASTERACCOUNT',
	'POSTPAID',
	'PROFILE',
];
const UPDATABLE_PROFILE_FIELDS = PROFILE_FIELDS.filter((field) => !NOT_UPDATABLE.includes(field));

export const updateSubAccount: MethodDefinition = {
	name: 'updateSubAccount',
	authErrorShape: 'error',
	// 22.1 `subAccount` = the sub-account to change, not annex 14's "act as".
	subAccountParamIsTarget: true,
	async handle(context) {
		const { state, authenticated: master, params } = context;
		const refused = accountDataRefused();
		// Annex 14: "Le service MODIFICATION DE SOUS-COMPTES n'est pas disponible" as a sub-account.
		if (context.account !== master) return refused;
		const login = (params.subAccount ?? '').trim();
		const target = login ? state.findAccount(login) : undefined;
		// Inactive sub-accounts can be changed too (that is how one is re-activated).
		if (!target || target.masterLogin !== master.login) return refused;
		const data = readAccountData(context);
		if (!data) return refused;
		if (data.BILLMOBILE === undefined && data.BILLCODE !== undefined)
			data.BILLMOBILE = data.BILLCODE;

		// Where the manual is silent: a given field is checked like on creation; required ones cannot be blanked.
		for (const field of ['FIRSTNAME', 'LASTNAME', 'EMAIL', 'LOGIN', 'PASSWORD']) {
			if (data[field] === '') return refused;
		}
		if (data.PASSWORD !== undefined && data.PASSWORD.length < MIN_PASSWORD_LENGTH) return refused;
		if (data.EMAIL !== undefined && !isEmail(data.EMAIL)) return refused;
		const newLogin = data.LOGIN;
		if (newLogin !== undefined && newLogin !== target.login && state.findAccount(newLogin))
			return refused;

		if (newLogin !== undefined && newLogin !== target.login) state.renameAccount(target, newLogin);
		if (data.FIRSTNAME !== undefined) target.firstName = data.FIRSTNAME;
		if (data.LASTNAME !== undefined) target.lastName = data.LASTNAME;
		if (data.SOCIETY !== undefined) target.society = data.SOCIETY;
		if (data.EMAIL !== undefined) target.email = data.EMAIL;
		if (data.ACTIVE !== undefined) target.active = flag(data.ACTIVE, target.active);
		applyProfile(target, data, UPDATABLE_PROFILE_FIELDS);
		return accountDataAccepted(ACCOUNT_DATA_TEXTS.updated);
	},
};
