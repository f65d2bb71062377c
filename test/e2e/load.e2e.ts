/**
 * Phase "load": the packed package, installed into n8n 2.x's `nodes/` folder as the Community
 * Nodes panel installs it, loads without an error or warning, and n8n lists both nodes and the
 * credential.
 */
import type { N8nInstance } from '../../scripts/lib/n8n';
import { packageJson } from '../../scripts/lib/package';
import { N8N_LATEST } from '../../scripts/lib/versions';
import { newInstance, packageProblems, startMain, timed, type RunningMain } from './support/e2e';

let instance: N8nInstance;
let running: RunningMain;

beforeAll(async () => {
	instance = await newInstance(N8N_LATEST, 'load');
	running = await timed('n8n start → ready, owner signed in', () =>
		startMain(instance, { N8N_LOG_LEVEL: 'debug' }),
	);
});

afterAll(async () => {
	await instance?.stopAll();
});

test(`n8n ${N8N_LATEST.n8n} loads the package from nodes/ with no error or warning about it`, () => {
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
});

test('n8n lists the AllMySMS node, its approval tool, the AllMySMS Trigger and the AllMySMS API credential', async () => {
	const types = await running.rest.types();
	const nodes = types.nodes.filter((node) => node.name.startsWith('n8n-nodes-allmysms.'));
	expect(nodes.map((node) => [node.name, node.displayName])).toEqual(
		expect.arrayContaining([
			['n8n-nodes-allmysms.allMySms', 'AllMySMS'],
			['n8n-nodes-allmysms.allMySmsTrigger', 'AllMySMS Trigger'],
			// n8n's approval tool for AI agents, made of the node's Send and Wait for a Reply.
			['n8n-nodes-allmysms.allMySmsHitlTool', 'AllMySMS'],
		]),
	);
	expect(
		types.credentials
			.filter((credential) => credential.name === 'allMySmsApi')
			.map((credential) => credential.displayName),
	).toEqual(['AllMySMS API']);
});
