import { faultRows } from './faults.shared';

// The README's fault table, campaign rows. 5×5 s is run where it differs from 3×1 s: the three
// modes that sent twice before, with faults lasting three n8n tries, so that the try that gets
// through comes more than 10 s after the first (past the 121 window).
jest.setTimeout(120_000);

describe('fault table: a campaign of 1,000', () => {
	faultRows(
		'campaign',
		'campaign of 1,000',
		['n8n defaults', 'Retry On Fail 3×1 s', 'Continue On Fail'],
		[
			['http500AfterWork', 'Retry On Fail 5×5 s'],
			['resetAfterWork', 'Retry On Fail 5×5 s'],
			['truncatedJson', 'Retry On Fail 5×5 s'],
		],
	);
});
