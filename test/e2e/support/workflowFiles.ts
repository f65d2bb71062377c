/**
 * The per-resource workflow files of test/e2e/workflows/ and how one is checked: its `e2e`
 * section says what the sandbox must have received and what nodes must have output.
 *
 *   "e2e": {
 *     "resource": "sms",
 *     "setup":    [{ "method": "POST", "path": "/_sandbox/...", "body": {…} }],  // optional, control API calls first
 *     "requests": ["sendSms", "getAcks"],      // API methods that reached the sandbox, in order
 *     "expect":   { "<node name>": [ {item template}, … ] }  // see fromTemplate() in e2e.ts
 *   }
 *
 * In the workflow, `__SANDBOX_URL__` is the sandbox's address (HTTP Request nodes use its control
 * API to play the phone or the operator: a delivery report, a reply, a voice recording) and
 * `__OK_URL__` a server that answers "OK" to anything (a webhook URL AllMySMS accepts).
 */
import { join } from 'node:path';

import { nodeOutput, type RunData, type WorkflowFile } from '../../../scripts/lib/n8n';
import { importable, readWorkflowFiles } from '../../../scripts/lib/workflows';
import type { Sandbox } from '../../../sandbox';
import { fromTemplate, resetSandbox } from './e2e';

export interface E2eWorkflow extends WorkflowFile {
	id: string;
	file: string;
	e2e: {
		resource: string;
		setup?: Array<{ method: string; path: string; body?: unknown }>;
		requests?: string[];
		expect: Record<string, unknown[]>;
	};
}

export const WORKFLOWS_DIR = join(__dirname, '..', 'workflows');

export function e2eWorkflows(): E2eWorkflow[] {
	return readWorkflowFiles<E2eWorkflow>(WORKFLOWS_DIR);
}

/** The workflow as n8n should import it, its placeholders filled in. */
export function placed(
	workflow: E2eWorkflow,
	addresses: { sandboxUrl: string; okUrl?: string },
): WorkflowFile {
	const text = JSON.stringify(importable(workflow))
		.split('__SANDBOX_URL__')
		.join(addresses.sandboxUrl)
		.split('__OK_URL__')
		.join(addresses.okUrl ?? 'http://127.0.0.1:9/no-ok-server');
	return JSON.parse(text) as WorkflowFile;
}

/** Resets the sandbox and runs the file's setup calls. */
export async function prepareSandbox(sandbox: Sandbox, workflow: E2eWorkflow): Promise<void> {
	await resetSandbox(sandbox);
	for (const step of workflow.e2e.setup ?? []) {
		const response = await fetch(`${sandbox.url}${step.path}`, {
			method: step.method,
			headers: { 'content-type': 'application/json' },
			body: step.body === undefined ? undefined : JSON.stringify(step.body),
		});
		if (!response.ok)
			throw new Error(
				`${workflow.file} setup ${step.method} ${step.path}: HTTP ${response.status} ${await response.text()}`,
			);
	}
}

/** Checks a finished run against the file's `e2e` section. */
export function checkRun(sandbox: Sandbox, workflow: E2eWorkflow, run: RunData): void {
	if (workflow.e2e.requests)
		expect(sandbox.requests.map((request) => request.apiMethod)).toEqual(workflow.e2e.requests);
	for (const [nodeName, template] of Object.entries(workflow.e2e.expect)) {
		expect({ node: nodeName, items: nodeOutput(run, nodeName) }).toMatchObject({
			node: nodeName,
			items: fromTemplate(template),
		});
	}
}
