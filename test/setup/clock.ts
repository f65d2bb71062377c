import * as clock from '../../nodes/AllMySms/shared/clock';

/**
 * The node's clock (shared/clock.ts) is read by the commercial-hours guard only. Most tests send
 * commercial SMS (the default category) to French numbers and must not depend on the hour the
 * suite runs at: the node's clock runs at real speed from Wednesday 3 March 2027 10:00 Paris
 * time, an allowed time, for the whole file. Nothing else is touched: n8n, the sandbox and the
 * tests keep the real Date and timers. The tests of the rules (test/rules/sendingRules.test.ts)
 * undo this with `jest.restoreAllMocks()` and fix `Date` itself.
 */
export const TEST_CLOCK_START = Date.parse('2027-03-03T10:00:00+01:00');

const offset = TEST_CLOCK_START - Date.now();
jest.spyOn(clock, 'now').mockImplementation(() => new Date(Date.now() + offset));
