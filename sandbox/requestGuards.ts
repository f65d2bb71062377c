/**
 * The two guards of the sending methods (manual 6, 7.2, 36, 37.2), per account and method:
 * - a unique identifier seen within 24 h replays the original answer (or 160 while the first
 *   request is still processed);
 * - an identical request within 10 s of an accepted one, or while it is processed, gets 121.
 * Where the manual is silent: identifiers live 24 h from the answer; "identical" compares the
 * flow as the API reads it (sending.ts).
 */

/** A unique identifier (UNIQUEIDENTIFIER / uniqueidentifier) seen within the last 24 h. */
export interface UniqueIdentifierEntry {
	state: 'processing' | 'done';
	at: Date;
	/** Original answer (before serialisation), replayed on reuse. */
	answer?: Record<string, unknown>;
}

export const UNIQUE_IDENTIFIER_TTL_MS = 24 * 3600 * 1000;
export const DUPLICATE_WINDOW_MS = 10 * 1000;

const uniqueKey = (login: string, apiMethod: string, id: string): string =>
	`${login}\u0000${apiMethod}\u0000${id}`;

export class RequestGuards {
	private readonly uniqueIdentifiers = new Map<string, UniqueIdentifierEntry>();
	private readonly acceptedRequests = new Map<string, Date>();
	/** Sending requests being processed, by fingerprint (count: the same one may run twice). */
	private readonly requestsInProgress = new Map<string, number>();

	constructor(private readonly now: () => Date) {}

	/* ----- unique identifiers ----- */

	uniqueIdentifier(
		login: string,
		apiMethod: string,
		id: string,
	): UniqueIdentifierEntry | undefined {
		const key = uniqueKey(login, apiMethod, id);
		const entry = this.uniqueIdentifiers.get(key);
		if (
			entry &&
			entry.state === 'done' &&
			this.now().getTime() - entry.at.getTime() >= UNIQUE_IDENTIFIER_TTL_MS
		) {
			this.uniqueIdentifiers.delete(key);
			return undefined;
		}
		return entry;
	}

	reserveUniqueIdentifier(login: string, apiMethod: string, id: string): void {
		this.uniqueIdentifiers.set(uniqueKey(login, apiMethod, id), {
			state: 'processing',
			at: this.now(),
		});
	}

	completeUniqueIdentifier(
		login: string,
		apiMethod: string,
		id: string,
		answer: Record<string, unknown>,
	): void {
		this.uniqueIdentifiers.set(uniqueKey(login, apiMethod, id), {
			state: 'done',
			at: this.now(),
			answer,
		});
	}

	releaseUniqueIdentifier(login: string, apiMethod: string, id: string): void {
		this.uniqueIdentifiers.delete(uniqueKey(login, apiMethod, id));
	}

	/* ----- identical requests within 10 s ----- */

	/** An identical request is being processed, or was accepted less than 10 s ago. */
	isRecentDuplicate(login: string, apiMethod: string, fingerprint: string): boolean {
		const key = uniqueKey(login, apiMethod, fingerprint);
		if (this.requestsInProgress.has(key)) return true;
		const acceptedAt = this.acceptedRequests.get(key);
		return (
			acceptedAt !== undefined && this.now().getTime() - acceptedAt.getTime() < DUPLICATE_WINDOW_MS
		);
	}

	startProcessing(login: string, apiMethod: string, fingerprint: string): void {
		const key = uniqueKey(login, apiMethod, fingerprint);
		this.requestsInProgress.set(key, (this.requestsInProgress.get(key) ?? 0) + 1);
	}

	endProcessing(login: string, apiMethod: string, fingerprint: string): void {
		const key = uniqueKey(login, apiMethod, fingerprint);
		const count = this.requestsInProgress.get(key) ?? 0;
		if (count > 1) this.requestsInProgress.set(key, count - 1);
		else this.requestsInProgress.delete(key);
	}

	rememberAccepted(login: string, apiMethod: string, fingerprint: string): void {
		const now = this.now();
		for (const [key, at] of this.acceptedRequests) {
			if (now.getTime() - at.getTime() >= DUPLICATE_WINDOW_MS) this.acceptedRequests.delete(key);
		}
		this.acceptedRequests.set(uniqueKey(login, apiMethod, fingerprint), now);
	}

	reset(): void {
		this.uniqueIdentifiers.clear();
		this.acceptedRequests.clear();
		this.requestsInProgress.clear();
	}
}
