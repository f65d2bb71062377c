/**
 * Phase "compat": the n8n 1.x line on Node 20 (the oldest pair the README supports) loads the
 * same packed package and runs a send workflow through its CLI.
 */
import type { N8nInstance } from '../../scripts/lib/n8n';
import { packageJson } from '../../scripts/lib/package';
import { N8N_COMPAT } from '../../scripts/lib/versions';
import type { Sandbox } from '../../sandbox';
import {
	demoSandbox,
	newInstance,
	packageProblems,
	sandboxCredentialFor,
	startMain,
	timed,
} from './support/e2e';
import { checkRun, e2eWorkflows, placed, prepareSandbox } from './support/workflowFiles';

const send = e2eWorkflows().find((workflow) => workflow.file === 'sms.json');

let sandbox: Sandbox;
let instance: N8nInstance;

beforeAll(async () => {
	sandbox = await demoSandbox();
	instance = await newInstance(N8N_COMPAT, 'compat');
	if (!send) throw new Error('test/e2e/workflows/sms.json is missing');
	await timed('n8n import:credentials + import:workflow', async () => {
		await instance.importCredentials([sandboxCredentialFor(sandbox)]);
		await instance.importWorkflows([placed(send, { sandboxUrl: sandbox.url })]);
	});
}, 900_000);

afterAll(async () => {
	await instance?.stopAll();
	await sandbox?.close();
});

test(`${N8N_COMPAT.label}: the SMS workflow runs through \`n8n execute\` against the sandbox`, async () => {
	if (!send) return;
	await prepareSandbox(sandbox, send);
	const result = await timed('n8n execute sms.json', () => instance.execute(send.id));
	if (!result.ok || !result.run)
		throw new Error(`n8n execute failed:\n${result.output.slice(-4000)}`);
	checkRun(sandbox, send, result.run);
});

test(`${N8N_COMPAT.label}: n8n loads the package with no error or warning about it, and lists both nodes and the credential`, async () => {
	const running = await timed('n8n start → ready, owner signed in', () =>
		startMain(instance, { N8N_LOG_LEVEL: 'debug' }),
	);
	const log = running.main.log();
	const { name, n8n } = packageJson() as unknown as {
		name: string;
		n8n: { nodes: string[]; credentials: string[] };
	};
	expect(log).toMatch(
		new RegExp(
			`Loaded all credentials and nodes from ${name}.*"credentials": ?${n8n.credentials.length}, "nodes": ?${n8n.nodes.length}`,
		),
	);
	expect(packageProblems(log)).toEqual([]);
	const types = await running.rest.types();
	expect(types.nodes.map((node) => node.name)).toEqual(
		expect.arrayContaining(['n8n-nodes-allmysms.allMySms', 'n8n-nodes-allmysms.allMySmsTrigger']),
	);
	expect(types.credentials.map((credential) => credential.name)).toContain('allMySmsApi');
});
