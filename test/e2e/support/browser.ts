/**
 * n8n's editor in Debian's headless Chromium, driven over the DevTools protocol, as a person
 * would use it: sign in (n8n's auth cookie and browser id), open a workflow, double-click a node,
 * read what the panel shows, click buttons, take pictures. The WebSocket client is `ws` from the
 * n8n install under test (one of n8n's own dependencies: the package does not depend on it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import type { N8nInstall } from '../../../scripts/lib/install';
import { N8nRest } from '../../../scripts/lib/n8n';
import { sleep, waitFor } from '../../../scripts/lib/processes';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

interface WebSocketLike {
	on(event: 'open' | 'message' | 'error' | 'close', listener: (data?: unknown) => void): void;
	send(data: string): void;
	close(): void;
}

export class Editor {
	private nextId = 1;

	private readonly pending = new Map<
		number,
		{ resolve: (value: unknown) => void; reject: (error: Error) => void }
	>();

	private constructor(
		private readonly chromium: ChildProcess,
		private readonly socket: WebSocketLike,
		readonly baseUrl: string,
	) {
		socket.on('message', (data) => {
			const message = JSON.parse(String(data)) as {
				id?: number;
				result?: unknown;
				error?: { message: string };
			};
			if (message.id === undefined) return;
			const waiting = this.pending.get(message.id);
			if (!waiting) return;
			this.pending.delete(message.id);
			if (message.error) waiting.reject(new Error(message.error.message));
			else waiting.resolve(message.result);
		});
	}

	static async open(install: N8nInstall, baseUrl: string, rest: N8nRest): Promise<Editor> {
		const profile = mkdtempSync(join(tmpdir(), 'allmysms-editor-'));
		const chromium = spawn(
			CHROMIUM,
			[
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--hide-scrollbars',
				`--user-data-dir=${profile}`,
				'--remote-debugging-port=0',
				'--window-size=1600,1000',
				'about:blank',
			],
			{ stdio: 'ignore' },
		);
		const port = await waitFor(
			'Chromium to open its DevTools port',
			() => {
				try {
					return (
						readFileSync(join(profile, 'DevToolsActivePort'), 'utf8').split('\n')[0] || undefined
					);
				} catch {
					return undefined;
				}
			},
			30_000,
			200,
		);
		const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{
			type: string;
			webSocketDebuggerUrl: string;
		}>;
		const page = targets.find((target) => target.type === 'page');
		if (!page) throw new Error('Chromium has no page');
		const WebSocket = createRequire(join(install.dir, 'node_modules', 'n8n', 'package.json'))(
			'ws',
		) as new (url: string) => WebSocketLike;
		const socket = new WebSocket(page.webSocketDebuggerUrl);
		await new Promise<void>((resolve, reject) => {
			socket.on('open', () => resolve());
			socket.on('error', (error) => reject(error as Error));
		});
		const editor = new Editor(chromium, socket, baseUrl);
		await editor.send('Network.enable');
		await editor.send('Page.enable');
		await editor.send('Network.setCookie', {
			name: 'n8n-auth',
			value: rest.authCookie.replace(/^n8n-auth=/, ''),
			url: baseUrl,
		});
		await editor.send('Emulation.setDeviceMetricsOverride', {
			width: 1600,
			height: 1000,
			deviceScaleFactor: 1,
			mobile: false,
		});
		// n8n binds its session to the browser id the editor keeps in localStorage.
		await editor.send('Page.navigate', { url: `${baseUrl}/signin` });
		await sleep(1_000);
		await editor.evaluate(
			`localStorage.setItem('n8n-browserId', ${JSON.stringify(N8nRest.BROWSER_ID)})`,
		);
		return editor;
	}

	async send(method: string, params: Record<string, unknown> = {}): Promise<unknown> {
		const id = this.nextId++;
		const answer = new Promise<unknown>((resolve, reject) =>
			this.pending.set(id, { resolve, reject }),
		);
		this.socket.send(JSON.stringify({ id, method, params }));
		return await answer;
	}

	async evaluate<T>(expression: string): Promise<T> {
		const { result, exceptionDetails } = (await this.send('Runtime.evaluate', {
			expression,
			returnByValue: true,
			awaitPromise: true,
		})) as { result: { value: T }; exceptionDetails?: { text: string } };
		if (exceptionDetails) throw new Error(`in the page: ${exceptionDetails.text}`);
		return result.value;
	}

	async navigate(path: string): Promise<void> {
		await this.send('Page.navigate', { url: `${this.baseUrl}${path}` });
	}

	/** Waits until the page's visible text matches. */
	async waitForText(pattern: RegExp, what: string, timeoutMs = 30_000): Promise<string> {
		return await waitFor(
			what,
			async () => {
				const text = await this.evaluate<string>('document.body.innerText');
				return pattern.test(text) ? text : undefined;
			},
			timeoutMs,
			300,
		);
	}

	/** Double-clicks the canvas node of that name with the mouse, as a person does (opens its panel). */
	async openNode(name: string): Promise<void> {
		const box = await this.evaluate<{ x: number; y: number } | null>(`(() => {
			const node = [...document.querySelectorAll('[data-test-id="canvas-node"]')].find((element) => element.textContent?.includes(${JSON.stringify(name)}));
			if (!node) return null;
			const rect = node.getBoundingClientRect();
			return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
		})()`);
		if (!box) throw new Error(`no canvas node named ${name}`);
		for (const clickCount of [1, 2]) {
			for (const type of ['mousePressed', 'mouseReleased'])
				await this.send('Input.dispatchMouseEvent', {
					type,
					x: box.x,
					y: box.y,
					button: 'left',
					clickCount,
				});
		}
	}

	/** Clicks the first button whose text matches. */
	async clickButton(pattern: RegExp): Promise<void> {
		const found = await this.evaluate<boolean>(`(() => {
			const button = [...document.querySelectorAll('button')].find((element) => ${pattern.toString()}.test(element.textContent ?? ''));
			button?.click();
			return Boolean(button);
		})()`);
		if (!found) throw new Error(`no button matching ${pattern}`);
	}

	async pressKey(key: 'Escape' | 'Tab'): Promise<void> {
		const code = key === 'Escape' ? 27 : 9;
		for (const type of ['keyDown', 'keyUp'])
			await this.send('Input.dispatchKeyEvent', {
				type,
				key,
				code: key,
				windowsVirtualKeyCode: code,
			});
	}

	async type(text: string): Promise<void> {
		await this.send('Input.insertText', { text });
	}

	async screenshot(file: string): Promise<void> {
		const { data } = (await this.send('Page.captureScreenshot', { format: 'png' })) as {
			data: string;
		};
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, Buffer.from(data, 'base64'));
	}

	close(): void {
		this.socket.close();
		this.chromium.kill();
	}
}
