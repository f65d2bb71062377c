import { faultRows } from './faults.shared';

// The README's fault table, per-item rows (20 items; the faults hit the first item's requests).
jest.setTimeout(120_000);

describe('fault table: one message per item, 20 items', () => {
	faultRows(
		'perItem',
		'per item, 20',
		[
			'n8n defaults',
			'Retry On Fail 3×1 s',
			'Continue On Fail',
			'Continue On Fail + Retry On Fail 3×1 s',
		],
		[['http500AfterWork', 'Retry On Fail 5×5 s']],
	);
});
