import { createHash, timingSafeEqual } from 'crypto';

/**
 * Whether a request carries the trigger's secret. Both sides are hashed first so that the
 * comparison takes the same time whatever the length or the content of what was sent.
 */
export function isSameSecret(given: string | undefined, expected: string): boolean {
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	const same = timingSafeEqual(digest(given ?? ''), digest(expected));
	return same && given !== undefined;
}
