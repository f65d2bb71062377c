const { dest, parallel, src } = require('gulp');

// Icons live once in icons/; n8n resolves `file:` icons next to the built node and credential.
function nodeIcons() {
	return src('icons/*.svg').pipe(dest('dist/nodes/AllMySms'));
}

function triggerIcons() {
	return src('icons/*.svg').pipe(dest('dist/nodes/AllMySmsTrigger'));
}

function credentialIcons() {
	return src('icons/*.svg').pipe(dest('dist/credentials'));
}

// Codex files (<Node>.node.json): categories and documentation links shown by n8n.
function codex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:assets'] = parallel(nodeIcons, triggerIcons, credentialIcons, codex);
