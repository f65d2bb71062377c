/**
 * `npm run bench`: the campaign benchmark in a real n8n 2.x (the pinned release `npm run dev`
 * uses), side by side in one n8n user folder, against the sandbox on loopback.
 *
 * For each N, the same input (a Code node making N items `{ phone, name, code }`) goes to:
 *   - a No Operation node: n8n's own floor for N items;
 *   - the AllMySMS node, Send SMS, "One Campaign for All Input Items", its fields mapped as the
 *     editor maps them by drag and drop (`{{ $json.phone }}`, two Message Parameters);
 *   - n8n's HTTP Request node making one sendSms request per item (up to 10,000 items).
 * Each workflow runs with `n8n execute` (one CLI process each); the node's `executionTime` comes
 * from n8n's run data, the peak RSS from the process (VmHWM). It prints a table and the ratios,
 * and checks that every recipient was sent exactly once, in ceil(N / 5,000) requests.
 * Then one SMS from a Webhook against the HTTP Request node (lib/benchOneSms.ts), and the trigger
 * against n8n's Webhook node, in a running n8n (lib/benchTrigger.ts).
 *
 *   npm run bench                      # N = 1,000, 10,000 and 100,000
 *   npm run bench -- 1000 10000        # other sizes
 *   npm run bench -- trigger           # the trigger comparison alone
 *   npm run bench -- one-sms           # one SMS from a Webhook: AllMySMS node vs HTTP Request
 *   npm run bench -- resume            # a reply resuming Send and Wait vs n8n's Wait node
 *   ALLMYSMS_BENCH_ONE_SMS=0 npm run bench   # without the one-SMS comparison
 *   ALLMYSMS_BENCH_TRIGGER=0 npm run bench   # the campaigns alone
 *   ALLMYSMS_BENCH_HTTP_MAX=1000 npm run bench   # largest N for the HTTP Request node
 *   ALLMYSMS_BENCH_PROFILE=/tmp/prof npm run bench -- 10000   # CPU profiles of the AllMySMS runs
 *
 * A benchmark, not a test: it prints figures and fails only when a send is wrong.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startSandbox } from '../sandbox';
import type { Sandbox } from '../sandbox';
import { ensureN8n } from './lib/install';
import { N8nInstance } from './lib/n8n';
import type { CredentialToImport, RunData, WorkflowFile } from './lib/n8n';
import { prepareNodesFolder } from './lib/package';
import { N8N_LATEST } from './lib/versions';
import { benchOneSms } from './lib/benchOneSms';
import { benchResume } from './lib/benchResume';
import { benchTrigger } from './lib/benchTrigger';

const LOGIN = 'bench';
const API_KEY = 'bench-api-key';
const RECIPIENTS_PER_REQUEST = 5000;
const CREDENTIAL: CredentialToImport = {
	id: 'AllMySmsBench00',
	name: 'AllMySMS bench',
	type: 'allMySmsApi',
	data: { login: LOGIN, apiKey: API_KEY, subAccount: '', baseUrl: '' },
};

type Variant = 'floor' | 'allMySms' | 'httpRequest';

interface Measure {
	variant: Variant;
	n: number;
	/** The measured node's executionTime (ms), from n8n's run data. */
	nodeMs: number;
	/** The CLI process's peak resident memory (MiB). */
	peakRssMiB: number;
	requests: number;
	outputItems: number;
}

const say = (line = ''): void => {
	process.stdout.write(`${line}\n`);
};

function makeItemsCode(n: number): string {
	return [
		`const items = [];`,
		`for (let i = 0; i < ${n}; i++) {`,
		`  items.push({ json: { phone: '06' + String(10000000 + i), name: 'Customer ' + i, code: 'C' + i } });`,
		`}`,
		`return items;`,
	].join('\n');
}

