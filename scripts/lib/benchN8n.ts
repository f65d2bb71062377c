/** What the benchmarks that need a running n8n share: `n8n start` on loopback, owner signed in. */
import { N8nRest, type N8nInstance, type N8nProcess } from './n8n';
import { freePort } from './processes';

export interface RunningBenchN8n {
	/** http://127.0.0.1:PORT, also its webhooks' public URL. */
	base: string;
	main: N8nProcess;
	rest: N8nRest;
}

/** Starts n8n on a free loopback port with `env` added (N8N_EXPRESSION_ENGINE…), and signs in. */
export async function startBenchN8n(
	instance: N8nInstance,
	env: Record<string, string> = {},
): Promise<RunningBenchN8n> {
	const port = await freePort();
	const base = `http://127.0.0.1:${port}`;
	const main = await instance.spawn('start', {
		port,
		env: { N8N_LISTEN_ADDRESS: '127.0.0.1', ...instance.webhookUrlEnv(`${base}/`), ...env },
	});
	try {
		const rest = new N8nRest(base, instance.major);
		await rest.signIn();
		return { base, main, rest };
	} catch (error) {
		await main.stop();
		throw error;
	}
}
