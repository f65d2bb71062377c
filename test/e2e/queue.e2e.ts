/**
 * Phase "queue": n8n in queue mode, the way it runs on more than one machine: Redis (Debian's
 * redis-server, started here), one main, one worker and one webhook process sharing a database.
 * A send workflow called through the webhook process runs on the worker; the AllMySMS Trigger,
 * activated by the main process, is registered with the webhook process's URL, and a delivery
 * report pushed by the sandbox reaches it there and runs on the worker.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

import {
	nodeOutput,
	type N8nInstance,
	type N8nProcess,
	type WorkflowFile,
} from '../../scripts/lib/n8n';
import { freePort, LoggedProcess, waitFor } from '../../scripts/lib/processes';
import { N8N_LATEST } from '../../scripts/lib/versions';
import { askWorkflow, SANDBOX_CREDENTIAL, webhookNode } from '../../scripts/lib/workflows';
import type { Sandbox } from '../../sandbox';
import {
	api,
	control,
	demoSandbox,
	executionsOf,
	newInstance,
	packageProblems,
	runDir,
	sandboxCredentialFor,
	startMain,
	timed,
	type RunningMain,
} from './support/e2e';
import { triggerWorkflow, TRIGGER_NODE } from './support/triggerWorkflow';
import { answer, answered, ask, executionIs } from './support/conversation';

const REDIS = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** Webhook → AllMySMS Send (to the number posted) → the answer as the webhook's response. */
const sendWorkflow: WorkflowFile & { id: string } = {
	id: 'e2eQueueSend',
	name: 'E2E · queue send',
	nodes: [
		webhookNode('e2e-queue-send', { responseMode: 'lastNode' }),
		{
			id: randomUUID(),
			name: 'Send',
			type: 'n8n-nodes-allmysms.allMySms',
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				messageCategory: 'transactional',
				phoneNumbers: '={{ $json.body.phone }}',
				message: '={{ $json.body.message }}',
				options: {},
			},
			credentials: { allMySmsApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
		},
	],
	connections: { Webhook: { main: [[{ node: 'Send', type: 'main', index: 0 }]] } },
};
const dlrWorkflow = triggerWorkflow('e2eQueueDlr', ['dlr']);
const repliesWorkflow = triggerWorkflow('e2eQueueMo', ['mo']);
const askingWorkflow = askWorkflow('e2eQueueAsk', 'e2e-queue-ask');

let sandbox: Sandbox;
let redis: LoggedProcess;
let instance: N8nInstance;
let running: RunningMain;
let worker: N8nProcess;
let webhook: N8nProcess;

beforeAll(async () => {
	if (!existsSync(REDIS)) {
		throw new Error(
			`${REDIS} not found: queue mode needs Debian's redis-server (apt-get install redis-server; .ci/run installs it)`,
		);
	}
	sandbox = await demoSandbox();
	const redisPort = await freePort();
	await timed('redis-server start', async () => {
		redis = new LoggedProcess(
			'redis-server',
			REDIS,
			['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{
				env: process.env,
				logFile: join(runDir(), 'redis-server.log'),
			},
		);
		await redis.waitForLog(/Ready to accept connections/, 20_000);
	});

	const webhookPort = await freePort();
	const webhookUrl = `http://127.0.0.1:${webhookPort}`;
	instance = await newInstance(N8N_LATEST, 'queue', {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_WEBHOOK_URL: `${webhookUrl}/`,
	});
	await instance.importCredentials([sandboxCredentialFor(sandbox)]);
	await instance.importWorkflows([sendWorkflow, dlrWorkflow, repliesWorkflow, askingWorkflow]);

	running = await timed('main process → ready, owner signed in', () =>
		startMain(instance, { N8N_WEBHOOK_URL: `${webhookUrl}/` }),
	);
	worker = await timed('worker process → ready', async () =>
		instance.spawn('worker', { port: await freePort() }),
	);
	webhook = await timed('webhook process → ready', () =>
		instance.spawn('webhook', { port: webhookPort }),
	);
}, 300_000);

afterAll(async () => {
	await instance?.stopAll();
	await redis?.stop();
	await sandbox?.close();
});

