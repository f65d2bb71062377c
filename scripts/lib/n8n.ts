/**
 * One real n8n: a user folder (database, settings, `nodes/` with this package), the CLI
 * (import, execute), its processes (`start`, and `worker`/`webhook` in queue mode) with their
 * logs, and a REST client for what only a running instance does (owner setup, login,
 * activation, executions). Works with n8n 2.x and 1.x.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nInstall } from './install';
import { nodeEnv } from './install';
import { copyNodesFolder } from './package';
import {
	freePort,
	GiveUp,
	LoggedProcess,
	runCommand,
	waitFor,
	type CommandResult,
} from './processes';

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

/** The owner account `npm run dev` and the tests create (n8n requires one before its editor and REST API can be used). */
export const DEV_OWNER: Owner = {
	email: 'owner@example.com',
	password: 'AllMySms-dev1',
	firstName: 'Dev',
	lastName: 'Owner',
};

export interface CredentialToImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** A workflow as n8n exports it (only what this code reads is typed). */
export interface WorkflowFile {
	id?: string;
	name: string;
	nodes: Array<{
		name: string;
		type: string;
		parameters?: Record<string, unknown>;
		[key: string]: unknown;
	}>;
	connections: Record<string, unknown>;
	[key: string]: unknown;
}

export interface InstanceOptions {
	install: N8nInstall;
	/** N8N_USER_FOLDER: n8n keeps everything in `<folder>/.n8n`. */
	folder: string;
	/** Prepared `nodes/` folder (package.ts `prepareNodesFolder`) copied into the user folder. */
	nodesFolder?: string;
	/** Extra environment for every process of this instance. */
	env?: Record<string, string>;
	/** Keep the caller's own N8N_*, DB_*… settings (npm run dev); tests start from a clean slate. */
	keepCallerN8nEnv?: boolean;
}

export type ProcessRole = 'start' | 'worker' | 'webhook';

/** Settings every process gets: quiet, offline-friendly, reproducible. */
const BASE_ENV: Record<string, string> = {
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_PERSONALIZATION_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
	N8N_SECURE_COOKIE: 'false',
	N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
	N8N_REINSTALL_MISSING_PACKAGES: 'false',
	N8N_LOG_LEVEL: 'info',
	N8N_LOG_OUTPUT: 'console',
	GENERIC_TIMEZONE: 'Europe/Paris',
	TZ: 'Europe/Paris',
	NO_COLOR: '1',
	DB_TYPE: 'sqlite',
	EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
	EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
};

export class N8nInstance {
	readonly install: N8nInstall;
	readonly folder: string;
	readonly logDir: string;
	private readonly extraEnv: Record<string, string>;
	private readonly keepCallerN8nEnv: boolean;
	private readonly processes: LoggedProcess[] = [];
	private cliCount = 0;

	constructor(options: InstanceOptions) {
		this.install = options.install;
		this.folder = options.folder;
		this.logDir = join(options.folder, 'logs');
		mkdirSync(this.logDir, { recursive: true });
		mkdirSync(join(this.folder, '.n8n'), { recursive: true });
		if (options.nodesFolder) copyNodesFolder(options.nodesFolder, this.folder);
		this.keepCallerN8nEnv = options.keepCallerN8nEnv ?? false;
		// No N8N_ENCRYPTION_KEY: the first n8n process generates one into <folder>/.n8n/config,
		// which every later process sharing the folder (CLI, main, worker, webhook) reads.
		this.extraEnv = { ...options.env };
	}

	get major(): number {
		return Number.parseInt(this.install.target.n8n, 10);
	}

	/** The public base URL of webhooks (2.x renamed WEBHOOK_URL to N8N_WEBHOOK_URL). */
	webhookUrlEnv(url: string): Record<string, string> {
		return this.major >= 2 ? { N8N_WEBHOOK_URL: url } : { WEBHOOK_URL: url };
	}

