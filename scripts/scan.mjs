#!/usr/bin/env node
// `npm run scan`: n8n's own verification scan (@n8n/scan-community-package's analyzePackage),
// offline, on the two things n8n scans: (a) the source checkout (package.json, nodes/,
// credentials/) and (b) the package as published, `npm pack` unpacked into a temporary
// directory (its compiled .js and package.json). Like n8n, inline eslint-disable comments are
// ignored. Exits non-zero on any finding. Needs a built dist/ (`npm run build`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json']; // what analyzePackageByName lints in the tarball

async function scan(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	console.log(
		`${result.passed ? 'passed' : 'FAILED'}: ${label}${result.message ? ` (${result.message})` : ''}`,
	);
	if (result.details) console.log(result.details);
	return result.passed;
}

/** `n8n-node lint`'s strict mode ("strict": true in package.json's n8n field): eslint.config.mjs is n8n's template. */
function strictConfig() {
	const template = join(
		root,
		'node_modules/@n8n/node-cli/dist/template/templates/shared/default/eslint.config.mjs',
	);
	const normalise = (path) => readFileSync(path, 'utf8').replace(/\s+/g, ' ').trim();
	const passed = normalise(join(root, 'eslint.config.mjs')) === normalise(template);
	console.log(
		`${passed ? 'passed' : 'FAILED'}: eslint.config.mjs is @n8n/node-cli's default (strict mode)`,
	);
	return passed;
}

const work = mkdtempSync(join(tmpdir(), 'allmysms-scan-'));
try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	);
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, packed[0].filename), '-C', work]);
	const { dependencies = {} } = JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8'));

	const results = [
		strictConfig(),
		await scan('source checkout (package.json, nodes/, credentials/)', root, SOURCE_FILE_PATTERNS),
		await scan(
			`packed tarball ${packed[0].filename} (${packed[0].entryCount} files)`,
			unpacked,
			TARBALL_FILE_PATTERNS,
		),
	];
	if (Object.keys(dependencies).length) {
		console.log(
			`FAILED: the packed package.json has runtime dependencies: ${Object.keys(dependencies).join(', ')}`,
		);
		results.push(false);
	}
	process.exitCode = results.every(Boolean) ? 0 : 1;
} finally {
	rmSync(work, { recursive: true, force: true });
}
