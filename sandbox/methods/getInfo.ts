/**
 * getInfo (manual section 17): account information.
 */
import { REFERENCE_COUNTRY_ISO, balanceOf, creditsPerSms } from '../pricing';
import type { MethodDefinition } from './context';

export const getInfo: MethodDefinition = {
	name: 'getInfo',
	authErrorShape: 'error',
	async handle({ account }) {
		return {
			status: 'Active Account',
			credits: account.credits,
			// Remaining SMS to the reference country (floored: the manual is silent).
			nbSms: Math.floor(account.credits / creditsPerSms(REFERENCE_COUNTRY_ISO)),
			referenceCountryIso: account.referenceCountryIso,
			apiKey: account.apiKey,
			lastName: account.lastName,
			firstName: account.firstName,
			society: account.society,
			email: account.email,
			balance: balanceOf(account.credits),
			alerting: account.alerting,
		};
	},
};
