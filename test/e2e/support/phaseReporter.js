// Prints how long each e2e phase took (one test file = one phase), with the steps each phase
// timed itself (test/e2e/support/timings.ts) and the one-off setup (install, pack).
const { existsSync, readFileSync, rmSync } = require('node:fs');

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

class PhaseReporter {
	constructor() {
		this.phases = [];
	}

	onTestResult(test, result) {
		const name = test.path
			.split('/')
			.pop()
			.replace(/\.e2e\.ts$/, '');
		const failed = result.numFailingTests > 0 || Boolean(result.testExecError);
		this.phases.push({ name, ms: result.perfStats.end - result.perfStats.start, failed });
	}

	onRunComplete(_contexts, results) {
		const file = process.env.ALLMYSMS_E2E_TIMINGS;
		const steps =
			file && existsSync(file)
				? readFileSync(file, 'utf8')
						.split('\n')
						.filter(Boolean)
						.map((line) => JSON.parse(line))
				: [];
		const lines = ['', 'End-to-end phases (wall time):'];
		const stepsOf = (phase) => steps.filter((step) => step.phase === phase);
		for (const step of stepsOf('setup'))
			lines.push(`  setup       ${step.label.padEnd(58)} ${seconds(step.ms)}`);
		let total = stepsOf('setup').reduce((sum, step) => sum + step.ms, 0);
		for (const phase of this.phases) {
			total += phase.ms;
			lines.push(
				`  ${phase.name.padEnd(11)} ${'(whole phase)'.padEnd(58)} ${seconds(phase.ms)}${phase.failed ? '   FAILED' : ''}`,
			);
			for (const step of stepsOf(phase.name))
				lines.push(`              · ${step.label.padEnd(56)} ${seconds(step.ms)}`);
		}
		lines.push(`  ${'total'.padEnd(70)} ${seconds(total)}`, '');
		// The run folder (n8n user folders, databases, logs) is kept when something failed.
		const dir = process.env.ALLMYSMS_E2E_DIR;
		const failed = results.numFailedTests > 0 || results.numRuntimeErrorTestSuites > 0;
		if (dir && (failed || process.env.ALLMYSMS_E2E_KEEP === '1'))
			lines.push(`n8n logs and user folders kept in ${dir}`, '');
		else if (dir) rmSync(dir, { recursive: true, force: true });
		process.stdout.write(`${lines.join('\n')}\n`);
	}
}

module.exports = PhaseReporter;
