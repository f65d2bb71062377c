/** The account page a person opens from `npm run dev`: what the sandbox "delivered", in words. */
import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ port: 0 });
	sandbox.state.createAccount({ login: 'demo', apiKey: 'demo-key', credits: 1000 });
	const form = new URLSearchParams({
		login: 'demo',
		apiKey: 'demo-key',
		smsData: JSON.stringify({
			DATA: { MESSAGE: 'Your table is <ready>', SMS: [{ MOBILEPHONE: '0612345678' }] },
		}),
	});
	await fetch(`${sandbox.baseUrl}/sendSms/`, { method: 'POST', body: form });
});
afterAll(async () => await sandbox.close());

test('a browser gets a page with each SMS, its text, its delivery and its smsId', async () => {
	const answer = await fetch(`${sandbox.url}/_sandbox/accounts/demo`, {
		headers: { accept: 'text/html,*/*' },
	});
	expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
	const page = await answer.text();
	const [campaign] = sandbox.state.campaigns('demo');
	const [sms] = sandbox.state.smsOfCampaign(campaign);
	expect(page).toContain('+33612345678');
	expect(page).toContain('Your table is &#60;ready&#62;');
	expect(page).toContain(sms.smsId);
	expect(page).toMatch(/sent to the operator, no report yet|delivered/);
	expect(page).not.toContain('demo-key');
});

test('anything else still gets the JSON', async () => {
	const answer = await fetch(`${sandbox.url}/_sandbox/accounts/demo`);
	expect(answer.headers.get('content-type')).toMatch(/json/);
	expect(((await answer.json()) as { login: string }).login).toBe('demo');
});
