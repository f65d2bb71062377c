/**
 * Phase "examples": every workflow of examples/ runs unchanged against the sandbox in n8n 2.x,
 * as `npm run dev` imports it. The two with a Manual Trigger run through `n8n execute`; the
 * form and the two AllMySMS Trigger examples are activated on a running n8n and fed the way
 * their users' would be (a form submission, a reply, delivery reports).
 */
import { decideCommercialSend } from '../../nodes/AllMySms/shared/rules/commercialHours';
import { nodeOutput, type N8nInstance } from '../../scripts/lib/n8n';
import { N8N_LATEST } from '../../scripts/lib/versions';
import { EXAMPLES_DIR, importable, readWorkflowFiles } from '../../scripts/lib/workflows';
import type { Sandbox } from '../../sandbox';
import {
	api,
	control,
	demoSandbox,
	executionsOf,
	newInstance,
	packageProblems,
	sandboxCredentialFor,
	startMain,
	timed,
	type RunningMain,
} from './support/e2e';
import { campaignsNow, executionIs, questionReaching } from './support/conversation';
import { fakeModelCredential } from './support/agents';
import { startFakeChatModel, type FakeChatModel } from './support/fakeChatModel';
import { waitFor } from '../../scripts/lib/processes';

const examples = readWorkflowFiles(EXAMPLES_DIR);
const byId = (id: string) => {
	const example = examples.find((workflow) => workflow.id === id);
	if (!example) throw new Error(`no example with id ${id} in ${EXAMPLES_DIR}`);
	return { ...example, id };
};

let sandbox: Sandbox;
let instance: N8nInstance;
let running: RunningMain;

/** Every SMS the demo account sent, as the sandbox recorded it. */
function sentSms(): Array<{
	campaign: string;
	phoneNumber: string;
	message: string;
	sender: string;
}> {
	const { campaigns } = sandbox.state.snapshot('demo') as {
		campaigns: Array<{
			name: string;
			sms: Array<{ phoneNumber: string; message: string; sender: string }>;
		}>;
	};
	return campaigns.flatMap((campaign) =>
		campaign.sms.map(({ phoneNumber, message, sender }) => ({
			campaign: campaign.name,
			phoneNumber,
			message,
			sender,
		})),
	);
}

/** libfaketime (Debian's faketime package, installed by .ci/run), for n8n processes at a fixed clock. */
const FAKETIME_LIBRARY = '/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1';

/** The status ("sent", "programmed"…) and sending date (French time) of the demo account's campaign of that name. */
function campaignOf(name: string): { status: string; sendingDate: string } | undefined {
	const { campaigns } = sandbox.state.snapshot('demo') as {
		campaigns: Array<{ name: string; status: string; sendingDate: string }>;
	};
	return campaigns.find((campaign) => campaign.name === name);
}

/** Today in Paris, as YYYY-MM-DD. */
function todayInParis(): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Paris',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
	}).format(new Date());
}

/** Sends one SMS per number as the demo account; returns the smsIds in order. */
async function sendTo(...numbers: string[]): Promise<string[]> {
	const answer = (await api(sandbox, 'sendSms', {
		smsData: JSON.stringify({
			DATA: {
				MESSAGE: 'Votre commande est expédiée.',
				SMS: numbers.map((number) => ({ MOBILEPHONE: number })),
			},
		}),
	})) as { smsIds: Array<{ smsId: string }> };
	return answer.smsIds.map(({ smsId }) => smsId);
}

let model: FakeChatModel;

beforeAll(async () => {
	sandbox = await demoSandbox();
	model = await startFakeChatModel();
	instance = await newInstance(N8N_LATEST, 'examples');
	await timed('import the sandbox credential and the examples', async () => {
		// The assistant example's chat model credential, here the scripted fake model.
		await instance.importCredentials([
			sandboxCredentialFor(sandbox),
			fakeModelCredential(model.url, { id: 'AllMySmsExOpenAi', name: 'OpenAI' }),
		]);
		await instance.importWorkflows(examples.map(importable));
	});
});

afterAll(async () => {
	await model?.close();
	await instance?.stopAll();
	await sandbox?.close();
});

