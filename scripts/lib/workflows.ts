/** The sandbox credential and the workflow files (examples/, test/e2e/workflows/) shared by `npm run dev` and the e2e tests. */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { CredentialToImport, WorkflowFile } from './n8n';
import { PACKAGE_ROOT } from './package';

/** The credential every example and e2e workflow uses: the sandbox's demo account. */
export const SANDBOX_CREDENTIAL = {
	id: 'AllMySmsSandbox0',
	name: 'AllMySMS sandbox',
	type: 'allMySmsApi',
} as const;

/** The sandbox's demo account (sandbox/index.ts DEMO_ACCOUNT). */
export const DEMO_LOGIN = 'demo';
export const DEMO_API_KEY = 'demo-api-key';

export function sandboxCredential(baseUrl: string): CredentialToImport {
	return {
		...SANDBOX_CREDENTIAL,
		data: { login: DEMO_LOGIN, apiKey: DEMO_API_KEY, subAccount: '', baseUrl },
	};
}

/** A credential for the real AllMySMS, from ALLMYSMS_LOGIN / ALLMYSMS_API_KEY (optional ALLMYSMS_SUBACCOUNT). */
export function realCredentialFromEnv(
	env: NodeJS.ProcessEnv = process.env,
): CredentialToImport | undefined {
	if (!env.ALLMYSMS_LOGIN || !env.ALLMYSMS_API_KEY) return undefined;
	return {
		id: 'AllMySmsAccount0',
		name: 'AllMySMS',
		type: 'allMySmsApi',
		data: {
			login: env.ALLMYSMS_LOGIN,
			apiKey: env.ALLMYSMS_API_KEY,
			subAccount: env.ALLMYSMS_SUBACCOUNT ?? '',
			baseUrl: env.ALLMYSMS_BASE_URL ?? 'https://api.allmysms.com/http/9.0',
		},
	};
}

export const EXAMPLES_DIR = join(PACKAGE_ROOT, 'examples');

/** Every `*.json` workflow of a folder, in file-name order, with the file name kept. */
export function readWorkflowFiles<T extends WorkflowFile = WorkflowFile>(
	dir: string,
): Array<T & { file: string }> {
	return readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as T), file }));
}

/** What n8n should import: the workflow without the keys this project adds for itself. */
export function importable(
	workflow: WorkflowFile & { file?: string; e2e?: unknown },
): WorkflowFile {
	const { file, e2e, ...rest } = workflow;
	void file;
	void e2e;
	return rest;
}

export const TRIGGER_NODE = 'AllMySMS Trigger';

/**
 * "AllMySMS Trigger → No Operation": the smallest workflow a trigger can be activated in (the e2e
 * tests, the benchmark). Version 1 by default: what saved workflows hold. `id`: 16 characters at
 * most, like n8n's own ids; n8n 2.x silently keeps no static data (the trigger's secret) for a
 * longer one.
 */
export function triggerWorkflow(
	id: string,
	events: Array<'dlr' | 'mo'>,
	options: Record<string, unknown> = {},
	node: { credential?: { id: string; name: string }; typeVersion?: number; name?: string } = {},
): WorkflowFile & { id: string } {
	const credential = node.credential ?? SANDBOX_CREDENTIAL;
	return {
		id,
		name: node.name ?? `E2E · trigger ${events.join(' + ')}`,
		nodes: [
			{
				id: randomUUID(),
				name: TRIGGER_NODE,
				type: 'n8n-nodes-allmysms.allMySmsTrigger',
				typeVersion: node.typeVersion ?? 1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { events, options },
				credentials: { allMySmsApi: { id: credential.id, name: credential.name } },
			},
			noOpNode('Received', [220, 0]),
		],
		connections: { [TRIGGER_NODE]: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** n8n's No Operation node: where a test workflow ends, to read what reached it. */
export function noOpNode(name: string, position: [number, number]): WorkflowFile['nodes'][number] {
	return {
		id: randomUUID(),
		name,
		type: 'n8n-nodes-base.noOp',
		typeVersion: 1,
		position,
		parameters: {},
	};
}

/** n8n's Webhook node (version 2) named "Webhook", at the start of a workflow. */
export function webhookNode(
	path: string,
	parameters: Record<string, unknown> = {},
	webhookId: string = randomUUID(),
): WorkflowFile['nodes'][number] {
	return {
		id: randomUUID(),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId,
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'onReceived',
			options: {},
			...parameters,
		},
	};
}

export const ASK_NODE = 'Ask';

/**
 * "Webhook → AllMySMS Send and Wait for a Reply → No Operation": POST `{ phone, message,
 * limitSeconds? }` to `/webhook/<path>` asks the question; the execution then waits for the
 * reply (the e2e phase "conversation", the benchmark). The Webhook answers at once.
 */
export function askWorkflow(
	id: string,
	path: string,
	parameters: Record<string, unknown> = {},
): WorkflowFile & { id: string } {
	return {
		id,
		name: `E2E · ask ${path}`,
		nodes: [
			webhookNode(path),
			{
				id: randomUUID(),
				name: ASK_NODE,
				type: 'n8n-nodes-allmysms.allMySms',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'sms',
					operation: 'sendAndWait',
					phoneNumbers: '={{ $json.body.phone }}',
					message: '={{ $json.body.message }}',
					limitWaitTime: '={{ !!$json.body.limitSeconds }}',
					resumeAmount: '={{ ($json.body.limitSeconds ?? 60) / 60 }}',
					resumeUnit: 'minutes',
					options: {},
					...parameters,
				},
				credentials: {
					allMySmsApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name },
				},
			},
			noOpNode('Answered', [440, 0]),
		],
		connections: {
			Webhook: { main: [[{ node: ASK_NODE, type: 'main', index: 0 }]] },
			[ASK_NODE]: { main: [[{ node: 'Answered', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}