/** Manual Trigger → Code (N items) → the measured node. */
function workflow(id: string, n: number, measured: WorkflowFile['nodes'][number]): WorkflowFile {
	const nodes: WorkflowFile['nodes'] = [
		{
			id: `${id}-t`,
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: `${id}-c`,
			name: 'Make Items',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			position: [200, 0],
			parameters: { jsCode: makeItemsCode(n) },
		},
		{ ...measured, id: `${id}-m`, position: [400, 0] },
	];
	return {
		id,
		name: id,
		nodes,
		connections: {
			Start: { main: [[{ node: 'Make Items', type: 'main', index: 0 }]] },
			'Make Items': { main: [[{ node: measured.name, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** A different text for every run: AllMySMS refuses the same request twice within 10 seconds (121). */
function message(run: number): string {
	return `Hello #param_1#, your code is #param_2# (run ${run})`;
}

function measuredNode(
	variant: Variant,
	run: number,
	baseUrl: string,
): WorkflowFile['nodes'][number] {
	if (variant === 'floor')
		return { name: 'Measured', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };
	if (variant === 'allMySms') {
		return {
			name: 'Measured',
			type: 'n8n-nodes-allmysms.allMySms',
			typeVersion: 1,
			parameters: {
				resource: 'sms',
				operation: 'sendSms',
				sendMode: 'campaign',
				messageCategory: 'transactional',
				phoneNumbers: '={{ $json.phone }}',
				message: message(run),
				messageParameters: {
					parameter: [{ value: '={{ $json.name }}' }, { value: '={{ $json.code }}' }],
				},
				options: {},
			},
			credentials: { allMySmsApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
		};
	}
	const smsData = `={{ JSON.stringify({ DATA: { MESSAGE: ${JSON.stringify(message(run))}, DYNAMIC: "2", SMS: [{ MOBILEPHONE: $json.phone, PARAM_1: $json.name, PARAM_2: $json.code }] } }) }}`;
	return {
		name: 'Measured',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${baseUrl}/sendSms/`,
			sendBody: true,
			contentType: 'form-urlencoded',
			bodyParameters: {
				parameters: [
					{ name: 'login', value: LOGIN },
					{ name: 'apiKey', value: API_KEY },
					{ name: 'returnformat', value: 'json' },
					{ name: 'smsData', value: smsData },
				],
			},
			options: {},
		},
	};
}

/** Peak resident memory of a process so far (VmHWM), polled until it ends. */
function watchPeakRss(): { onSpawn: (pid: number) => void; peakKiB: () => number } {
	let peak = 0;
	let timer: NodeJS.Timeout | undefined;
	return {
		onSpawn: (pid) => {
			timer = setInterval(() => {
				try {
					const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
					if (match) peak = Math.max(peak, Number(match[1]));
				} catch {
					clearInterval(timer);
				}
			}, 50);
			timer.unref();
		},
		peakKiB: () => {
			if (timer) clearInterval(timer);
			return peak;
		},
	};
}

function sentBy(sandbox: Sandbox, since: number): { requests: number; sms: string[] } {
	const requests = sandbox.requests
		.slice(since)
		.filter((request) => request.apiMethod === 'sendSms');
	const sms: string[] = [];
	for (const request of requests) {
		const data = JSON.parse(request.form.smsData ?? '{}') as {
			DATA?: { SMS?: Array<{ MOBILEPHONE: string }> };
		};
		for (const entry of data.DATA?.SMS ?? []) sms.push(entry.MOBILEPHONE);
	}
	return { requests: requests.length, sms };
}

async function measure(
	instance: N8nInstance,
	sandbox: Sandbox,
	variant: Variant,
	n: number,
	run: number,
): Promise<Measure> {
	const id = `bench${variant}${n}r${run}`.slice(0, 16).padEnd(16, '0');
	await instance.importWorkflows([workflow(id, n, measuredNode(variant, run, sandbox.baseUrl))]);
	const since = sandbox.requests.length;
	const rss = watchPeakRss();
	// ALLMYSMS_BENCH_PROFILE=<folder>: a CPU profile of each AllMySMS run, for Chrome's DevTools.
	const profile = process.env.ALLMYSMS_BENCH_PROFILE;
	const env =
		profile && variant === 'allMySms'
			? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profile}` }
			: undefined;
	const result = await instance.execute(id, { onSpawn: rss.onSpawn, env });
	const peakRssMiB = Math.round(rss.peakKiB() / 1024);
	if (!result.ok || !result.run)
		throw new Error(`${variant} with ${n} items failed:\n${result.output.slice(-2000)}`);
	const runs = (result.run as RunData).data.resultData.runData.Measured;
	const nodeRun = runs?.[runs.length - 1];
	if (!nodeRun || nodeRun.error)
		throw new Error(
			`${variant} with ${n} items: ${nodeRun?.error?.message ?? 'the node did not run'}`,
		);
	const outputs = nodeRun.data?.main?.[0] ?? [];
	const sent = sentBy(sandbox, since);
	if (variant !== 'floor') checkSentOnce(variant, n, sent, outputs);
	return {
		variant,
		n,
		nodeMs: nodeRun.executionTime ?? Number.NaN,
		peakRssMiB,
		requests: sent.requests,
		outputItems: outputs.length,
	};
}

/** Every recipient sent once, in as few requests as promised, one output per recipient in input order. */
function checkSentOnce(
	variant: Variant,
	n: number,
	sent: { requests: number; sms: string[] },
	outputs: Array<{ json: Record<string, unknown> }>,
): void {
	const problems: string[] = [];
	const expectedRequests = variant === 'allMySms' ? Math.ceil(n / RECIPIENTS_PER_REQUEST) : n;
	if (sent.requests !== expectedRequests)
		problems.push(`${sent.requests} requests instead of ${expectedRequests}`);
	if (sent.sms.length !== n || new Set(sent.sms).size !== n)
		problems.push(`${sent.sms.length} SMS (${new Set(sent.sms).size} numbers) for ${n} recipients`);
	if (outputs.length !== n) problems.push(`${outputs.length} output items for ${n} recipients`);
	if (variant === 'allMySms') {
		const last = `336${String(10000000 + n - 1)}`;
		if (outputs[0]?.json.phoneNumber !== '33610000000' || outputs[n - 1]?.json.phoneNumber !== last)
			problems.push('outputs not in input order');
		if (outputs.some((output) => typeof output.json.smsId !== 'string'))
			problems.push('a recipient without smsId');
	}
	if (problems.length) throw new Error(`${variant} with ${n} items: ${problems.join('; ')}`);
}

function table(rows: string[][]): string {
	const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
	return rows
		.map((row) => `| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`)
		.join('\n');
}

const seconds = (ms: number | undefined) =>
	ms === undefined ? '—' : `${(ms / 1000).toFixed(3)} s`;

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const onlyTrigger = args.length === 1 && args[0] === 'trigger';
	const onlyOneSms = args.length === 1 && args[0] === 'one-sms';
	const onlyResume = args.length === 1 && args[0] === 'resume';
	const sizes = args.map(Number).filter((n) => n > 0);
	const ns =
		onlyTrigger || onlyOneSms || onlyResume ? [] : sizes.length ? sizes : [1000, 10_000, 100_000];
	const httpMax = Number(process.env.ALLMYSMS_BENCH_HTTP_MAX ?? 10_000);
	const folder = mkdtempSync(join(tmpdir(), 'allmysms-bench-'));
	const sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
	sandbox.state.createAccount({ login: LOGIN, apiKey: API_KEY, credits: 100_000_000 });
	let instance: N8nInstance | undefined;
	try {
		const install = await ensureN8n(N8N_LATEST);
		const nodesFolder = await prepareNodesFolder(join(folder, 'package'));
		instance = new N8nInstance({ install, folder, nodesFolder });
		await instance.importCredentials([
			{ ...CREDENTIAL, data: { ...CREDENTIAL.data, baseUrl: sandbox.baseUrl } },
		]);
		say(`${N8N_LATEST.label}, sandbox ${sandbox.baseUrl}, user folder ${folder}`);

		const results: Measure[] = [];
		let run = 0;
		for (const n of ns) {
			const variants: Variant[] =
				n <= httpMax ? ['floor', 'allMySms', 'httpRequest'] : ['floor', 'allMySms'];
			for (const variant of variants) {
				run += 1;
				const result = await measure(instance, sandbox, variant, n, run);
				results.push(result);
				say(
					`  ${variant.padEnd(11)} N=${String(n).padStart(6)}: ${seconds(result.nodeMs)}, ${result.requests} requests, peak RSS ${result.peakRssMiB} MiB`,
				);
			}
		}

		const rows = [
			[
				'N',
				'AllMySMS node (campaign)',
				'HTTP Request node (per item)',
				'No Operation (floor)',
				'HTTP ÷ AllMySMS',
				'AllMySMS − floor per recipient',
				'RSS AllMySMS − floor per recipient',
			],
		];
		for (const n of ns) {
			const of = (variant: Variant) =>
				results.find((result) => result.n === n && result.variant === variant);
			const floor = of('floor');
			const node = of('allMySms');
			const http = of('httpRequest');
			if (!floor || !node) continue;
			rows.push([
				n.toLocaleString('en'),
				`${seconds(node.nodeMs)}, ${node.requests} req, ${node.peakRssMiB} MiB`,
				http ? `${seconds(http.nodeMs)}, ${http.requests} req, ${http.peakRssMiB} MiB` : 'not run',
				`${seconds(floor.nodeMs)}, ${floor.peakRssMiB} MiB`,
				http ? `${(http.nodeMs / node.nodeMs).toFixed(1)}×` : '—',
				`${Math.round(((node.nodeMs - floor.nodeMs) * 1000) / n)} µs`,
				`${(((node.peakRssMiB - floor.peakRssMiB) * 1024) / n).toFixed(2)} KiB`,
			]);
		}
		if (ns.length) {
			say('');
			say(
				table([
					rows[0],
					rows[0].map((cell) => '-'.repeat(Math.min(cell.length, 3))),
					...rows.slice(1),
				]),
			);
		}

		if (onlyResume || (!onlyTrigger && !onlyOneSms && process.env.ALLMYSMS_BENCH_RESUME !== '0')) {
			say('');
			say(await benchResume(instance, sandbox, CREDENTIAL));
			say('');
			say(await benchResume(instance, sandbox, CREDENTIAL, { engine: 'legacy' }));
		}
		if (onlyResume) return;

		if (onlyOneSms || (!onlyTrigger && process.env.ALLMYSMS_BENCH_ONE_SMS !== '0')) {
			say('');
			say(await benchOneSms(instance, sandbox, CREDENTIAL));
		}

		if (!onlyOneSms && process.env.ALLMYSMS_BENCH_TRIGGER !== '0') {
			say('');
			say(await benchTrigger(instance, sandbox, CREDENTIAL));
			say('');
			say(await benchTrigger(instance, sandbox, CREDENTIAL, { engine: 'legacy' }));
		}
	} finally {
		await instance?.stopAll();
		await sandbox.close();
		if (!process.env.ALLMYSMS_BENCH_KEEP) rmSync(folder, { recursive: true, force: true });
	}
}

main().catch((error: unknown) => {
	process.stderr.write(
		`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
	);
	process.exit(1);
});