	/** Environment of one n8n process of this instance. */
	env(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
		const base = { ...process.env };
		// Nothing from the caller's own n8n settings leaks in (N8N_*, DB_*, QUEUE_*, WEBHOOK_URL), nor
		// jest's NODE_ENV=test, which turns n8n's logging and node loading off.
		const own = /^(N8N_|DB_|QUEUE_|EXECUTIONS_|WEBHOOK_URL$)/;
		const caller: Record<string, string> = {};
		for (const key of Object.keys(base)) {
			if (own.test(key) && this.keepCallerN8nEnv) caller[key] = base[key] as string;
			if (own.test(key) || /^(NODE_ENV$|JEST_)/.test(key)) delete base[key];
		}
		const env = nodeEnv(this.install.node, {
			...base,
			...BASE_ENV,
			...this.install.target.env,
			...this.extraEnv,
			...caller,
			N8N_USER_FOLDER: this.folder,
		});
		for (const [key, value] of Object.entries(extra)) {
			if (value === undefined) delete env[key];
			else env[key] = value;
		}
		return env;
	}

	/** Runs `n8n <args>` to its end (CLI commands: import, execute, export...). */
	async cli(
		args: string[],
		extraEnv: Record<string, string> = {},
		onSpawn?: (pid: number) => void,
	): Promise<CommandResult> {
		// A CLI process starts its own task-runner broker: give it a port nobody uses.
		const env = this.env({
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_PORT: String(await freePort()),
			...extraEnv,
		});
		this.cliCount += 1;
		const stdoutFile = join(this.logDir, `cli-${String(this.cliCount).padStart(2, '0')}.stdout`);
		const result = await runCommand(this.install.node.bin, [this.install.n8nBin, ...args], {
			env,
			cwd: this.folder,
			timeoutMs: 600_000,
			onSpawn,
			stdoutFile,
		});
		writeFileSync(
			join(
				this.logDir,
				`cli-${String(this.cliCount).padStart(2, '0')}-${args[0].replace(/[^a-z]/gi, '_')}.log`,
			),
			`$ n8n ${args.join(' ')}\n[exit ${result.code}]\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}\n`,
		);
		return result;
	}

	private async cliOrThrow(args: string[]): Promise<CommandResult> {
		const result = await this.cli(args);
		if (result.code !== 0)
			throw new Error(
				`n8n ${args.join(' ')} failed (exit ${result.code}):\n${tail(result.stdout + result.stderr)}`,
			);
		return result;
	}

	/** `n8n import:credentials`: plain `data` objects are encrypted by n8n on import. */
	async importCredentials(credentials: CredentialToImport[]): Promise<void> {
		const file = join(this.folder, 'import-credentials.json');
		writeFileSync(
			file,
			JSON.stringify(
				credentials.map((credential) => ({ ...credential, isManaged: false })),
				null,
				2,
			),
		);
		await this.cliOrThrow(['import:credentials', `--input=${file}`]);
	}

	/** `n8n import:workflow --separate`: one CLI run for all of them. Each needs an `id`. */
	async importWorkflows(workflows: WorkflowFile[]): Promise<void> {
		const dir = join(this.folder, `import-workflows-${Date.now()}`);
		mkdirSync(dir, { recursive: true });
		for (const workflow of workflows) {
			if (!workflow.id) throw new Error(`workflow "${workflow.name}" has no id`);
			writeFileSync(
				join(dir, `${workflow.id}.json`),
				JSON.stringify({ active: false, settings: { executionOrder: 'v1' }, ...workflow }, null, 2),
			);
		}
		await this.cliOrThrow(['import:workflow', '--separate', `--input=${dir}`]);
	}

