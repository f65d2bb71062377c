/**
 * Once per e2e run, before the phases: the run folder, n8n 2.x with Node 24 (installed into the
 * cache on first use), and the package packed and installed into a `nodes/` folder that each
 * phase copies into its n8n user folders.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

import { cacheDir, ensureN8n } from '../../../scripts/lib/install';
import { N8N_LATEST } from '../../../scripts/lib/versions';
import { preparedNodes, runDir, timed } from './e2e';

export default async function globalSetup(): Promise<void> {
	const dir = runDir();
	process.env.ALLMYSMS_E2E_TIMINGS = join(dir, 'timings.jsonl');
	writeFileSync(process.env.ALLMYSMS_E2E_TIMINGS, '');
	process.stderr.write(
		`\n[n8n-e2e] run folder (user folders, logs): ${dir}\n[n8n-e2e] n8n cache: ${cacheDir()}\n`,
	);
	await timed(`install ${N8N_LATEST.label} (first run only)`, () => ensureN8n(N8N_LATEST), 'setup');
	await timed('npm pack + install into nodes/ as n8n does', () => preparedNodes(), 'setup');
}
