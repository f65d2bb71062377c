import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { FaultMode } from '../../sandbox/types';
import { runAllMySmsChain } from '../helpers/n8n';
import type { ChainStep } from '../helpers/n8n';
import type { TestAccount } from '../helpers/sandbox';

/**
 * The README's fault table, row by row: one fault mode × one way of sending × one n8n setting,
 * run through n8n's engine against the sandbox, and counted from the sandbox's own records.
 *
 * The node's own options in every row: Retries 1 (so that the faults, queued for 2 requests,
 * outlast them and the n8n setting decides), Timeout 1 s (the slow mode holds its answer 2.5 s).
 */

export type Size = 'campaign of 1,000' | 'per item, 20';

export type Setting =
	| 'n8n defaults'
	| 'Retry On Fail 3×1 s'
	| 'Retry On Fail 5×5 s'
	| 'Continue On Fail'
	| 'Continue On Fail + Retry On Fail 3×1 s';

export interface Row {
	mode: FaultMode;
	size: Size;
	setting: Setting;
	recipients: number;
	smsInSandbox: number;
	duplicates: number;
	lost: number;
	sentButReportedFailed: number;
	acceptedWithSmsId: number;
	reportedMaybeSent: number;
	reportedNotSent: number;
	seconds: number;
}

export const NODE_OPTIONS = { retries: 1, timeout: 1 };

/** How many requests a mode's fault breaks: past the node's own retries, or, for 5×5 s, past three n8n tries (more than 10 s). */
export function faultFor(
	mode: FaultMode,
	setting: Setting,
): { mode: FaultMode; apiMethod: string; times: number; delayMs?: number } {
	if (mode === 'slow') return { mode, apiMethod: 'sendSms', times: 1, delayMs: 2500 };
	const perTry = NODE_OPTIONS.retries + 1;
	return {
		mode,
		apiMethod: 'sendSms',
		times: setting === 'Retry On Fail 5×5 s' ? 3 * perTry : perTry,
	};
}

function stepSettings(setting: Setting): Partial<ChainStep> {
	switch (setting) {
		case 'n8n defaults':
			return {};
		case 'Retry On Fail 3×1 s':
			return { retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 };
		case 'Retry On Fail 5×5 s':
			return { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 };
		case 'Continue On Fail':
			return { continueOnFail: true };
		case 'Continue On Fail + Retry On Fail 3×1 s':
			return { continueOnFail: true, retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 };
	}
}

export function numbers(count: number): string[] {
	return Array.from({ length: count }, (_, index) => `06${String(10_000_000 + index)}`);
}

const international = (phone: string) => `33${phone.slice(1)}`;

export async function runRow(
	account: TestAccount,
	mode: FaultMode,
	size: Size,
	setting: Setting,
): Promise<Row> {
	const recipients = size === 'campaign of 1,000' ? 1000 : 20;
	const phones = numbers(recipients);
	account.sandbox.injectFault(faultFor(mode, setting));
	const started = Date.now();
	const { items, error } = await runAllMySmsChain({
		credentials: account.credentials,
		input: phones.map((phone) => ({ phone })),
		steps: [
			{
				name: 'AllMySMS',
				parameters: {
					resource: 'sms',
					operation: 'sendSms',
					sendMode: size === 'campaign of 1,000' ? 'campaign' : 'perItem',
					phoneNumbers: '={{ $json.phone }}',
					message: 'Votre commande est prête',
					options: NODE_OPTIONS,
				},
				...stepSettings(setting),
			},
		],
	});
	const seconds = (Date.now() - started) / 1000;
	const { state } = account.sandbox;
	const sms = state.campaigns(account.login).flatMap((campaign) => state.smsOfCampaign(campaign));
	const inSandbox = new Map<string, Set<string>>();
	for (const record of sms) {
		const ids = inSandbox.get(record.phoneNumber) ?? new Set<string>();
		ids.add(record.smsId);
		inSandbox.set(record.phoneNumber, ids);
	}
	const output: INodeExecutionData[] = items.AllMySMS ?? [];

	// What the output (or the error that stopped the node) says of each recipient.
	const said = new Map<string, { smsId?: string; outcome?: string }>();
	for (const item of output) {
		const json = item.json;
		const index = (item.pairedItem as { item: number }).item;
		const phone = international(phones[index]);
		if (json.error !== undefined) {
			said.set(phone, { outcome: String(json.outcome ?? 'failed') });
		} else if (json.smsId) {
			said.set(phone, { smsId: String(json.smsId) });
		} else if (Array.isArray(json.smsIds)) {
			for (const entry of json.smsIds as IDataObject[])
				said.set(String(entry.phoneNumber), { smsId: String(entry.smsId) });
		}
	}
	if (error) {
		// The node stopped: its error speaks for the request that failed; later ones were not sent.
		const maybe = /may have been sent/.test(error.message);
		const failedItem = Number(error.context?.itemIndex ?? 0);
		const failedPhones = size === 'campaign of 1,000' ? phones : [phones[failedItem]];
		for (const phone of failedPhones)
			if (!said.has(international(phone)))
				said.set(international(phone), { outcome: maybe ? 'may have been sent' : 'failed' });
		for (const phone of phones)
			if (!said.has(international(phone))) said.set(international(phone), { outcome: 'not sent' });
	}

	let lost = 0;
	let sentButReportedFailed = 0;
	let acceptedWithSmsId = 0;
	let reportedMaybeSent = 0;
	let reportedNotSent = 0;
	for (const phone of phones.map(international)) {
		const report = said.get(phone);
		const ids = inSandbox.get(phone);
		if (report?.smsId) {
			acceptedWithSmsId++;
			if (!ids?.has(report.smsId)) lost++;
		} else if (report?.outcome === 'may have been sent') {
			reportedMaybeSent++;
		} else {
			if (report?.outcome === 'not sent') reportedNotSent++;
			if (ids) sentButReportedFailed++;
		}
	}
	return {
		mode,
		size,
		setting,
		recipients,
		smsInSandbox: sms.length,
		duplicates: sms.length - inSandbox.size,
		lost,
		sentButReportedFailed,
		acceptedWithSmsId,
		reportedMaybeSent,
		reportedNotSent,
		seconds,
	};
}

/** Writes the rows as the README's markdown table (test/exactlyOnce/fault-table.<name>.md, not committed). */
export function writeTable(name: string, rows: Row[]): void {
	const header =
		'| fault | send | n8n setting | SMS in sandbox | duplicates | lost | sent but reported failed | accepted (smsId) | "may have been sent" | "not sent" | s |\n| --- | --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |\n';
	const lines = rows.map(
		(row) =>
			`| ${row.mode} | ${row.size} | ${row.setting} | ${row.smsInSandbox} | ${row.duplicates} | ${row.lost} | ${row.sentButReportedFailed} | ${row.acceptedWithSmsId} | ${row.reportedMaybeSent} | ${row.reportedNotSent} | ${row.seconds.toFixed(1)} |`,
	);
	const dir = join(__dirname, 'out');
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, `fault-table.${name}.md`), header + lines.join('\n') + '\n');
}
