/**
 * Standalone sandbox: `npm run sandbox` (builds with tsconfig.dev.json, runs build/sandbox/cli.js).
 * Listens on 127.0.0.1:$PORT (default 8787) with the demo account seeded.
 */
import { DEMO_ACCOUNT, startSandbox } from './index';

async function main(): Promise<void> {
	const port = Number.parseInt(process.env.PORT ?? '8787', 10);
	if (!Number.isInteger(port) || port < 0 || port > 65535)
		throw new Error(`invalid PORT ${process.env.PORT}`);
	const sandbox = await startSandbox({ port, host: '127.0.0.1', seedDemo: true });
	process.stdout.write(
		[
			`AllMySMS sandbox listening on ${sandbox.url}`,
			`  base URL     ${sandbox.baseUrl}`,
			`  login        ${DEMO_ACCOUNT.login}`,
			`  apiKey       ${DEMO_ACCOUNT.apiKey}   (${DEMO_ACCOUNT.credits} credits)`,
			`  sub-account  ${DEMO_ACCOUNT.subAccount.login}   (${DEMO_ACCOUNT.subAccount.credits} credits, header Allmysms-Subaccount)`,
			`  control API  ${sandbox.url}/_sandbox/requests | /_sandbox/faults | /_sandbox/accounts/<login> | /_sandbox/webhook-calls | /_sandbox/reset`,
			`  events       POST /_sandbox/sms/<smsId>/ack | /_sandbox/sms/<smsId>/replies (pushed to the registered webhooks)`,
			'',
		].join('\n'),
	);
	let closing = false;
	const stop = (signal: NodeJS.Signals): void => {
		if (closing) return;
		closing = true;
		process.stdout.write(`\n${signal} received, closing the sandbox\n`);
		sandbox.close().then(
			() => process.exit(0),
			(error: unknown) => {
				process.stderr.write(`${String(error)}\n`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