describe('run from their Manual Trigger (n8n execute)', () => {
	test('personalised campaign: one campaign, each contact gets their own text', async () => {
		const result = await timed('n8n execute personalised-campaign.json', () =>
			instance.execute('AllMySmsExCampaign'),
		);
		if (!result.ok || !result.run) throw new Error(result.output.slice(-4000));
		const items = nodeOutput(result.run, 'Send Campaign');
		expect(items).toHaveLength(3);
		expect(new Set(items.map((item) => item.campaignId)).size).toBe(1);
		expect(sentSms()).toEqual([
			{
				campaign: 'Spring sale',
				phoneNumber: '33639980001',
				sender: 'MyShop',
				message: 'Hi Camille, 20% off at our Lyon shop with the code CAM20. STOP au 36180',
			},
			{
				campaign: 'Spring sale',
				phoneNumber: '33639980002',
				sender: 'MyShop',
				message: 'Hi Léa, 20% off at our Nantes shop with the code LEA20. STOP au 36180',
			},
			{
				campaign: 'Spring sale',
				phoneNumber: '32470123456',
				sender: 'MyShop',
				message: 'Hi Noah, 20% off at our Bruxelles shop with the code NOA20. STOP au 36180',
			},
		]);
	});

	test('nightly report: today’s campaign statistics summed up and sent by SMS', async () => {
		const result = await timed('n8n execute nightly-campaign-report.json', () =>
			instance.execute('AllMySmsExReport'),
		);
		if (!result.ok || !result.run) throw new Error(result.output.slice(-4000));
		// The personalised campaign is commercial: outside the French sending hours it was scheduled
		// for 08:00 on the next allowed day. When that day is not today (in Paris), today has no
		// campaign and there is nothing to report; between midnight and 08:00 it is today's.
		const spring = campaignOf('Spring sale');
		if (spring?.status === 'programmed' && !spring.sendingDate.startsWith(todayInParis())) {
			expect(sentSms().filter((sms) => sms.campaign === 'Nightly report')).toEqual([]);
			return;
		}
		expect(nodeOutput(result.run, 'Totals')).toEqual([
			expect.objectContaining({ count_campaignId: 1, sum_nbSms: 3 }),
		]);
		const report = sentSms().filter((sms) => sms.campaign === 'Nightly report');
		expect(report).toEqual([
			expect.objectContaining({
				phoneNumber: '33639980099',
				message: expect.stringMatching(
					/^SMS report for \d\d\/\d\d: 1 campaign\(s\), 3 SMS, 0 delivered, 0 not delivered, 3 pending, 0 replies\.$/,
				),
			}),
		]);
	});
});

/** The campaigns of that name, oldest first. */
function campaignsNamed(name: string): Array<{ status: string; sendingDate: string }> {
	const { campaigns } = sandbox.state.snapshot('demo') as {
		campaigns: Array<{ name: string; status: string; sendingDate: string }>;
	};
	return campaigns.filter((campaign) => campaign.name === name);
}

/**
 * What the node's commercial-hours rule makes of the nightly promo (a campaign to two mainland
 * numbers and a Belgian one, Outside Allowed Hours: Schedule) at `now`: sent now, or scheduled.
 */
function expectedNightlyPromo(
	now: Date,
): { status: 'sent' } | { status: 'programmed'; sendingDate: string } {
	const decision = decideCommercialSend({
		messageType: 'commercial',
		outsideAllowedHours: 'schedule',
		now,
		numbers: ['33639980021', '33639980022', '32470123457'],
	});
	if (decision.action === 'send') return { status: 'sent' };
	if (decision.action === 'schedule')
		return {
			status: 'programmed',
			sendingDate: decision.sendAt.setZone('Europe/Paris').toFormat('yyyy-LL-dd HH:mm:ss'),
		};
	throw new Error('the nightly promo schedules, it never refuses');
}

/** Runs the nightly promo; `faketime` (libfaketime's FAKETIME) fixes the clock of that n8n process. */
async function runNightlyPromo(
	faketime?: string,
): Promise<{ status: string; sendingDate: string }> {
	const env = faketime
		? { LD_PRELOAD: FAKETIME_LIBRARY, FAKETIME: faketime, FAKETIME_NO_CACHE: '1' }
		: undefined;
	const before = campaignsNamed('Nightly promo').length;
	const result = await timed(
		`n8n execute nightly-promo-campaign.json${faketime ? ` at ${faketime}` : ''}`,
		() => instance.execute('AllMySmsExNightlyPromo', { env }),
	);
	if (!result.ok || !result.run) throw new Error(result.output.slice(-4000));
	expect(nodeOutput(result.run, 'Send Promo')).toHaveLength(3);
	const added = campaignsNamed('Nightly promo').slice(before);
	expect(added).toHaveLength(1);
	return added[0];
}

