/**
 * getSubAccounts (manual section 23): the sub-accounts of the requesting account, with the
 * fields and JSON types of the 23 example (`total` a number, `Credits`/`Balance` strings).
 */
import { balanceOf } from '../pricing';
import { formatApiDate } from '../rules';
import type { Account } from '../state';
import type { MethodDefinition } from './context';

export const NO_SUB_ACCOUNT = { status: 0, statusText: 'No subaccount found' } as const;

export const getSubAccounts: MethodDefinition = {
	name: 'getSubAccounts',
	authErrorShape: 'error',
	// Where the manual is silent: section 23's only non-list answer is `status 0` + `statusText` (line 1807), so a
	// refused request has that shape too, with annex 2's 102 text (line 3073) as the reason, like
	// annex 6's "0 Une erreur est survenue" for its neighbours: never an empty-looking answer.
	authErrorAnswer: (text) => ({ status: 0, statusText: text }),
	async handle({ state, account }) {
		// Acting as a sub-account (annex 14): it has none of its own.
		const subAccounts = state.subAccounts(account.login);
		// 23 "AUTRE VARIABLES DE RETOUR": no sub-account → only status 0 and its text.
		if (subAccounts.length === 0) return { ...NO_SUB_ACCOUNT };
		return {
			total: subAccounts.length,
			subAccounts: subAccounts.map((subAccount) => describe(subAccount)),
		};
	},
};

/**
 * One `subAccount` entry. Decisions: `WebSite` is given in both formats (the XML example has
 * it, the JSON one forgets it); `ClientType` is Company when a society is set, else
 * Individual; `LastVisit` (manager website) stays empty; `LastActivity` is the last campaign
 * order, empty before any.
 */
function describe(account: Account): Record<string, unknown> {
	const profile = (field: string): string => account.profile[field] ?? '';
	const lastCampaign = account.campaigns.reduce<Date | undefined>(
		(latest, campaign) =>
			latest === undefined || campaign.dateCommand > latest ? campaign.dateCommand : latest,
		undefined,
	);
	return {
		Login: account.login,
		LastName: account.lastName,
		FirstName: account.firstName,
		ClientType: account.society ? 'Company' : 'Individual',
		Company: account.society,
		Phone: profile('PHONE'),
		Mobile: profile('MOBILE'),
		Fax: '',
		Email: account.email,
		WebSite: profile('WEBSITE'),
		Address: profile('ADDRESS'),
		Zip: profile('ZIP'),
		City: profile('CITY'),
		Country: profile('COUNTRY'),
		CreationDate: formatApiDate(account.createdAt),
		LastVisit: '',
		LastActivity: lastCampaign ? formatApiDate(lastCampaign) : '',
		BillLastName: profile('BILLLASTNAME'),
		BillFirstName: profile('BILLFIRSTNAME'),
		BillCompany: profile('BILLSOCIETY'),
		BillPhone: profile('BILLPHONE'),
		BillMobile: profile('BILLMOBILE'),
		BillEmail: profile('BILLEMAIL'),
		BillAddress: profile('BILLADDRESS'),
		BillZip: profile('BILLZIP'),
		BillCity: profile('BILLCITY'),
		BillCountry: profile('BILLCOUNTRY'),
		Credits: String(account.credits),
		Balance: String(balanceOf(account.credits)),
	};
}
