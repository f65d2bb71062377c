/**
 * End-to-end tests in real n8n (`npm run test:e2e`): one file per phase, run one at a time in
 * a fixed order, each phase's time printed at the end. The first run installs n8n and Node 24
 * into the cache (scripts/lib/install.ts).
 */
/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.dev.json' }] },
	globalSetup: '<rootDir>/test/e2e/support/globalSetup.ts',
	testSequencer: '<rootDir>/test/e2e/support/sequencer.js',
	reporters: ['default', '<rootDir>/test/e2e/support/phaseReporter.js'],
	maxWorkers: 1,
	testTimeout: 180000,
	slowTestThreshold: 600,
};