	/**
	 * `n8n execute --id <id> --rawOutput`: runs the workflow from its Manual Trigger in a CLI
	 * process, and returns n8n's run data (`data.resultData.runData`, `.error`).
	 */
	async execute(
		workflowId: string,
		options: { onSpawn?: (pid: number) => void; env?: Record<string, string> } = {},
	): Promise<ExecutionResult> {
		const result = await this.cli(
			['execute', `--id=${workflowId}`, '--rawOutput'],
			options.env,
			options.onSpawn,
		);
		const json = extractJson(result.stdout);
		if (result.code === 0 && json)
			return { ok: true, run: json as RunData, output: result.stdout + result.stderr };
		return { ok: false, run: json as RunData | undefined, output: result.stdout + result.stderr };
	}

	/**
	 * Starts `n8n start` (or `worker` / `webhook`) on `port`, and waits until it is ready: the
	 * REST API answers (main), `/healthz/readiness` (webhook), `/healthz` (a worker's health server).
	 */
	async spawn(
		role: ProcessRole,
		options: {
			port: number;
			env?: Record<string, string>;
			name?: string;
			echo?: (line: string) => void;
			readyTimeoutMs?: number;
		},
	): Promise<N8nProcess> {
		const name = options.name ?? `n8n-${role}`;
		const brokerPort = String(await freePort());
		const roleEnv: Record<string, string> =
			role === 'worker'
				? {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(options.port),
						N8N_PORT: String(await freePort()),
					}
				: { N8N_PORT: String(options.port) };
		const env = this.env({ N8N_RUNNERS_BROKER_PORT: brokerPort, ...roleEnv, ...options.env });
		const logFile = join(this.logDir, `${name}.log`);
		const child = new LoggedProcess(name, this.install.node.bin, [this.install.n8nBin, role], {
			cwd: this.folder,
			env,
			logFile,
			echo: options.echo,
		});
		this.processes.push(child);
		const n8nProcess = new N8nProcess(child, options.port, role);
		// A main process answers /healthz/readiness before its REST API is mounted (1.x): wait for the API.
		const path = { start: '/rest/settings', worker: '/healthz', webhook: '/healthz/readiness' }[
			role
		];
		await waitFor(
			`${name} to be ready on port ${options.port}`,
			async () => {
				if (!child.running) throw new GiveUp(`${name} exited`);
				const response = await fetch(`http://127.0.0.1:${options.port}${path}`);
				if (!response.ok) return false;
				// While migrations run, the main process already answers every path (with a page).
				if (role === 'start')
					return (
						/json/.test(response.headers.get('content-type') ?? '') &&
						typeof ((await response.json()) as { data?: unknown }).data === 'object'
					);
				return true;
			},
			options.readyTimeoutMs ?? 120_000,
			250,
		).catch((error: unknown) => {
			throw new Error(
				`${error instanceof Error ? error.message : String(error)}\nend of ${logFile}:\n${child.tail()}`,
			);
		});
		return n8nProcess;
	}

	/** Stops every process this instance started, last started first. */
	async stopAll(): Promise<void> {
		for (const child of [...this.processes].reverse()) await child.stop();
		this.processes.length = 0;
	}
}

export interface RunData {
	data: {
		resultData: {
			runData: Record<
				string,
				Array<{
					startTime?: number;
					executionTime?: number;
					data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
					error?: { message: string; description?: string };
				}>
			>;
			error?: { message: string; description?: string; node?: { name: string } };
			lastNodeExecuted?: string;
		};
	};
	status?: string;
	finished?: boolean;
	mode?: string;
}

export interface ExecutionResult {
	ok: boolean;
	run: RunData | undefined;
	output: string;
}

/** The JSON items a node put on its first output in the last run of that node. */
export function nodeOutput(
	run: RunData,
	nodeName: string,
	output = 0,
): Array<Record<string, unknown>> {
	const runs = run.data.resultData.runData[nodeName];
	if (!runs || runs.length === 0)
		throw new Error(
			`node "${nodeName}" did not run (ran: ${Object.keys(run.data.resultData.runData).join(', ')})`,
		);
	const items = runs[runs.length - 1].data?.main?.[output] ?? [];
	return items.map((item) => item.json);
}

