/**
 * `npm run n8n:install [latest|compat|all]`: installs the pinned n8n releases and their Node.js
 * into the cache (see lib/install.ts) ahead of time. `npm run dev` and the e2e tests install
 * what they need on first use anyway; this only lets a machine be prepared in advance.
 */
import { cacheDir, ensureN8n } from './lib/install';
import { N8N_TARGETS, type N8nTargetName } from './lib/versions';

async function main(): Promise<void> {
	const which = process.argv[2] ?? 'latest';
	const names: N8nTargetName[] = which === 'all' ? ['latest', 'compat'] : [which as N8nTargetName];
	for (const name of names) {
		const target = N8N_TARGETS[name];
		if (!target) throw new Error(`unknown target ${which}: latest, compat or all`);
		const started = Date.now();
		const install = await ensureN8n(target);
		process.stdout.write(
			`${target.label}: ${install.dir} (ready in ${Math.round((Date.now() - started) / 1000)}s)\n`,
		);
	}
	process.stdout.write(`cache: ${cacheDir()}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