describe('the sending rules', () => {
	test('nightly promo at the real hour: the outcome the rule gives for this very hour, "STOP au 36180" added', async () => {
		const before = new Date();
		const campaign = await runNightlyPromo();
		const after = new Date();
		const expected = expectedNightlyPromo(before);
		// Only when 08:00 or 20:00 Paris came between the two readings can either be right.
		if (JSON.stringify(expectedNightlyPromo(after)) === JSON.stringify(expected))
			expect(campaign).toEqual(expect.objectContaining(expected));
		expect(
			sentSms()
				.filter((sms) => sms.campaign === 'Nightly promo')
				.slice(-3),
		).toEqual([
			{
				campaign: 'Nightly promo',
				phoneNumber: '33639980021',
				sender: 'MyShop',
				message: 'Hi Camille, today only: 15% off online with the code NIGHT-CAM. STOP au 36180',
			},
			{
				campaign: 'Nightly promo',
				phoneNumber: '33639980022',
				sender: 'MyShop',
				message: 'Hi Léa, today only: 15% off online with the code NIGHT-LEA. STOP au 36180',
			},
			{
				campaign: 'Nightly promo',
				phoneNumber: '32470123457',
				sender: 'MyShop',
				message: 'Hi Noah, today only: 15% off online with the code NIGHT-NOA. STOP au 36180',
			},
		]);
	});

	test('nightly promo at a fixed clock, Saturday 21:00 in Paris: scheduled for Monday 08:00', async () => {
		// libfaketime reads the date in the process's zone: UTC here (20:00 UTC is 21:00 in Paris in March).
		expect(await runNightlyPromo('@2027-03-06 20:00:00')).toEqual(
			expect.objectContaining({ status: 'programmed', sendingDate: '2027-03-08 08:00:00' }),
		);
	});

	test('nightly promo at a fixed clock, Tuesday 10:00 in Paris: sent now', async () => {
		expect(await runNightlyPromo('@2027-03-09 09:00:00')).toEqual(
			expect.objectContaining({ status: 'sent' }),
		);
	});
});

