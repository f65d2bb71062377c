/**
 * The package as users get it: `npm pack` of the built tree, then installed into an n8n user
 * folder's `nodes/` exactly the way n8n 2.x's Community Nodes panel does it
 * (community-packages.service.ts `downloadPackage`): the tarball unpacked into
 * `nodes/node_modules/<name>`, its dev, peer and optional dependencies dropped, `npm install`
 * inside it with n8n's flags, and the dependency recorded in `nodes/package.json`.
 */
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { runCommand } from './processes';

/** The repository root: the nearest folder above this file whose package.json is this package's. */
export const PACKAGE_ROOT = findRoot(__dirname);

function findRoot(from: string): string {
	for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
		const manifest = join(dir, 'package.json');
		if (
			existsSync(manifest) &&
			(JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name ===
				'n8n-nodes-allmysms'
		)
			return dir;
	}
	throw new Error(`no n8n-nodes-allmysms package.json above ${from}`);
}

interface PackageJson {
	name: string;
	version: string;
	devDependencies?: unknown;
	peerDependencies?: unknown;
	optionalDependencies?: unknown;
	[key: string]: unknown;
}

export function packageJson(root = PACKAGE_ROOT): PackageJson {
	return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
}

/** `npm pack` of the package (its `dist/` must be built) into `destination`; returns the tarball's path. */
export async function packPackage(destination: string, root = PACKAGE_ROOT): Promise<string> {
	if (!existsSync(join(root, 'dist')))
		throw new Error(`${root}/dist is missing: run npm run build first`);
	mkdirSync(destination, { recursive: true });
	const result = await runCommand('npm', ['pack', '--json', '--pack-destination', destination], {
		cwd: root,
	});
	if (result.code !== 0) throw new Error(`npm pack failed:\n${result.stderr}`);
	const [{ filename }] = JSON.parse(result.stdout) as [{ filename: string }];
	return join(destination, filename);
}

/** Installs `tarball` into `<nodesDir>/node_modules/<name>` the way n8n's Community Nodes panel does. */
export async function installIntoNodesFolder(tarball: string, nodesDir: string): Promise<void> {
	const stage = mkdtempSync(join(tmpdir(), 'allmysms-unpack-'));
	try {
		const untar = await runCommand('tar', ['-xzf', tarball, '-C', stage, '--strip-components=1']);
		if (untar.code !== 0) throw new Error(`tar -xzf ${tarball} failed:\n${untar.stderr}`);
		const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
			readFileSync(join(stage, 'package.json'), 'utf8'),
		) as PackageJson;
		void devDependencies;
		void peerDependencies;
		void optionalDependencies;
		const target = join(nodesDir, 'node_modules', pkg.name);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(target, { recursive: true });
		cpSync(stage, target, { recursive: true });
		writeFileSync(join(target, 'package.json'), JSON.stringify(pkg, null, 2));
		const install = await runCommand(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{ cwd: target },
		);
		if (install.code !== 0) throw new Error(`npm install in ${target} failed:\n${install.stderr}`);
		const manifestPath = join(nodesDir, 'package.json');
		const manifest = existsSync(manifestPath)
			? (JSON.parse(readFileSync(manifestPath, 'utf8')) as {
					dependencies?: Record<string, string>;
				})
			: { name: 'installed-nodes', private: true, dependencies: {} };
		manifest.dependencies = { ...manifest.dependencies, [pkg.name]: pkg.version };
		writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
	} finally {
		rmSync(stage, { recursive: true, force: true });
	}
}

/**
 * A ready `nodes/` folder with the freshly packed package, built once in `workDir` and copied
 * into each n8n user folder (`<userFolder>/.n8n/nodes`) by `copyNodesFolder`.
 */
export async function prepareNodesFolder(workDir: string, root = PACKAGE_ROOT): Promise<string> {
	const tarball = await packPackage(join(workDir, 'pack'), root);
	const nodesDir = join(workDir, 'nodes');
	rmSync(nodesDir, { recursive: true, force: true });
	mkdirSync(nodesDir, { recursive: true });
	await installIntoNodesFolder(tarball, nodesDir);
	return nodesDir;
}

export function copyNodesFolder(preparedNodesDir: string, userFolder: string): void {
	const target = join(userFolder, '.n8n', 'nodes');
	rmSync(target, { recursive: true, force: true });
	mkdirSync(join(userFolder, '.n8n'), { recursive: true });
	cpSync(preparedNodesDir, target, { recursive: true });
}
