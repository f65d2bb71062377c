// The e2e phases run in this order (cheapest and most basic first); files not listed run last.
const Sequencer = require('@jest/test-sequencer').default;

const ORDER = [
	'load',
	'resources',
	'examples',
	'tour',
	'editor',
	'trigger',
	'retry',
	'tools',
	'conversation',
	'queue',
	'compat',
];

const rank = (path) => {
	const name = path
		.split('/')
		.pop()
		.replace(/\.e2e\.ts$/, '');
	const index = ORDER.indexOf(name);
	return index === -1 ? ORDER.length : index;
};

class PhaseSequencer extends Sequencer {
	sort(tests) {
		return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path));
	}
}

module.exports = PhaseSequencer;
