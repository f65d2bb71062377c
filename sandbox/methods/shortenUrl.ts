/**
 * shortenUrl (manual section 34): a short URL on bs.ms for an accessible URL.
 */
import { createHash } from 'node:crypto';
import type { MethodDefinition } from './context';

export const SHORT_URL_DOMAIN = 'bs.ms';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Where the manual is silent: the same URL always gets the same short URL (derived from it), 6 characters. */
function shortCode(url: string): string {
	const digest = createHash('sha256').update(url).digest();
	return [...digest.subarray(0, 6)].map((byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

export const shortenUrl: MethodDefinition = {
	name: 'shortenUrl',
	authErrorShape: 'error',
	async handle({ params }) {
		const url = (params.url ?? '').trim();
		// Decisions (manual silent): read-method errors, {error}.
		if (!url) return { error: 'url not specified' };
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			return { error: 'invalid url' };
		}
		if (
			(parsed.protocol !== 'http:' && parsed.protocol !== 'https:') ||
			!parsed.hostname.includes('.')
		)
			return { error: 'invalid url' };
		// "doit être accessible": the sandbox has no network; hosts under the reserved .invalid
		// top-level domain (RFC 2606) stand for unreachable URLs.
		if (parsed.hostname.endsWith('.invalid')) return { error: 'url not accessible' };
		return { url, shortUrl: `http://${SHORT_URL_DOMAIN}/${shortCode(url)}` };
	},
};
