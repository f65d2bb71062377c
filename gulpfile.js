const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const { dest, parallel, src } = require('gulp');

// Icons live once in icons/ and ship as dist/icons/: the nodes and the credential name them as
// `file:../../icons/…` and `file:../icons/…`, which resolve from the sources and from dist alike.
function icons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

// Codex files (<Node>.node.json): categories and documentation links shown by n8n.
function codex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

/**
 * n8n installs community packages without dependencies, so the one library the nodes use,
 * fast-xml-parser (a devDependency), is bundled into the built XML module: esbuild rewrites
 * dist/…/shared/xml.js with the library inlined, and the licences of everything bundled on top.
 */
const XML_MODULE = 'dist/nodes/AllMySms/shared/xml.js';

async function bundleXml() {
	const esbuild = require('esbuild');
	const probe = await esbuild.build({
		entryPoints: [XML_MODULE],
		bundle: true,
		platform: 'node',
		write: false,
		metafile: true,
	});
	const licences = bundledPackages(probe.metafile).map(({ name, version, licenceText }) =>
		[`${name}@${version}`, '', licenceText.trim()].join('\n'),
	);
	await esbuild.build({
		entryPoints: [XML_MODULE],
		outfile: XML_MODULE,
		allowOverwrite: true,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		sourcemap: true,
		legalComments: 'none',
		banner: {
			js: `/*!\n * Bundled into this file (their licences follow):\n\n${licences.join('\n\n').replace(/\*\//g, '* /')}\n */`,
		},
	});
}

/**
 * The npm packages in the bundle, each with its licence text: those esbuild read, and their
 * dependencies (fast-xml-parser ships a prebuilt file that already contains its own).
 */
function bundledPackages(metafile) {
	const roots = new Map();
	const visit = (name, root) => {
		if (roots.has(name)) return;
		roots.set(name, root);
		const { dependencies = {} } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		for (const dependency of Object.keys(dependencies)) {
			const nested = join(root, 'node_modules', dependency);
			visit(dependency, existsSync(nested) ? nested : join('node_modules', dependency));
		}
	};
	for (const input of Object.keys(metafile.inputs)) {
		const match = /^(.*node_modules\/(@[^/]+\/[^/]+|[^/]+))\//.exec(input);
		if (match) visit(match[2], match[1]);
	}
	return [...roots].sort().map(([name, root]) => {
		const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
		const file = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'license'].find((candidate) =>
			existsSync(join(root, candidate)),
		);
		const licenceText = file
			? readFileSync(join(root, file), 'utf8')
			: `${pkg.license} licence (the package has no licence file)`;
		return { name, version: pkg.version, licenceText };
	});
}

exports['build:assets'] = parallel(icons, codex, bundleXml);
