/**
 * `npm run screenshot [workflowId] [output.png]`: a picture of a workflow in n8n's editor, for
 * the README, taken with Debian's headless Chromium (apt-get install chromium) from the n8n
 * that `npm run dev` runs (N8N_URL, default http://localhost:5678). It signs in as the dev
 * owner, opens the workflow, waits for its nodes to be drawn, clicks "Execute workflow" (unless
 * SCREENSHOT_EXECUTE=0) and saves a PNG (default examples/images/<workflowId>.png).
 *
 * Chromium is driven through the DevTools protocol over a WebSocket, which Node has built in
 * from version 22: under an older Node the script runs itself again with the cached Node 24.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

import { ensureNode } from './lib/install';
import { DEV_OWNER, N8nRest } from './lib/n8n';
import { PACKAGE_ROOT } from './lib/package';
import { LoggedProcess, sleep, waitFor } from './lib/processes';
import { N8N_LATEST } from './lib/versions';

interface CdpSocket {
	send(data: string): void;
	close(): void;
	addEventListener(
		type: 'open' | 'message' | 'error' | 'close',
		listener: (event: { data?: unknown }) => void,
	): void;
}
type WebSocketClass = new (url: string) => CdpSocket;

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const N8N_URL = (process.env.N8N_URL ?? 'http://localhost:5678').replace(/\/+$/, '');

async function main(): Promise<void> {
	const WebSocketImpl = (globalThis as { WebSocket?: WebSocketClass }).WebSocket;
	if (!WebSocketImpl) {
		const node = await ensureNode(N8N_LATEST.node);
		const child = spawn(node.bin, process.argv.slice(1), { stdio: 'inherit' });
		child.on('exit', (code) => process.exit(code ?? 1));
		return;
	}
	const workflowId = process.argv[2] ?? 'AllMySmsExCampaign';
	const output = resolve(
		process.argv[3] ?? join(PACKAGE_ROOT, 'examples', 'images', `${workflowId}.png`),
	);

	const rest = new N8nRest(N8N_URL, 2);
	await rest.signIn(DEV_OWNER).catch((error: unknown) => {
		throw new Error(
			`cannot sign in to ${N8N_URL} (is npm run dev running?): ${error instanceof Error ? error.message : String(error)}`,
		);
	});
	const workflow = await rest.workflow(workflowId);
	const nodeCount = (workflow.nodes as unknown[]).length;

	const profile = mkdtempSync(join(tmpdir(), 'allmysms-chromium-'));
	const chromium = new LoggedProcess(
		'chromium',
		CHROMIUM,
		[
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--hide-scrollbars',
			`--user-data-dir=${profile}`,
			'--remote-debugging-port=0',
			'--window-size=1440,900',
			'about:blank',
		],
		{ env: process.env, logFile: join(profile, 'chromium.log') },
	);
	try {
		const port = await waitFor(
			'Chromium to open its DevTools port',
			() => readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0],
			20_000,
		);
		const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
			type: string;
			webSocketDebuggerUrl: string;
		}>;
		const page = targets.find((target) => target.type === 'page');
		if (!page) throw new Error('Chromium has no page');
		const cdp = await connect(WebSocketImpl, page.webSocketDebuggerUrl);

		await cdp('Network.enable');
		await cdp('Network.setCookie', {
			name: 'n8n-auth',
			value: rest.authCookie.replace(/^n8n-auth=/, ''),
			url: N8N_URL,
		});
		await cdp('Emulation.setDeviceMetricsOverride', {
			width: 1440,
			height: 820,
			deviceScaleFactor: 1,
			mobile: false,
		});
		await cdp('Page.enable');
		// n8n binds its session to the browser id the editor keeps in localStorage: give the editor
		// the one the REST sign-in used.
		await cdp('Page.navigate', { url: `${N8N_URL}/signin` });
		await sleep(1_000);
		await cdp('Runtime.evaluate', {
			expression: `localStorage.setItem('n8n-browserId', ${JSON.stringify(N8nRest.BROWSER_ID)})`,
		});
		await cdp('Page.navigate', { url: `${N8N_URL}/workflow/${workflowId}` });
		const save = async (file: string): Promise<void> => {
			const { data } = (await cdp('Page.captureScreenshot', { format: 'png' })) as { data: string };
			mkdirSync(dirname(file), { recursive: true });
			writeFileSync(file, Buffer.from(data, 'base64'));
		};
		const drawn = `document.querySelectorAll('[data-test-id="canvas-node"], .vue-flow__node').length`;
		await waitFor(
			`the ${nodeCount} nodes of ${workflowId} to be drawn`,
			async () => {
				const { result } = (await cdp('Runtime.evaluate', {
					expression: drawn,
					returnByValue: true,
				})) as { result: { value: number } };
				return result.value >= nodeCount;
			},
			30_000,
			300,
		).catch(async (error: unknown) => {
			const failed = output.replace(/\.png$/, '.failed.png');
			await save(failed);
			throw new Error(
				`${error instanceof Error ? error.message : String(error)}; what the page showed: ${failed}`,
			);
		});
		await sleep(2_000); // fonts, icons and the fit-to-view animation
		if (process.env.SCREENSHOT_EXECUTE !== '0') {
			// Run it from the editor, as the README's walk-through does, so that the picture shows
			// the items each node put out.
			const click = `(() => { const button = [...document.querySelectorAll('button')].find((b) => /Execute workflow|Test workflow/.test(b.textContent ?? '')); button?.click(); return Boolean(button); })()`;
			const { result } = (await cdp('Runtime.evaluate', {
				expression: click,
				returnByValue: true,
			})) as { result: { value: boolean } };
			if (!result.value) throw new Error('no "Execute workflow" button on the page');
			await waitFor(
				'the execution to finish',
				async () => {
					const executions = await rest.executions(workflowId);
					return executions.some(
						(execution) => execution.status === 'success' || execution.status === 'error',
					);
				},
				30_000,
				300,
			);
			await sleep(1_500);
		}
		await save(output);
		process.stdout.write(`${output}\n`);
	} finally {
		await chromium.stop(5_000);
		rmSync(profile, { recursive: true, force: true });
	}
}

/** A minimal DevTools-protocol client: `cdp(method, params)` resolves with the result. */
async function connect(
	WebSocketImpl: WebSocketClass,
	url: string,
): Promise<(method: string, params?: Record<string, unknown>) => Promise<unknown>> {
	const socket = new WebSocketImpl(url);
	await new Promise<void>((resolve, reject) => {
		socket.addEventListener('open', () => resolve());
		socket.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)));
	});
	let nextId = 1;
	const pending = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();
	socket.addEventListener('message', (event) => {
		const message = JSON.parse(String(event.data)) as {
			id?: number;
			result?: unknown;
			error?: { message: string };
		};
		const waiting = message.id === undefined ? undefined : pending.get(message.id);
		if (!waiting || message.id === undefined) return;
		pending.delete(message.id);
		if (message.error) waiting.reject(new Error(message.error.message));
		else waiting.resolve(message.result);
	});
	return (method, params = {}) =>
		new Promise((resolve, reject) => {
			const id = nextId++;
			pending.set(id, { resolve, reject });
			socket.send(JSON.stringify({ id, method, params }));
		});
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
