const MASK = '***';

/** Secrets shorter than this are not masked: replacing 1-3 characters would mangle any text. */
const MIN_SECRET_LENGTH = 4;

export function usableSecrets(secrets: Array<string | undefined>): string[] {
	return secrets.filter((secret): secret is string => !!secret && secret.length >= MIN_SECRET_LENGTH);
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

/** Masks secrets in every string of a JSON-like value. */
export function redactDeep<T>(value: T, secrets: string[]): T {
	if (usableSecrets(secrets).length === 0) return value;
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string') return redact(node, secrets);
		if (Array.isArray(node)) return node.map(walk);
		if (node && typeof node === 'object') {
			return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, walk(inner)]));
		}
		return node;
	};
	return walk(value) as T;
}
