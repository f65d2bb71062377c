/**
 * Phase "resources": one workflow per resource (test/e2e/workflows/<resource>.json), executed
 * by n8n's CLI (`n8n execute --id`) against the sandbox; its output and the requests that
 * reached the sandbox are checked against the file's `e2e` section (support/workflowFiles.ts).
 *
 * Adding a resource is adding its file. Every resource the node offers operations for must
 * have one.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import type { INodeProperties, INodeType } from 'n8n-workflow';

import type { N8nInstance } from '../../scripts/lib/n8n';
import { PACKAGE_ROOT } from '../../scripts/lib/package';
import { N8N_LATEST } from '../../scripts/lib/versions';
import type { Sandbox } from '../../sandbox';
import { demoSandbox, newInstance, sandboxCredentialFor, timed } from './support/e2e';
import { checkRun, e2eWorkflows, placed, prepareSandbox } from './support/workflowFiles';

const workflows = e2eWorkflows();

let sandbox: Sandbox;
let okServer: Server;
let instance: N8nInstance;

beforeAll(async () => {
	sandbox = await demoSandbox();
	okServer = createServer((_request, response) => response.end('OK'));
	await new Promise<void>((resolve) => okServer.listen(0, '127.0.0.1', resolve));
	const okUrl = `http://127.0.0.1:${(okServer.address() as AddressInfo).port}`;
	instance = await newInstance(N8N_LATEST, 'resources');
	await timed('n8n import:credentials + import:workflow (one CLI run each)', async () => {
		await instance.importCredentials([sandboxCredentialFor(sandbox)]);
		await instance.importWorkflows(
			workflows.map((workflow) => placed(workflow, { sandboxUrl: sandbox.url, okUrl })),
		);
	});
});

afterAll(async () => {
	await sandbox?.close();
	await new Promise((resolve) => okServer?.close(resolve));
});

test.each(workflows.map((workflow) => [workflow.e2e.resource, workflow.file, workflow] as const))(
	'%s: %s runs through `n8n execute` against the sandbox',
	async (resource, file, workflow) => {
		await prepareSandbox(sandbox, workflow);
		const result = await timed(`n8n execute ${resource} (${file})`, () =>
			instance.execute(workflow.id),
		);
		if (!result.ok || !result.run)
			throw new Error(`n8n execute ${workflow.id} failed:\n${result.output.slice(-4000)}`);
		checkRun(sandbox, workflow, result.run);
	},
);

test('every resource that has operations has its e2e workflow', () => {
	// The built node, as n8n loads it.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { AllMySms } = require(join(PACKAGE_ROOT, 'dist/nodes/AllMySms/AllMySms.node.js')) as {
		AllMySms: new () => INodeType;
	};
	const properties = new AllMySms().description.properties as INodeProperties[];
	const withOperations = properties
		.filter((property) => property.name === 'operation' && (property.options ?? []).length > 0)
		.flatMap((property) => (property.displayOptions?.show?.resource ?? []) as string[]);
	const covered = workflows.map((workflow) => workflow.e2e.resource);
	expect(withOperations.filter((resource) => !covered.includes(resource))).toEqual([]);
});
