/** What the "conversation" and "queue" phases do with Send and Wait for a Reply: ask, answer, wait. */
import { nodeOutput, type N8nRest } from '../../../scripts/lib/n8n';
import { waitFor } from '../../../scripts/lib/processes';
import { ASK_NODE, DEMO_LOGIN } from '../../../scripts/lib/workflows';
import type { Sandbox } from '../../../sandbox';
import { control } from './e2e';

export interface Question {
	smsId: string;
	campaignId: string;
	executionId: string;
}

/**
 * POSTs a question to the ask workflow's webhook (`webhookUrl`), and returns the SMS the sandbox
 * received for it and the execution that waits, read from the SMS's CLIMSGID.
 */
export async function ask(
	sandbox: Sandbox,
	webhookUrl: string,
	body: { phone: string; message: string; limitSeconds?: number },
): Promise<Question> {
	const known = campaignsNow(sandbox);
	const response = await fetch(webhookUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`ask: HTTP ${response.status} ${await response.text()}`);
	return await questionReaching(sandbox, known, (message) => message === body.message);
}

/** The ids of the campaigns the sandbox holds now, to tell the next question apart. */
export function campaignsNow(sandbox: Sandbox): Set<string> {
	return new Set(sandbox.state.campaigns(DEMO_LOGIN).map((campaign) => campaign.id));
}

/** Waits for a new Send and Wait question whose text passes `matches`. */
export async function questionReaching(
	sandbox: Sandbox,
	known: Set<string>,
	matches: (message: string) => boolean,
	timeoutMs = 30_000,
): Promise<Question> {
	const campaign = await waitFor(
		'the question to reach AllMySMS',
		() =>
			sandbox.state
				.campaigns(DEMO_LOGIN)
				.find(
					(candidate) =>
						!known.has(candidate.id) &&
						matches(candidate.message) &&
						candidate.cliMsgId?.startsWith('n8nwait:'),
				),
		timeoutMs,
		100,
	);
	return {
		smsId: campaign.smsIds[0],
		campaignId: campaign.id,
		executionId: String(campaign.cliMsgId).split(':')[1],
	};
}

/** A contact's answer, pushed by the sandbox to the account's replies URL (the trigger). */
export async function answer(sandbox: Sandbox, smsId: string, message: string): Promise<void> {
	await control(sandbox, 'POST', `/sms/${smsId}/replies`, { message });
}

/** Waits until the execution is `status` (waiting, success…) and returns it. */
export async function executionIs(
	rest: N8nRest,
	executionId: string,
	status: string | string[],
	timeoutMs = 30_000,
) {
	const wanted = Array.isArray(status) ? status : [status];
	return await waitFor(
		`execution ${executionId} to be ${wanted.join(' or ')}`,
		async () => {
			const execution = await rest.execution(executionId);
			return wanted.includes(execution.status) ? execution : undefined;
		},
		timeoutMs,
		200,
	);
}

/** The Ask node's output in a finished execution. */
export async function answered(rest: N8nRest, executionId: string) {
	const execution = await executionIs(rest, executionId, ['success', 'error']);
	return { status: execution.status, output: nodeOutput(execution, ASK_NODE) };
}