describe('activated on a running n8n', () => {
	beforeAll(async () => {
		running = await timed('n8n start → ready, owner signed in', () => startMain(instance));
	});

	test('send from a form: a submission sends its message to its number', async () => {
		const example = byId('AllMySmsExForm');
		await timed('activate send-sms-from-form.json', () => running.rest.activate(example.id));
		const webhookId = example.nodes.find((node) => node.type === 'n8n-nodes-base.formTrigger')
			?.webhookId as string;
		const form = new FormData();
		form.set('field-0', '06 39 98 00 42');
		form.set('field-1', 'Votre commande n°1042 est prête.');
		const response = await fetch(`${running.url}/form/${webhookId}`, {
			method: 'POST',
			body: form,
		});
		expect(response.status).toBe(200);
		await executionsOf(running.rest, example.id, 1);
		expect(sentSms().filter((sms) => sms.campaign === 'Form')).toEqual([
			expect.objectContaining({
				phoneNumber: '33639980042',
				message: 'Votre commande n°1042 est prête.',
			}),
		]);
	});

	test('auto-reply: a reply gets an answer quoting it', async () => {
		const example = byId('AllMySmsExAutoReply');
		await timed('activate auto-reply.json', () => running.rest.activate(example.id));
		const [smsId] = await sendTo('0639980005');
		await control(sandbox, 'POST', `/sms/${smsId}/replies`, { message: 'YES' });
		await executionsOf(running.rest, example.id, 1);
		expect(sentSms().filter((sms) => sms.campaign === 'Auto-reply')).toEqual([
			expect.objectContaining({
				phoneNumber: '33639980005',
				message: 'Thank you for your reply "YES". An adviser will call you back within 24 hours.',
			}),
		]);
	});

	test('undelivered alert: a failed delivery raises an alert, a delivered SMS does not', async () => {
		const example = byId('AllMySmsExUndelivered');
		await timed('activate undelivered-alert.json', () => running.rest.activate(example.id));
		const [delivered, failed] = await sendTo('0639980006', '0639980007');
		await control(sandbox, 'POST', `/sms/${delivered}/ack`, { status: 1 });
		await control(sandbox, 'POST', `/sms/${failed}/ack`, { status: 2 });
		await sandbox.webhooks.settled();
		const executions = await executionsOf(running.rest, example.id, 1);
		expect(nodeOutput(executions[0], 'On Undelivered SMS')).toEqual([
			expect.objectContaining({ event: 'dlr', smsId: failed, status: 2 }),
		]);
		expect(sentSms().filter((sms) => sms.campaign === 'Alerts')).toEqual([
			expect.objectContaining({
				phoneNumber: '33639980099',
				message: expect.stringMatching(/^SMS not delivered to \+33639980007 \(campaign \w+\): .+$/),
			}),
		]);
		// Both reports reached n8n; only the failed one started the workflow.
		expect(
			sandbox.webhooks.calls
				.filter((call) => call.kind === 'dlr')
				.map((call) => [call.params.smsId, call.body.trim()]),
		).toEqual([
			[delivered, 'OK'],
			[failed, 'OK'],
		]);
		expect((await running.rest.executions(example.id)).length).toBe(1);
	});

	test('appointment confirmation: the form asks by SMS, "OUI" resumes the waiting execution down Confirmed, "NON" down Declined', async () => {
		const example = byId('AllMySmsExAppoint');
		// It holds its own AllMySMS Trigger on replies, which takes over the account's reply URL.
		await timed('activate appointment-confirmation.json', () => running.rest.activate(example.id));
		const webhookId = example.nodes.find((node) => node.type === 'n8n-nodes-base.formTrigger')
			?.webhookId as string;
		for (const [phone, reply, branch] of [
			['06 39 98 00 61', 'OUI', 'Confirmed'],
			['06 39 98 00 62', 'Non.', 'Declined'],
		] as const) {
			const known = campaignsNow(sandbox);
			const form = new FormData();
			form.set('field-0', phone);
			form.set('field-1', 'Tuesday 10:00');
			const response = await fetch(`${running.url}/form/${webhookId}`, {
				method: 'POST',
				body: form,
			});
			expect(response.status).toBe(200);
			const question = await questionReaching(sandbox, known, (message) =>
				message.startsWith('Your appointment: Tuesday 10:00.'),
			);
			await executionIs(running.rest, question.executionId, 'waiting');
			await control(sandbox, 'POST', `/sms/${question.smsId}/replies`, { message: reply });
			const execution = await executionIs(running.rest, question.executionId, 'success');
			const ran = Object.keys(execution.data.resultData.runData);
			expect(ran).toContain(branch);
			expect(ran.filter((name) => ['Confirmed', 'Declined', 'No answer'].includes(name))).toEqual([
				branch,
			]);
		}
	});

	test('assistant by SMS: a text gets the AI Agent’s answer by SMS, with a memory per phone number', async () => {
		const example = byId('AllMySmsExAssist');
		await timed('activate assistant-by-sms.json', () => running.rest.activate(example.id));
		model.script((request) => {
			const asked = request.messages.filter((message) => message.role === 'user').length;
			return { text: `Answer ${asked}: yes, we open on Sunday from 10:00 to 13:00.` };
		});
		const [first, other] = await sendTo('0639980071', '0639980072');
		const answers = () => sentSms().filter((sms) => sms.campaign === 'Assistant');
		await control(sandbox, 'POST', `/sms/${first}/replies`, { message: 'Are you open on Sunday?' });
		await waitFor('the first answer', () => answers().length === 1, 30_000);
		await control(sandbox, 'POST', `/sms/${first}/replies`, { message: 'And on Monday?' });
		await waitFor('the second answer', () => answers().length === 2, 30_000);
		await control(sandbox, 'POST', `/sms/${other}/replies`, { message: 'Hello?' });
		await waitFor('the third answer', () => answers().length === 3, 30_000);
		// The same number's second text comes with its first exchange; another number starts afresh.
		expect(answers()).toEqual([
			expect.objectContaining({
				phoneNumber: '33639980071',
				message: expect.stringMatching(/^Answer 1:/),
			}),
			expect.objectContaining({
				phoneNumber: '33639980071',
				message: expect.stringMatching(/^Answer 2:/),
			}),
			expect.objectContaining({
				phoneNumber: '33639980072',
				message: expect.stringMatching(/^Answer 1:/),
			}),
		]);
		await running.rest.deactivate(example.id);
	});

	test('n8n logged no error or warning about the package', () => {
		expect(packageProblems(running.main.log())).toEqual([]);
	});
});
