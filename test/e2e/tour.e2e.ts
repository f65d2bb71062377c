/**
 * Phase "tour": the README's "Try it in 2 minutes", step by step, at a Sunday-evening clock and
 * at a Tuesday-morning clock. n8n runs under Debian's faketime (its expression engine and its
 * isolates included: a Date shim inside one process would not reach them); the sandbox, in this
 * process, gets the same clock as its own. Both tours must end with the auto-reply sent: the
 * commercial campaign of step 2 is scheduled on Sunday evening and sent on Tuesday morning, and
 * says so; the SMS answered in step 4 is transactional and goes at any hour.
 *
 * The README's clicks are done the way n8n does them: "Execute workflow" of a Manual Trigger is
 * `n8n execute`, "publish" is the REST call the editor makes, the form is submitted by POST.
 */
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { nodeOutput, type N8nInstance } from '../../scripts/lib/n8n';
import { N8N_LATEST } from '../../scripts/lib/versions';
import { EXAMPLES_DIR, importable, readWorkflowFiles } from '../../scripts/lib/workflows';
import {
	control,
	executionsOf,
	newInstance,
	sandboxCredentialFor,
	startMain,
	timed,
	type RunningMain,
} from './support/e2e';

/** libfaketime (Debian's faketime package, installed by .ci/run). */
const FAKETIME_LIBRARY = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

const examples = readWorkflowFiles(EXAMPLES_DIR);
const byId = (id: string) => {
	const example = examples.find((workflow) => workflow.id === id);
	if (!example) throw new Error(`no example with id ${id} in ${EXAMPLES_DIR}`);
	return { ...example, id };
};

interface Clock {
	label: string;
	/** FAKETIME's start, read in UTC (the n8n processes' zone). */
	faketime: string;
	/** The same instant. */
	start: string;
	campaign: { outcome: 'sent' } | { outcome: 'scheduled'; scheduledFor: string };
}

const CLOCKS: Clock[] = [
	{
		label: 'Sunday 21:00 in Paris',
		faketime: '@2027-03-07 20:00:00',
		start: '2027-03-07T21:00:00+01:00',
		campaign: { outcome: 'scheduled', scheduledFor: '2027-03-08T08:00:00+01:00' },
	},
	{
		label: 'Tuesday 10:00 in Paris',
		faketime: '@2027-03-09 09:00:00',
		start: '2027-03-09T10:00:00+01:00',
		campaign: { outcome: 'sent' },
	},
];

describe.each(CLOCKS)('the README tour at $label', (clock) => {
	const env = { LD_PRELOAD: FAKETIME_LIBRARY, FAKETIME: clock.faketime, TZ: 'UTC' };
	let sandbox: Sandbox;
	let instance: N8nInstance;
	let running: RunningMain | undefined;
	let campaignSmsId = '';

	beforeAll(async () => {
		const offset = Date.parse(clock.start) - Date.now();
		sandbox = await startSandbox({
			port: 0,
			host: '127.0.0.1',
			seedDemo: true,
			now: () => new Date(Date.now() + offset),
		});
		instance = await newInstance(N8N_LATEST, `tour-${clock.faketime.slice(1, 11)}`);
		await instance.importCredentials([sandboxCredentialFor(sandbox)]);
		await instance.importWorkflows(examples.map(importable));
	});

	afterAll(async () => {
		await instance?.stopAll();
		await sandbox?.close();
	});

	test('step 2: the personalised campaign goes to three contacts, and each item says whether it was sent or scheduled', async () => {
		const result = await timed(`tour at ${clock.label}: Execute workflow`, () =>
			instance.execute('AllMySmsExCampaign', { env }),
		);
		if (!result.ok || !result.run) throw new Error(result.output.slice(-4000));
		const items = nodeOutput(result.run, 'Send Campaign');
		expect(items).toHaveLength(3);
		for (const item of items) expect(item).toEqual(expect.objectContaining(clock.campaign));
		if (clock.campaign.outcome === 'sent')
			for (const item of items) expect(item).not.toHaveProperty('scheduledFor');
		campaignSmsId = String(items[0].smsId);
		expect(campaignSmsId).toMatch(/\w/);
	});

	test('step 3: the sandbox page lists what it "delivered" or holds, with the texts', async () => {
		const page = await (
			await fetch(`${sandbox.url}/_sandbox/accounts/demo`, { headers: { accept: 'text/html' } })
		).text();
		expect(page).toContain(
			'Hi Camille, 20% off at our Lyon shop with the code CAM20. STOP au 36180',
		);
		expect(page).toContain(campaignSmsId);
		expect(page).toMatch(
			clock.campaign.outcome === 'scheduled'
				? /scheduled, not sent yet/
				: /sent to the operator|delivered/,
		);
	});

	test('step 4: publish the auto-reply, send yourself an SMS from the form, answer it: the auto-reply goes out', async () => {
		running = await timed(`tour at ${clock.label}: n8n start`, () => startMain(instance, env));
		const autoReply = byId('AllMySmsExAutoReply');
		const form = byId('AllMySmsExForm');
		await running.rest.activate(autoReply.id);
		await running.rest.activate(form.id);
		const webhookId = form.nodes.find((node) => node.type === 'n8n-nodes-base.formTrigger')
			?.webhookId as string;
		const submission = new FormData();
		submission.set('field-0', '06 39 98 00 77');
		submission.set('field-1', 'Your order is ready.');
		expect(
			(await fetch(`${running.url}/form/${webhookId}`, { method: 'POST', body: submission }))
				.status,
		).toBe(200);
		const [sent] = await executionsOf(running.rest, form.id, 1);
		// Where the README says the smsId is: the Send SMS node's output, smsIds[0].smsId.
		const [output] = nodeOutput(sent, 'Send SMS');
		const smsId = String((output.smsIds as Array<{ smsId: string }>)[0].smsId);
		expect(output.outcome).toBe('sent');

		await control(sandbox, 'POST', `/sms/${smsId}/replies`, { message: 'YES' });
		await executionsOf(running.rest, autoReply.id, 1);
		const { campaigns } = sandbox.state.snapshot('demo') as {
			campaigns: Array<{ name: string; sms: Array<{ phoneNumber: string; message: string }> }>;
		};
		expect(
			campaigns
				.filter((campaign) => campaign.name === 'Auto-reply')
				.flatMap((campaign) => campaign.sms),
		).toEqual([
			expect.objectContaining({
				phoneNumber: '33639980077',
				message: 'Thank you for your reply "YES". An adviser will call you back within 24 hours.',
			}),
		]);
	});
});
