/** Child processes with their output in a log file, free ports, waiting for things. */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, createWriteStream, openSync, readFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** True when something accepts connections on 127.0.0.1:port. */
export function portInUse(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(true));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
	});
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Thrown by a `waitFor` check to stop waiting at once (the thing waited for can no longer happen). */
export class GiveUp extends Error {}

/**
 * Polls `check` until it returns a value other than undefined/false, or fails with `what` after
 * `timeoutMs`. A check that throws is tried again (a server not listening yet), unless it
 * throws `GiveUp`.
 */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined | false> | T | undefined | false,
	timeoutMs: number,
	intervalMs = 250,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined && value !== false) return value;
		} catch (error) {
			if (error instanceof GiveUp) throw error;
			lastError = error;
		}
		if (Date.now() > deadline) {
			const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
			throw new Error(
				`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}${reason}`,
			);
		}
		await sleep(intervalMs);
	}
}

const ANSI = /\x1b\[[0-9;]*m/g;

/** A long-running child process; stdout and stderr go (without colours) to a log file. */
export class LoggedProcess {
	readonly child: ChildProcess;
	readonly logFile: string;
	readonly exited: Promise<number | null>;
	private readonly out: WriteStream;
	private exitCode: number | null | undefined;

	constructor(
		readonly name: string,
		command: string,
		args: string[],
		options: {
			cwd?: string;
			env: NodeJS.ProcessEnv;
			logFile: string;
			echo?: (line: string) => void;
		},
	) {
		this.logFile = options.logFile;
		this.out = createWriteStream(options.logFile, { flags: 'a' });
		// Its own process group, so that stop() also ends what it started (n8n's task runners).
		this.child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', 'pipe', 'pipe'],
			detached: true,
		});
		const write = (chunk: Buffer): void => {
			const text = chunk.toString('utf8').replace(ANSI, '');
			this.out.write(text);
			if (options.echo) for (const line of text.split('\n')) if (line.trim()) options.echo(line);
		};
		this.child.stdout?.on('data', write);
		this.child.stderr?.on('data', write);
		this.exited = new Promise((resolve) => {
			this.child.once('error', (error) => {
				this.out.write(`\n[spawn error] ${error.message}\n`);
				this.exitCode = null;
				resolve(null);
			});
			this.child.once('close', (code, signal) => {
				this.exitCode = code;
				this.out.write(`\n[${name} exited: ${signal ?? code}]\n`);
				resolve(code);
			});
		});
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	get running(): boolean {
		return this.exitCode === undefined;
	}

	/** The log so far. */
	log(): string {
		try {
			return readFileSync(this.logFile, 'utf8');
		} catch {
			return '';
		}
	}

	/** The last `lines` lines of the log, for error messages. */
	tail(lines = 40): string {
		return this.log().split('\n').slice(-lines).join('\n');
	}

	/** Resolves when the log matches `pattern`; fails if the process exits first or after `timeoutMs`. */
	async waitForLog(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
		return await waitFor(
			`${this.name} to log ${pattern}`,
			() => {
				const match = this.log().match(pattern);
				if (match) return match;
				if (!this.running)
					throw new GiveUp(
						`${this.name} exited; end of its log (${this.logFile}):\n${this.tail()}`,
					);
				return undefined;
			},
			timeoutMs,
			200,
		);
	}

	/** SIGTERM to the process group, SIGKILL after `graceMs`. */
	async stop(graceMs = 15_000): Promise<void> {
		if (this.running && this.child.pid) {
			signalGroup(this.child.pid, 'SIGTERM');
			const timer = setTimeout(() => {
				if (this.child.pid) signalGroup(this.child.pid, 'SIGKILL');
			}, graceMs);
			await this.exited;
			clearTimeout(timer);
		}
		// Leftovers of the group (a task runner still closing) get no second chance.
		if (this.child.pid) signalGroup(this.child.pid, 'SIGKILL');
		await new Promise<void>((resolve) => this.out.end(resolve));
	}
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

export interface CommandResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/**
 * Runs a command to its end and returns its output (never rejects on a non-zero exit).
 * `stdoutFile`: stdout goes to that file instead of a pipe and is read back at the end. A
 * process that prints a lot and then exits (n8n's `execute --rawOutput` with 100,000 items)
 * loses the end of what it printed into a pipe, never what it writes to a file.
 */
export function runCommand(
	command: string,
	args: string[],
	options: {
		cwd?: string;
		env?: NodeJS.ProcessEnv;
		timeoutMs?: number;
		onSpawn?: (pid: number) => void;
		stdoutFile?: string;
	} = {},
): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const stdoutFd = options.stdoutFile ? openSync(options.stdoutFile, 'w') : undefined;
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'],
		});
		if (stdoutFd !== undefined) closeSync(stdoutFd);
		if (child.pid !== undefined) options.onSpawn?.(child.pid);
		const stdout: Buffer[] = [];
		const stderr: Buffer[] = [];
		child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
		child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
		const timer = options.timeoutMs
			? setTimeout(() => {
					child.kill('SIGKILL');
				}, options.timeoutMs)
			: undefined;
		child.once('error', reject);
		child.once('close', (code) => {
			if (timer) clearTimeout(timer);
			const printed = options.stdoutFile ? readFileSync(options.stdoutFile) : Buffer.concat(stdout);
			resolve({
				code,
				stdout: printed.toString('utf8').replace(ANSI, ''),
				stderr: Buffer.concat(stderr).toString('utf8').replace(ANSI, ''),
			});
		});
	});
}