export class N8nProcess {
	constructor(
		readonly process: LoggedProcess,
		readonly port: number,
		readonly role: ProcessRole,
	) {}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	log(): string {
		return this.process.log();
	}

	stop(): Promise<void> {
		return this.process.stop();
	}
}

interface PublicationStatus {
	status: 'not_published' | 'in_progress' | 'published' | 'partial' | 'failed';
	triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
}

/** n8n's internal REST API (/rest), as its editor uses it: cookie session of the owner. */
export class N8nRest {
	/** Sent as `browser-id`: n8n ties the session cookie to it. */
	static readonly BROWSER_ID = 'allmysms-dev-browser';

	private cookie = '';

	constructor(
		readonly url: string,
		readonly major: number,
	) {}

	/** `n8n-auth=<token>` once signed in (for a browser session). */
	get authCookie(): string {
		return this.cookie;
	}

	/** Creates the owner (first start) or logs in as it (it exists already). */
	async signIn(owner: Owner = DEV_OWNER): Promise<void> {
		const settings = (
			await this.request<{ userManagement?: { showSetupOnFirstLoad?: boolean } }>(
				'GET',
				'/rest/settings',
			)
		).data;
		if (settings?.userManagement?.showSetupOnFirstLoad !== false) {
			await this.request('POST', '/rest/owner/setup', owner);
		} else {
			// 1.x before 1.80 read `email`; later releases `emailOrLdapLoginId`.
			await this.request('POST', '/rest/login', {
				email: owner.email,
				emailOrLdapLoginId: owner.email,
				password: owner.password,
			});
		}
	}

