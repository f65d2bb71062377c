/**
 * The node's one reading of "now", for the rules that depend on it (the commercial-hours guard).
 * Everything else receives the instant as an argument. Tests fix it by faking `Date` only
 * (jest modern fake timers with every other API left real), so that n8n and the sandbox keep
 * their real timers.
 */
export function now(): Date {
	return new Date(Date.now());
}
