/**
 * The trigger's half of `npm run bench`: in one running n8n 2.x, delivery reports pushed one
 * after the other (each waiting for its "OK") to the AllMySMS Trigger and to n8n's own Webhook
 * node (GET, "Respond: Immediately" with "OK"), in both orders to cancel drift. Prints the answer
 * time per event and how long the executions took to be all done.
 */

import type { Sandbox } from '../../sandbox';
import { type CredentialToImport, type N8nInstance, type WorkflowFile } from './n8n';
import { triggerWorkflow, noOpNode, webhookNode } from './workflows';
import { waitFor } from './processes';
import { startBenchN8n } from './benchN8n';

interface Round {
	node: 'allMySmsTrigger' | 'webhook';
	perEventMs: number;
	allDoneMs: number;
}

function webhookWorkflow(id: string, path: string): WorkflowFile & { id: string } {
	return {
		id,
		name: 'bench · Webhook node',
		nodes: [
			webhookNode(path, { httpMethod: 'GET', options: { responseData: 'OK' } }, path),
			noOpNode('Received', [220, 0]),
		],
		connections: { Webhook: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** A delivery report as AllMySMS pushes it (7.5), appended to a webhook URL. */
function withEvent(url: string, index: number): string {
	const query = new URLSearchParams({
		smsId: `bench${String(index).padStart(8, '0')}`,
		status: '1',
		statusText: 'Délivré',
		receptionDate: '2026-12-01 10:00:00',
		phoneNumber: '33612345678',
		campaignId: 'benchcampaign',
	});
	return `${url}${url.includes('?') ? '&' : '?'}${query.toString()}`;
}

async function push(url: string, count: number, offset: number): Promise<number> {
	const started = process.hrtime.bigint();
	for (let index = 0; index < count; index++) {
		const response = await fetch(withEvent(url, offset + index));
		const text = await response.text();
		if (response.status !== 200 || text.trim() !== 'OK')
			throw new Error(`${url.split('?')[0]} answered ${response.status} "${text.slice(0, 100)}"`);
	}
	return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * `engine`: n8n's expression engine for this run (N8N_EXPRESSION_ENGINE), or n8n's default. The
 * default (an isolated VM) costs every webhook call an isolate, which n8n skips for its own
 * Webhook node only (live-webhooks.js, webhookPhaseNeedsIsolate): both are shown.
 */
export async function benchTrigger(
	instance: N8nInstance,
	sandbox: Sandbox,
	credential: CredentialToImport,
	options: { engine?: 'legacy'; events?: number } = {},
): Promise<string> {
	const events = options.events ?? 200;
	const suffix = options.engine ?? 'default';
	const trigger = triggerWorkflow(
		`benchTrg${suffix}`.padEnd(16, '0').slice(0, 16),
		['dlr'],
		{},
		{ credential, typeVersion: 1.1, name: 'bench · AllMySMS Trigger' },
	);
	const path = `bench-webhook-${suffix}`;
	const webhook = webhookWorkflow(`benchWhk${suffix}`.padEnd(16, '0').slice(0, 16), path);
	await instance.importWorkflows([trigger, webhook]);
	const { base, main, rest } = await startBenchN8n(
		instance,
		options.engine ? { N8N_EXPRESSION_ENGINE: options.engine } : {},
	);
	try {
		await rest.activate(trigger.id);
		await rest.activate(webhook.id);
		const account = (await (
			await fetch(`${sandbox.url}/_sandbox/accounts/${String(credential.data.login)}`)
		).json()) as { webhooks: { dlr: string } };
		const urls = { allMySmsTrigger: account.webhooks.dlr, webhook: `${base}/webhook/${path}` };
		const ids = { allMySmsTrigger: trigger.id, webhook: webhook.id };
		if (!urls.allMySmsTrigger.startsWith(base))
			throw new Error(`the trigger registered ${urls.allMySmsTrigger}`);

		// Warm both paths up, then measure in both orders.
		await push(urls.allMySmsTrigger, 5, 0);
		await push(urls.webhook, 5, 0);
		const done = { allMySmsTrigger: 5, webhook: 5 };
		const rounds: Round[] = [];
		for (const order of [
			['allMySmsTrigger', 'webhook'],
			['webhook', 'allMySmsTrigger'],
		] as const) {
			for (const node of order) {
				const started = Date.now();
				const pushMs = await push(urls[node], events, done[node]);
				done[node] += events;
				await waitFor(
					`${done[node]} executions of ${node}`,
					async () =>
						(await rest.successfulExecutions(ids[node])) >= done[node] ? true : undefined,
					120_000,
					50,
				);
				rounds.push({ node, perEventMs: pushMs / events, allDoneMs: Date.now() - started });
			}
		}
		const mean = (node: Round['node'], field: 'perEventMs' | 'allDoneMs') => {
			const values = rounds.filter((round) => round.node === node).map((round) => round[field]);
			return values.reduce((total, value) => total + value, 0) / values.length;
		};
		const ours = mean('allMySmsTrigger', 'perEventMs');
		const theirs = mean('webhook', 'perEventMs');
		await rest.deactivate(trigger.id);
		await rest.deactivate(webhook.id);
		return [
			`| ${events} delivery reports, one after the other (mean of both orders), expression engine: ${options.engine ?? "n8n's default"} | answer time per event | all executions done |`,
			'| --- | --- | --- |',
			`| AllMySMS Trigger | ${ours.toFixed(1)} ms | ${(mean('allMySmsTrigger', 'allDoneMs') / 1000).toFixed(1)} s |`,
			`| n8n Webhook node (GET, respond immediately "OK") | ${theirs.toFixed(1)} ms | ${(mean('webhook', 'allDoneMs') / 1000).toFixed(1)} s |`,
			`| ratio | ${(ours / theirs).toFixed(2)}× | ${(mean('allMySmsTrigger', 'allDoneMs') / mean('webhook', 'allDoneMs')).toFixed(2)}× |`,
		].join('\n');
	} finally {
		await main.stop();
	}
}
