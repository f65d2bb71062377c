import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';
import { pollOnce } from '../helpers/trigger';

/**
 * The AllMySMS Polling Trigger (getPulls, manual 14): replies for an n8n that AllMySMS cannot
 * reach. Polls run as n8n's poll job runs them; "Fetch Test Event" as a manual run.
 */

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await account.sandbox.close();
});

/** A campaign of one SMS to 33611223344, and replies to it. */
function repliesTo(messages: string[]) {
	const [campaign] = account.sandbox.state.seedCampaigns(account.login, 1, {
		phoneNumbers: ['33611223344'],
	});
	const replies = messages.map((message) =>
		account.sandbox.state.addReply(campaign.smsIds[0], message),
	);
	return { campaign, replies };
}

test('a poll emits every new reply, once, in the same shape as the webhook trigger', async () => {
	const { campaign, replies } = repliesTo(['Oui', 'Non merci']);
	const first = await pollOnce({ credentials: account.credentials, mode: 'trigger' });
	expect(first.error).toBeUndefined();
	expect(first.items?.map((item) => item.json)).toEqual(
		[replies[1], replies[0]].map((reply) => ({
			event: 'mo',
			smsId: null, // getPulls does not say which SMS was answered
			smsMoId: reply.id,
			receptionDate: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
			phoneNumber: '33611223344',
			campaignId: campaign.id,
			message: reply.message,
		})),
	);
	expect(requestsTo(account.sandbox, 'getPulls')[0].form).toEqual(
		expect.objectContaining({ limit: '1000' }),
	);

	const second = await pollOnce({ credentials: account.credentials, mode: 'trigger' });
	expect(second.items).toBeNull(); // nothing new: no run
	repliesTo(['Encore moi']);
	expect(
		(await pollOnce({ credentials: account.credentials, mode: 'trigger' })).items?.map(
			(item) => item.json.message,
		),
	).toEqual(['Encore moi']);
});

test('more than a page of replies: pages of 1,000 until a short one, all in one run', async () => {
	repliesTo(Array.from({ length: 1500 }, (_, index) => `reply ${index}`));
	const { items } = await pollOnce({ credentials: account.credentials, mode: 'trigger' });
	expect(items).toHaveLength(1500);
	expect(new Set(items?.map((item) => item.json.smsMoId)).size).toBe(1500);
	expect(requestsTo(account.sandbox, 'getPulls')).toHaveLength(2);
});

test('when a later page fails, the replies already taken from AllMySMS are emitted; the rest comes next time', async () => {
	repliesTo(Array.from({ length: 1200 }, (_, index) => `reply ${index}`));
	// The first getPulls is held 300 ms; meanwhile the second one is set to fail.
	account.sandbox.injectFault({ apiMethod: 'getPulls', delayMs: 300 });
	const failLater = new Promise((resolve) => setTimeout(resolve, 100)).then(() =>
		// getPulls is never asked again after an answer that may have handed replies out.
		account.sandbox.injectFault({
			apiMethod: 'getPulls',
			httpStatus: 502,
			body: '<html>Bad Gateway</html>',
		}),
	);
	const first = await pollOnce({ credentials: account.credentials, mode: 'trigger' });
	await failLater;
	expect(first.error).toBeUndefined();
	expect(first.items).toHaveLength(1000);
	const next = await pollOnce({ credentials: account.credentials, mode: 'trigger' });
	expect(next.items).toHaveLength(200);
});

test('a poll whose first request fails is an error, not asked again, and loses nothing AllMySMS did not hand out', async () => {
	repliesTo(['Oui']);
	account.sandbox.injectFault({
		apiMethod: 'getPulls',
		httpStatus: 502,
		body: '<html>Bad Gateway</html>',
	});
	const failed = await pollOnce({ credentials: account.credentials, mode: 'trigger' });
	expect(failed.error?.message).toBe('AllMySMS answered with HTTP 502 Bad Gateway');
	expect((failed.error as Error & { description?: string }).description).toContain(
		'Reply → Get by SMS ID',
	);
	expect(requestsTo(account.sandbox, 'getPulls')).toHaveLength(1);
	expect(
		(await pollOnce({ credentials: account.credentials, mode: 'trigger' })).items,
	).toHaveLength(1);
});

test('"Fetch Test Event" shows real replies without taking them: the active workflow still gets them', async () => {
	const { campaign } = repliesTo(['Oui', 'Non']);
	const preview = await pollOnce({ credentials: account.credentials, mode: 'manual' });
	expect(preview.error).toBeUndefined();
	expect(
		preview.items?.map((item) => [item.json.event, item.json.campaignId, item.json.message]),
	).toEqual(
		expect.arrayContaining([
			['mo', campaign.id, 'Oui'],
			['mo', campaign.id, 'Non'],
		]),
	);
	expect(requestsTo(account.sandbox, 'getPulls')).toEqual([]);
	expect(requestsTo(account.sandbox, 'getPull')[0].form).toEqual(
		expect.objectContaining({ campId: campaign.id }),
	);
	expect(
		(await pollOnce({ credentials: account.credentials, mode: 'trigger' })).items,
	).toHaveLength(2);
});

test('"Fetch Test Event" without any reply says why', async () => {
	account.sandbox.state.seedCampaigns(account.login, 2);
	const { error } = await pollOnce({ credentials: account.credentials, mode: 'manual' });
	expect(error?.message).toBe('No reply to your campaigns of the last 7 days');
});
