const MASK = '***';

/** Secrets shorter than this are not masked: replacing 1-3 characters would mangle any text. */
const MIN_SECRET_LENGTH = 4;

function usableSecrets(secrets: Array<string | undefined>): string[] {
	return secrets.filter(
		(secret): secret is string => !!secret && secret.length >= MIN_SECRET_LENGTH,
	);
}

export function redact(text: string, secrets: string[]): string {
	let result = text;
	for (const secret of usableSecrets(secrets)) {
		result = result.split(secret).join(MASK);
		// Form bodies and URLs carry the key URL-encoded.
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret) result = result.split(encoded).join(MASK);
	}
	return result;
}

/**
 * Masks secrets in every string and key of a freshly parsed answer, in place. (A send's answer
 * lists thousands of smsIds: only the strings that hold a secret are rebuilt.)
 */
export function redactDeep<T extends object>(value: T, secrets: string[]): T {
	const usable = usableSecrets(secrets);
	const forms = [...new Set(usable.flatMap((secret) => [secret, encodeURIComponent(secret)]))];
	const clean = (text: string): string =>
		forms.some((form) => text.includes(form)) ? redact(text, usable) : text;
	const walk = (node: object): void => {
		const container = node as Record<string, unknown>;
		for (const key of Object.keys(container)) {
			const inner = container[key];
			if (typeof inner === 'string') container[key] = clean(inner);
			else if (inner && typeof inner === 'object') walk(inner);
		}
		if (Array.isArray(node)) return;
		// A key may carry the secret too (an XML element named after it, say).
		for (const key of Object.keys(container)) {
			const masked = clean(key);
			if (masked !== key) {
				container[masked] = container[key];
				delete container[key];
			}
		}
	};
	if (usable.length > 0) walk(value);
	return value;
}
