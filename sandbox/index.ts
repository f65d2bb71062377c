/**
 * AllMySMS HTTP API 9.0 sandbox: a stateful imitation of api.allmysms.com on loopback.
 *
 *   const sandbox = await startSandbox({ port: 0 });
 *   sandbox.state.createAccount({ login: 'jdoe', apiKey: 'key', credits: 1000 });
 *   await fetch(`${sandbox.baseUrl}/sendSms/`, { method: 'POST', body: new URLSearchParams({ … }) });
 *   await sandbox.close();
 */
import type { AddressInfo } from 'node:net';
import { SandboxServer, API_BASE_PATH } from './server';
import { SandboxState } from './state';
import { webhookPusher } from './webhooks';
import type { WebhookPusher } from './webhooks';
import type { Fault, FaultStatus, RecordedRequest, StartSandboxOptions } from './types';

export type {
	AppliedFault,
	Fault,
	FaultMode,
	FaultStatus,
	RecordedRequest,
	ReturnFormat,
	StartSandboxOptions,
} from './types';
export { FAULT_MODES } from './faults';
export type {
	Account,
	AckStatus,
	BlacklistComment,
	BlacklistEntry,
	Campaign,
	CampaignStatus,
	ContactList,
	CreateAccountInput,
	Reply,
	SmsRecord,
} from './state';
export { SandboxState } from './state';
export { API_BASE_PATH } from './server';
export { WEBHOOK_ANSWER_TIMEOUT_MS, WebhookPusher, webhookPusher } from './webhooks';
export type { WebhookCall, WebhookType } from './webhooks';

export interface Sandbox {
	/** http://127.0.0.1:PORT */
	url: string;
	/** url + '/http/9.0' */
	baseUrl: string;
	state: SandboxState;
	/** Every API request, in arrival order, with the answer given (control API calls excluded). */
	requests: RecordedRequest[];
	/** Queues a fault (faults.ts, README "Faults"); returns it with its counters. */
	injectFault(fault: Fault): FaultStatus;
	/** Every fault queued since the last clear (spent ones included) with its counters. */
	faults(): FaultStatus[];
	/** Forgets the faults; returns how many there were. */
	clearFaults(): number;
	/** Webhook calls made by the sandbox (configureWebhook checks, DLR and MO pushes); see webhooks.ts. */
	webhooks: WebhookPusher;
	close(): Promise<void>;
}

/** Demo account created by `seedDemo` (and by the CLI). */
export const DEMO_ACCOUNT = {
	login: 'demo',
	apiKey: 'demo-api-key',
	credits: 100_000,
	firstName: 'Camille',
	lastName: 'Martin',
	society: 'Démo SARL',
	email: 'demo@example.com',
	alerting: 1,
	subAccount: { login: 'demo_shop', apiKey: 'demo-shop-api-key', credits: 1_500 },
} as const;

export function seedDemo(state: SandboxState): void {
	state.createAccount({
		login: DEMO_ACCOUNT.login,
		apiKey: DEMO_ACCOUNT.apiKey,
		credits: DEMO_ACCOUNT.credits,
		firstName: DEMO_ACCOUNT.firstName,
		lastName: DEMO_ACCOUNT.lastName,
		society: DEMO_ACCOUNT.society,
		email: DEMO_ACCOUNT.email,
		alerting: DEMO_ACCOUNT.alerting,
	});
	state.createAccount({
		login: DEMO_ACCOUNT.subAccount.login,
		apiKey: DEMO_ACCOUNT.subAccount.apiKey,
		credits: DEMO_ACCOUNT.subAccount.credits,
		firstName: 'Boutique',
		lastName: 'Démo',
		society: 'Démo SARL',
		email: 'shop@example.com',
		subAccountOf: DEMO_ACCOUNT.login,
	});
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<Sandbox> {
	const host = options.host ?? '127.0.0.1';
	const state = new SandboxState(options.now);
	const reseed = options.seedDemo ? () => seedDemo(state) : undefined;
	reseed?.();
	const server = new SandboxServer({ state, onReset: reseed });
	// Listening from the start, so that every delivery report and reply reaches the configured URLs.
	const webhooks = webhookPusher(state);
	await new Promise<void>((resolve, reject) => {
		server.http.once('error', reject);
		server.http.listen(options.port ?? 0, host, () => {
			server.http.off('error', reject);
			resolve();
		});
	});
	const { port } = server.http.address() as AddressInfo;
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
	return {
		url,
		baseUrl: `${url}${API_BASE_PATH}`,
		state,
		requests: server.requests,
		injectFault: (fault) => server.injectFault(fault),
		faults: () => server.listFaults(),
		clearFaults: () => server.clearFaults(),
		webhooks,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.http.close((error) => (error ? reject(error) : resolve()));
				server.http.closeAllConnections();
			}),
	};
}
