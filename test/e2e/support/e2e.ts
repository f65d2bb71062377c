/**
 * What every e2e phase shares: step timings, a fresh n8n with this package installed the way
 * users install it, the sandbox credential, and the expected-output templates of workflow files.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

import { cacheDir, ensureN8n } from '../../../scripts/lib/install';
import { N8nInstance, N8nRest, type N8nProcess, type RunData } from '../../../scripts/lib/n8n';
import { prepareNodesFolder } from '../../../scripts/lib/package';
import { freePort, waitFor } from '../../../scripts/lib/processes';
import { DEMO_API_KEY, DEMO_LOGIN, sandboxCredential } from '../../../scripts/lib/workflows';
import type { N8nTarget } from '../../../scripts/lib/versions';
import { startSandbox, type Sandbox } from '../../../sandbox';

/** Root of this run's user folders and logs (set by globalSetup; a fresh one when a phase runs alone). */
export function runDir(): string {
	if (!process.env.ALLMYSMS_E2E_DIR) {
		process.env.ALLMYSMS_E2E_DIR = mkdtempSync(join(tmpdir(), 'allmysms-e2e-'));
	}
	return process.env.ALLMYSMS_E2E_DIR;
}

function currentPhase(): string {
	const path = expect.getState().testPath;
	return path ? basename(path).replace(/\.e2e\.ts$/, '') : 'setup';
}

/**
 * Runs `step` and records its duration for the phase report (phaseReporter.js), unless it took
 * less than `minMs` (a cached install).
 */
export async function timed<T>(
	label: string,
	step: () => Promise<T>,
	phase?: string,
	minMs = 0,
): Promise<T> {
	const started = Date.now();
	try {
		return await step();
	} finally {
		const file = process.env.ALLMYSMS_E2E_TIMINGS;
		const ms = Date.now() - started;
		if (file && ms >= minMs)
			appendFileSync(file, `${JSON.stringify({ phase: phase ?? currentPhase(), label, ms })}\n`);
	}
}

/** The package packed and installed into a `nodes/` folder once per run (globalSetup does it first). */
export async function preparedNodes(): Promise<string> {
	if (!process.env.ALLMYSMS_E2E_NODES) {
		process.env.ALLMYSMS_E2E_NODES = await prepareNodesFolder(join(runDir(), 'package'));
	}
	return process.env.ALLMYSMS_E2E_NODES;
}

/** A new n8n user folder with the package in its `nodes/` (nothing started yet). */
export async function newInstance(
	target: N8nTarget,
	name: string,
	env: Record<string, string> = {},
): Promise<N8nInstance> {
	const install = await timed(
		`install ${target.label} (first run only)`,
		() => ensureN8n(target),
		undefined,
		1_000,
	);
	const folder = join(runDir(), name);
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	return new N8nInstance({ install, folder, nodesFolder: await preparedNodes(), env });
}

/** The sandbox in this process (its state and requests can be read directly), with the demo account. */
export async function demoSandbox(): Promise<Sandbox> {
	return await startSandbox({ port: 0, host: '127.0.0.1', seedDemo: true });
}

/** Forgets everything the sandbox saw, back to the demo account alone. */
export async function resetSandbox(sandbox: Sandbox): Promise<void> {
	const response = await fetch(`${sandbox.url}/_sandbox/reset`, { method: 'POST' });
	if (!response.ok) throw new Error(`sandbox reset: HTTP ${response.status}`);
}

/** A call to the sandbox's API as the demo account (form-encoded POST, JSON answer). */
export async function api(
	sandbox: Sandbox,
	method: string,
	params: Record<string, string>,
): Promise<Record<string, unknown>> {
	const response = await fetch(`${sandbox.baseUrl}/${method}/`, {
		method: 'POST',
		body: new URLSearchParams({ login: DEMO_LOGIN, apiKey: DEMO_API_KEY, ...params }),
	});
	return (await response.json()) as Record<string, unknown>;
}

/** A call to the sandbox's control API (`/_sandbox/...`): what a phone, an operator or the AllMySMS manager would do. */
export async function control(
	sandbox: Sandbox,
	method: string,
	path: string,
	body?: unknown,
): Promise<unknown> {
	const response = await fetch(`${sandbox.url}/_sandbox${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${response.status} ${text}`);
	return text ? JSON.parse(text) : undefined;
}

/**
 * Waits until the workflow has `count` finished executions, and returns them with their run
 * data, oldest first.
 */
export async function executionsOf(
	rest: N8nRest,
	workflowId: string,
	count: number,
	timeoutMs = 30_000,
): Promise<Array<RunData & { status: string; mode: string }>> {
	const list = await waitFor(
		`${count} finished execution(s) of workflow ${workflowId}`,
		async () => {
			const executions = (await rest.executions(workflowId)).filter(
				(execution) => !['new', 'running', 'waiting'].includes(execution.status),
			);
			return executions.length >= count ? executions : undefined;
		},
		timeoutMs,
		300,
	);
	const oldestFirst = [...list].sort((a, b) => Number(a.id) - Number(b.id));
	return await Promise.all(oldestFirst.map((execution) => rest.execution(execution.id)));
}

export function sandboxCredentialFor(sandbox: Sandbox) {
	return sandboxCredential(sandbox.baseUrl);
}

export interface RunningMain {
	main: N8nProcess;
	rest: N8nRest;
	url: string;
}

/**
 * `n8n start` on free ports, listening on loopback only, its webhooks' public URL pointing at
 * itself; then the owner is set up and signed in.
 */
export async function startMain(
	instance: N8nInstance,
	env: Record<string, string> = {},
	/** A restart keeps its port: AllMySMS still has the trigger's URL. */
	port?: number,
): Promise<RunningMain> {
	port ??= await freePort();
	const url = `http://127.0.0.1:${port}`;
	const main = await instance.spawn('start', {
		port,
		env: { N8N_LISTEN_ADDRESS: '127.0.0.1', ...instance.webhookUrlEnv(`${url}/`), ...env },
	});
	const rest = new N8nRest(url, instance.major);
	await rest.signIn();
	return { main, rest, url };
}

/**
 * Expected-output templates of the workflow files: plain values must be equal, objects may have
 * more keys than the template, arrays must have the same length. Special strings:
 * "<number>", "<string>", "<boolean>", "<array>", "<object>", "<any>", and "/regex/".
 */
export function fromTemplate(template: unknown): unknown {
	if (typeof template === 'string') {
		const any: Record<string, unknown> = {
			'<number>': expect.any(Number),
			'<string>': expect.any(String),
			'<boolean>': expect.any(Boolean),
			'<array>': expect.any(Array),
			'<object>': expect.any(Object),
			'<any>': expect.anything(),
		};
		if (template in any) return any[template];
		const regex = /^\/(.+)\/$/.exec(template);
		return regex ? expect.stringMatching(new RegExp(regex[1])) : template;
	}
	if (Array.isArray(template)) return template.map(fromTemplate);
	if (typeof template === 'object' && template !== null) {
		return Object.fromEntries(
			Object.entries(template).map(([key, value]) => [key, fromTemplate(value)]),
		);
	}
	return template;
}

/**
 * Lines of an n8n log at warn or error level that mention this package or its nodes (the
 * cache folder, whose name contains the package's, is left out of the search).
 */
export function packageProblems(log: string): string[] {
	return log
		.split('\n')
		.filter(
			(line) =>
				/\b(warn|error)\b/i.test(line) && /allmysms/i.test(line.split(cacheDir()).join('<cache>')),
		);
}