test('a send workflow called through the webhook process runs on the worker', async () => {
	await timed('activate the send workflow', () => running.rest.activate(sendWorkflow.id));
	const response = await timed('POST webhook → SMS sent by the worker', () =>
		fetch(`${webhook.url}/webhook/e2e-queue-send`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ phone: '0639980010', message: 'Envoyé par un worker n8n.' }),
		}),
	);
	expect(response.status).toBe(200);
	expect(await response.json()).toMatchObject({
		status: 100,
		nbContacts: 1,
		smsIds: [{ phoneNumber: '33639980010' }],
	});

	const [execution] = await executionsOf(running.rest, sendWorkflow.id, 1);
	expect(execution).toMatchObject({ status: 'success', mode: 'webhook' });
	const executionId = (await running.rest.executions(sendWorkflow.id))[0].id;
	expect(worker.log()).toMatch(new RegExp(`Worker started execution ${executionId} `));
	expect(webhook.log()).not.toMatch(new RegExp(`started execution ${executionId} `));
});

test('the trigger is registered with the webhook process’s URL, and a delivery report reaches it there and runs on the worker', async () => {
	sandbox.webhooks.calls.length = 0;
	await timed('activate the AllMySMS Trigger (main)', () => running.rest.activate(dlrWorkflow.id));
	const { webhooks } = (await control(sandbox, 'GET', '/accounts/demo')) as {
		webhooks: { dlr: string };
	};
	expect(webhooks.dlr.startsWith(`${webhook.url}/webhook/`)).toBe(true);
	expect(
		sandbox.webhooks.calls
			.filter((call) => call.kind === 'verification')
			.map((call) => [call.url, call.body.trim(), call.ok]),
	).toEqual([[webhooks.dlr, 'OK', true]]);

	const sent = (await api(sandbox, 'sendSms', {
		smsData: JSON.stringify({
			DATA: { MESSAGE: 'Test file', SMS: [{ MOBILEPHONE: '0639980011' }] },
		}),
	})) as {
		smsIds: Array<{ smsId: string }>;
	};
	const { smsId } = sent.smsIds[0];
	await timed('DLR pushed → webhook process → worker', async () => {
		await control(sandbox, 'POST', `/sms/${smsId}/ack`, { status: 1 });
		const [execution] = await executionsOf(running.rest, dlrWorkflow.id, 1);
		expect(nodeOutput(execution, TRIGGER_NODE)).toEqual([
			expect.objectContaining({ event: 'dlr', smsId, status: 1, phoneNumber: '33639980011' }),
		]);
	});
	const executionId = (await running.rest.executions(dlrWorkflow.id))[0].id;
	await waitFor(
		'the worker to log the execution',
		() => new RegExp(`Worker finished execution ${executionId} `).test(worker.log()),
		10_000,
	);
	await sandbox.webhooks.settled();
	expect(
		sandbox.webhooks.calls
			.filter((call) => call.kind === 'dlr')
			.map((call) => [call.url.split('?')[0], call.httpStatus, call.body.trim()]),
	).toEqual([[webhooks.dlr.split('?')[0], 200, 'OK']]);
});

test('Send and Wait for a Reply: asked through the webhook process, the reply reaching the webhook process resumes the execution on the worker', async () => {
	await timed('publish the replies trigger and the ask workflow (main)', async () => {
		await running.rest.activate(repliesWorkflow.id);
		await running.rest.activate(askingWorkflow.id);
	});
	const askUrl = `${webhook.url}/webhook/e2e-queue-ask`;
	const yes = await ask(sandbox, askUrl, { phone: '0639980171', message: 'File ? OUI/NON' });
	const no = await ask(sandbox, askUrl, { phone: '0639980171', message: 'File B ? OUI/NON' });
	await executionIs(running.rest, yes.executionId, 'waiting');
	await executionIs(running.rest, no.executionId, 'waiting');
	await timed('replies → webhook process → resumed on the worker', async () => {
		await answer(sandbox, no.smsId, 'non');
		await answer(sandbox, yes.smsId, 'oui');
		expect((await answered(running.rest, yes.executionId)).output[0]).toMatchObject({
			approved: true,
			smsId: yes.smsId,
		});
		expect((await answered(running.rest, no.executionId)).output[0]).toMatchObject({
			approved: false,
			smsId: no.smsId,
		});
	});
	// A second reply resumes nothing.
	await answer(sandbox, yes.smsId, 'non');
	await executionsOf(running.rest, repliesWorkflow.id, 1);
	expect(
		(await running.rest.execution(yes.executionId)).data.resultData.runData['Answered'],
	).toHaveLength(1);
	await waitFor(
		'the worker to log the resumed executions',
		() =>
			[yes, no].every((question) =>
				new RegExp(`Worker finished execution ${question.executionId} `).test(worker.log()),
			),
		10_000,
	);
});

test('no process logged an error or warning about the package', () => {
	for (const process of [running.main, worker, webhook])
		expect(packageProblems(process.log())).toEqual([]);
});
