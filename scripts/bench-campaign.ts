/**
 * Benchmark: one campaign for N input items (one recipient each, two personal parameters),
 * run through n8n's engine against the in-process sandbox. Prints time, requests, memory.
 *
 *   npm run bench -- 100000 5000      # recipients, recipients per request
 */
// First: n8n-core writes its settings into N8N_USER_FOLDER as soon as it loads.
import '../test/setup/env';
import { runAllMySmsNode } from '../test/helpers/n8n';
import { sandboxWithAccount } from '../test/helpers/sandbox';

async function main(): Promise<void> {
	const recipients = Number(process.argv[2] ?? 100_000);
	const perRequest = Number(process.argv[3] ?? 5000);
	const account = await sandboxWithAccount({ credits: recipients * 100 });
	const input = Array.from({ length: recipients }, (_, index) => ({
		phone: `06${String(10_000_000 + index).padStart(8, '0')}`,
		name: `Customer ${index}`,
		code: `C${index}`,
	}));

	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
	}, 50);
	const started = process.hrtime.bigint();
	const { items, error } = await runAllMySmsNode({
		credentials: account.credentials,
		input,
		parameters: {
			resource: 'sms',
			operation: 'sendSms',
			sendMode: 'campaign',
			// A code: transactional, so that the bench does not depend on the hour it runs at.
			messageCategory: 'transactional',
			phoneNumbers: '={{ $json.phone }}',
			message: 'Hello #param_1#, your code is #param_2#',
			messageParameters: {
				parameter: [{ value: '={{ $json.name }}' }, { value: '={{ $json.code }}' }],
			},
			options: { recipientsPerRequest: perRequest },
		},
	});
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	clearInterval(sampler);

	const sends = account.sandbox.requests.filter((request) => request.apiMethod === 'sendSms');
	const withSmsId = items.filter((item) => typeof item.json.smsId === 'string').length;
	console.log(
		JSON.stringify(
			{
				recipients,
				recipientsPerRequest: perRequest,
				error: error?.message ?? null,
				requests: sends.length,
				largestRequestBytes: Math.max(
					...sends.map((request) => Buffer.byteLength(request.form.smsData ?? '')),
				),
				outputItems: items.length,
				itemsWithSmsId: withSmsId,
				seconds: Math.round(seconds * 100) / 100,
				recipientsPerSecond: Math.round(recipients / seconds),
				peakRssMiB: Math.round(peakRss / 2 ** 20),
			},
			null,
			2,
		),
	);
	await account.sandbox.close();
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
