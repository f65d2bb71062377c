/**
 * `npm run dev`: a real n8n on http://localhost:5678 with this package, the sandbox, a ready
 * "AllMySMS sandbox" credential and the example workflows.
 *
 *   1. the sandbox on 127.0.0.1:$ALLMYSMS_SANDBOX_PORT (default 8787), demo account seeded;
 *   2. n8n (pinned, with its Node 24) from the cache, installed on first use;
 *   3. the package packed and installed into the user folder's nodes/ as n8n's Community
 *      Nodes panel does (the user folder is .n8n-dev/ in the repository, kept between runs);
 *   4. the credentials and examples imported with n8n's CLI, then `n8n start`;
 *   5. the owner account set up, and what to open printed. Ctrl-C stops everything.
 *
 * Environment: N8N_PORT (5678), ALLMYSMS_SANDBOX_PORT (8787), ALLMYSMS_DEV_FOLDER (.n8n-dev),
 * ALLMYSMS_LOGIN + ALLMYSMS_API_KEY (+ ALLMYSMS_SUBACCOUNT): also an "AllMySMS" credential
 * for the real API; N8N_WEBHOOK_URL: the public URL AllMySMS can reach (for the trigger with
 * the real API). Other N8N_* variables are passed on to n8n.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { DEMO_ACCOUNT, startSandbox } from '../sandbox';
import { cacheDir, ensureN8n, setLogPrefix } from './lib/install';
import { DEV_OWNER, N8nInstance, N8nRest } from './lib/n8n';
import { PACKAGE_ROOT, prepareNodesFolder } from './lib/package';
import { freePort, portInUse } from './lib/processes';
import { N8N_LATEST } from './lib/versions';
import {
	EXAMPLES_DIR,
	importable,
	readWorkflowFiles,
	realCredentialFromEnv,
	sandboxCredential,
} from './lib/workflows';

const say = (text: string): void => {
	process.stdout.write(`${text}\n`);
};

async function main(): Promise<void> {
	setLogPrefix('');
	const started = Date.now();
	const elapsed = (): string => `${((Date.now() - started) / 1000).toFixed(1)}s`;
	const n8nPort = Number.parseInt(process.env.N8N_PORT ?? '5678', 10);
	const sandboxPort = Number.parseInt(process.env.ALLMYSMS_SANDBOX_PORT ?? '8787', 10);
	const folder = process.env.ALLMYSMS_DEV_FOLDER ?? join(PACKAGE_ROOT, '.n8n-dev');
	for (const [what, port] of [
		['n8n (N8N_PORT)', n8nPort],
		['the sandbox (ALLMYSMS_SANDBOX_PORT)', sandboxPort],
	] as const) {
		if (await portInUse(port))
			throw new Error(
				`port ${port} for ${what} is already in use: is another "npm run dev" running? Set ${what.replace(/.*\((.*)\)/, '$1')} to use another port.`,
			);
	}

	const sandbox = await startSandbox({ port: sandboxPort, host: '127.0.0.1', seedDemo: true });
	let instance: N8nInstance | undefined;
	let stopping = false;
	const stop = async (code: number): Promise<never> => {
		if (!stopping) {
			stopping = true;
			say('\nstopping n8n and the sandbox…');
			await instance?.stopAll();
			await sandbox.close();
		}
		process.exit(code);
	};
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
		process.on(signal, () => void stop(0));

	try {
		say(
			`AllMySMS sandbox on ${sandbox.baseUrl} (login ${DEMO_ACCOUNT.login}, API key ${DEMO_ACCOUNT.apiKey})`,
		);
		const install = await ensureN8n(N8N_LATEST);
		say(`n8n ${N8N_LATEST.n8n} on Node ${N8N_LATEST.node} from ${cacheDir()} (${elapsed()})`);

		const nodesFolder = await prepareNodesFolder(join(folder, 'package'));
		instance = new N8nInstance({
			install,
			folder,
			nodesFolder,
			// Webhooks (the trigger's, the form's) at http://localhost:<port>/, unless N8N_WEBHOOK_URL
			// (or the older WEBHOOK_URL) says where AllMySMS can reach this n8n.
			env: {
				N8N_HOST: 'localhost',
				N8N_WEBHOOK_URL: process.env.WEBHOOK_URL ?? `http://localhost:${n8nPort}/`,
			},
			keepCallerN8nEnv: true,
		});
		say(`package packed and installed into ${join(folder, '.n8n', 'nodes')} (${elapsed()})`);

		const credentials = [sandboxCredential(sandbox.baseUrl)];
		const real = realCredentialFromEnv();
		if (real) credentials.push(real);
		await instance.importCredentials(credentials);
		const examples = existsSync(EXAMPLES_DIR) ? readWorkflowFiles(EXAMPLES_DIR) : [];
		if (examples.length > 0) await instance.importWorkflows(examples.map(importable));
		say(`credentials and ${examples.length} example workflows imported (${elapsed()})`);

		const main = await instance.spawn('start', {
			port: n8nPort,
			// The default runner broker port is 5679; move it when that one is taken.
			env: { N8N_RUNNERS_BROKER_PORT: String((await portInUse(5679)) ? await freePort() : 5679) },
			readyTimeoutMs: 180_000,
		});
		const rest = new N8nRest(`http://127.0.0.1:${n8nPort}`, instance.major);
		await rest.signIn(DEV_OWNER);

		const url = `http://localhost:${n8nPort}`;
		say(
			[
				'',
				`n8n is ready on ${url} (${elapsed()} after npm run dev's build)`,
				'',
				`  Open        ${url}`,
				`  Sign in     ${DEV_OWNER.email} / ${DEV_OWNER.password}`,
				`  Credential  "AllMySMS sandbox" → ${sandbox.baseUrl}${real ? '\n              "AllMySMS" → the real API (ALLMYSMS_LOGIN)' : ''}`,
				`  Workflows   ${examples.map((workflow) => workflow.name).join('\n              ') || '(none)'}`,
				`  Sandbox     ${sandbox.url}/_sandbox/requests  (what reached it)   ${sandbox.url}/_sandbox/accounts/${DEMO_ACCOUNT.login}  (its state)`,
				`  A reply     curl -X POST ${sandbox.url}/_sandbox/sms/<smsId>/replies -H 'content-type: application/json' -d '{"message":"oui"}'`,
				`              (the smsId is on the account page above; publish a workflow with an AllMySMS Trigger on replies first,`,
				`              such as "Appointment confirmation", whose waiting executions the reply resumes)`,
				`  n8n log     ${main.process.logFile}`,
				`  User folder ${folder} (kept between runs; delete it to start afresh)`,
				'',
				'Ctrl-C stops n8n and the sandbox.',
			].join('\n'),
		);
		const code = await main.process.exited;
		if (!stopping) {
			say(`n8n exited (${code}); end of its log:\n${main.process.tail(30)}`);
			await stop(1);
		}
	} catch (error) {
		process.stderr.write(
			`\nnpm run dev failed: ${error instanceof Error ? error.message : String(error)}\n`,
		);
		await stop(1);
	}
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