	async request<T = unknown>(method: string, path: string, body?: unknown): Promise<{ data: T }> {
		const response = await fetch(`${this.url}${path}`, {
			method,
			headers: {
				'content-type': 'application/json',
				accept: 'application/json',
				...(this.cookie ? { cookie: this.cookie } : {}),
				'browser-id': N8nRest.BROWSER_ID,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie
			.map((header) => header.split(';')[0])
			.find((pair) => pair.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
		const text = await response.text();
		if (!response.ok)
			throw new Error(`${method} ${path} → HTTP ${response.status}: ${text.slice(0, 500)}`);
		return (text ? JSON.parse(text) : { data: undefined }) as { data: T };
	}

	/** The node and credential types the editor lists (`/types/*.json`). */
	async types(): Promise<{
		nodes: Array<{ name: string; displayName: string }>;
		credentials: Array<{ name: string; displayName: string }>;
	}> {
		const get = async (file: string) => {
			const response = await fetch(`${this.url}/types/${file}`, {
				headers: { cookie: this.cookie, 'browser-id': N8nRest.BROWSER_ID },
			});
			if (!response.ok) throw new Error(`GET /types/${file} → HTTP ${response.status}`);
			return (await response.json()) as Array<{ name: string; displayName: string }>;
		};
		return { nodes: await get('nodes.json'), credentials: await get('credentials.json') };
	}

	async workflow(
		id: string,
	): Promise<{ id: string; versionId: string; active: boolean; [key: string]: unknown }> {
		return (
			await this.request<{ id: string; versionId: string; active: boolean }>(
				'GET',
				`/rest/workflows/${id}`,
			)
		).data;
	}

	/**
	 * Activates (2.x: publishes) a workflow on the running instance, and returns once its
	 * triggers are set up. 2.x applies a publication in the background (an outbox polled every
	 * N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS): its publication status tells when.
	 */
	async activate(id: string, timeoutMs = 60_000): Promise<void> {
		const { versionId } = await this.workflow(id);
		if (this.major < 2) {
			await this.request('PATCH', `/rest/workflows/${id}`, { active: true, versionId });
			return;
		}
		await this.request('POST', `/rest/workflows/${id}/activate`, { versionId });
		const status = await this.settledPublication(
			id,
			(value) => value !== 'in_progress' && value !== 'not_published',
			timeoutMs,
		);
		if (status.status !== 'published') {
			const reasons = status.triggers.map((trigger) => trigger.errorMessage).filter(Boolean);
			throw new Error(
				`workflow ${id} publication ${status.status}: ${reasons.join('; ') || 'no reason given'}`,
			);
		}
	}

	/** Deactivates (2.x: unpublishes) a workflow; returns once its triggers are removed. */
	async deactivate(id: string, timeoutMs = 60_000): Promise<void> {
		if (this.major < 2) {
			const { versionId } = await this.workflow(id);
			await this.request('PATCH', `/rest/workflows/${id}`, { active: false, versionId });
			return;
		}
		await this.request('POST', `/rest/workflows/${id}/deactivate`, {});
		await this.settledPublication(id, (value) => value === 'not_published', timeoutMs);
	}

	private async settledPublication(
		id: string,
		done: (status: string) => boolean,
		timeoutMs: number,
	): Promise<PublicationStatus> {
		return await waitFor(
			`the publication of workflow ${id} to settle`,
			async () => {
				const { data } = await this.request<PublicationStatus>(
					'GET',
					`/rest/workflows/${id}/publication-status`,
				);
				return done(data.status) ? data : undefined;
			},
			timeoutMs,
			250,
		);
	}

	/** Finished executions of a workflow, newest first. */
	async executions(
		workflowId: string,
	): Promise<Array<{ id: string; status: string; mode: string; workflowId: string }>> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const { data } = await this.request<
			| { results: Array<{ id: string; status: string; mode: string; workflowId: string }> }
			| Array<{ id: string; status: string; mode: string; workflowId: string }>
		>('GET', `/rest/executions?filter=${filter}&limit=50`);
		return Array.isArray(data) ? data : data.results;
	}

	/** How many executions of a workflow finished successfully (n8n counts them for the list's pages). */
	async successfulExecutions(workflowId: string): Promise<number> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId, status: ['success'] }));
		const { data } = await this.request<{ count?: number; results?: unknown[] } | unknown[]>(
			'GET',
			`/rest/executions?filter=${filter}&limit=1`,
		);
		return Array.isArray(data) ? data.length : (data.count ?? data.results?.length ?? 0);
	}

	/** One execution with its run data (n8n stores it "flatted"; this returns it parsed). */
	async execution(id: string): Promise<RunData & { status: string; mode: string }> {
		const { data } = await this.request<{ data: string; status: string; mode: string }>(
			'GET',
			`/rest/executions/${id}`,
		);
		return { ...data, data: unflatten(data.data) as RunData['data'] };
	}
}

/**
 * n8n stores run data with the `flatted` format: an array whose first element is the root,
 * where any string that is a number is a reference to that index of the array.
 */
export function unflatten(text: string): unknown {
	const table = JSON.parse(text) as unknown[];
	const seen = new Map<number, unknown>();
	const revive = (index: number): unknown => {
		if (seen.has(index)) return seen.get(index);
		const value = table[index];
		if (typeof value !== 'object' || value === null) {
			seen.set(index, value);
			return value;
		}
		const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
		seen.set(index, copy);
		for (const [key, child] of Object.entries(value)) {
			(copy as Record<string, unknown>)[key] =
				typeof child === 'string' && /^\d+$/.test(child) ? revive(Number(child)) : child;
		}
		return copy;
	};
	return revive(0);
}

/** The JSON document `n8n execute --rawOutput` printed (after whatever n8n logged first). */
function extractJson(stdout: string): unknown {
	const start = stdout.search(/^\{$/m);
	if (start === -1) return undefined;
	try {
		return JSON.parse(stdout.slice(start));
	} catch {
		const end = stdout.lastIndexOf('\n}');
		try {
			return JSON.parse(stdout.slice(start, end + 2));
		} catch {
			return undefined;
		}
	}
}

function tail(text: string, lines = 40): string {
	return text.split('\n').slice(-lines).join('\n');
}
