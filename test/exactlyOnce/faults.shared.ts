import type { FaultMode } from '../../sandbox/types';
import { sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { runRow, writeTable } from './faultTable';
import type { Row, Setting, Size } from './faultTable';

/** Modes whose answer is lost after the work: the SMS exist, the node does not know. */
export const AFTER_WORK: FaultMode[] = ['http500AfterWork', 'resetAfterWork', 'truncatedJson'];
/** Modes the node's own reading or retries settle whatever n8n's setting. */
export const SETTLED_BY_NODE: FaultMode[] = ['slow', 'xmlInsteadOfJson', 'jsonAsHtml'];
export const ALL_MODES: FaultMode[] = [
	'http500AfterWork',
	'resetAfterWork',
	'slow',
	'htmlErrorPage',
	'truncatedJson',
	'xmlInsteadOfJson',
	'jsonAsHtml',
];

/** Declares one test per row and checks what every row must show, then what this row should. */
export function faultRows(
	name: string,
	size: Size,
	settings: Setting[],
	extraRows: Array<[FaultMode, Setting]> = [],
): void {
	const rows: Row[] = [];
	let account: TestAccount;
	beforeEach(async () => {
		account = await sandboxWithAccount({ credits: 10_000_000 });
	});
	afterEach(async () => {
		await account.sandbox.close();
	});
	afterAll(() => writeTable(name, rows));

	const cases: Array<[FaultMode, Setting]> = [
		...ALL_MODES.flatMap((mode) =>
			settings.map((setting): [FaultMode, Setting] => [mode, setting]),
		),
		...extraRows,
	];
	test.each(cases)(`${size}: %s with %s`, async (mode, setting) => {
		const row = await runRow(account, mode, size, setting);
		rows.push(row);
		// Every row: nothing sent twice, nothing reported sent that is not, nothing sent reported as failed.
		expect({
			duplicates: row.duplicates,
			lost: row.lost,
			sentButReportedFailed: row.sentButReportedFailed,
		}).toEqual({ duplicates: 0, lost: 0, sentButReportedFailed: 0 });
		const retried = setting.includes('Retry On Fail');
		const everyoneAccepted = SETTLED_BY_NODE.includes(mode) || retried;
		if (everyoneAccepted) {
			expect(row.acceptedWithSmsId).toBe(row.recipients);
			expect(row.smsInSandbox).toBe(row.recipients);
			return;
		}
		// The fault outlasts the node's retries and n8n does not run it again: the first request's
		// recipients are "may have been sent" (an HTML page cannot tell before from after the work).
		const first = size === 'campaign of 1,000' ? row.recipients : 1;
		expect(row.reportedMaybeSent).toBe(first);
		expect(row.smsInSandbox).toBe((AFTER_WORK.includes(mode) ? first : 0) + row.acceptedWithSmsId);
		if (setting === 'Continue On Fail') expect(row.acceptedWithSmsId).toBe(row.recipients - first);
		else expect(row.reportedNotSent).toBe(row.recipients - first);
	});
}
