/**
 * getshorturldomains (manual section 35): the domains of the URL shortening service.
 */
import type { MethodDefinition } from './context';

/** The 35.1 example's list (its "..." left out). */
export const SHORT_URL_DOMAINS = [
	'bs.ms',
	'm-go.fr',
	'msms.eu',
	'msms.fr',
	'xms.lc',
	'myweb.re',
	'myurl.es',
] as const;

export const getShortUrlDomains: MethodDefinition = {
	name: 'getShortUrlDomains',
	// 35.1's XML root is the method's lower-case spelling.
	xmlRoot: 'getshorturldomains',
	authErrorShape: 'error',
	async handle() {
		return { domains: [...SHORT_URL_DOMAINS] };
	},
};
