import type { FaultStatus, RecordedRequest } from '../../sandbox';
import { API_KEY, LOGIN, post, sendJson, startTestSandbox, type TestSandbox } from './helpers';

/** Injected faults (sandbox/faults.ts): what the client receives, and what the sandbox holds. */
describe('faults', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await startTestSandbox();
	});
	afterEach(async () => {
		await t.sandbox.close();
	});
	const data = { MESSAGE: 'Hello', SMS: [{ MOBILEPHONE: '0612345678' }] };
	const unique = (id: string) => ({ ...data, UNIQUEIDENTIFIER: id });
	const campaigns = () => t.sandbox.state.campaigns(LOGIN);
	const credits = () => t.sandbox.state.account(LOGIN).credits;
	const lastRequest = () => t.sandbox.requests.at(-1) as RecordedRequest;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	const control = async (
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; json: any }> => {
		const response = await fetch(`${t.sandbox.url}/_sandbox${path}`, {
			method,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return { status: response.status, json: await response.json() };
	};
	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	describe('before the work: nothing is created', () => {
		it('htmlErrorPage: a proxy page (default 502), no SMS, no credit taken, the identifier still free', async () => {
			t.sandbox.injectFault({ mode: 'htmlErrorPage', apiMethod: 'sendSms' });
			const answer = await sendJson(t.sandbox, unique('order-1'));
			expect(answer).toMatchObject({ status: 502, contentType: 'text/html; charset=utf-8' });
			expect(answer.text).toContain('<center><h1>502 Bad Gateway</h1></center>');
			expect(answer.json).toBeUndefined();
			expect(campaigns()).toHaveLength(0);
			expect(credits()).toBe(10_000);
			expect(lastRequest()).toMatchObject({
				answer: { httpStatus: 502 },
				fault: { mode: 'htmlErrorPage' },
			});
			expect(lastRequest().lostAnswer).toBeUndefined();
			// The retry is a first send: no treatmentStatus.
			const retry = await sendJson(t.sandbox, unique('order-1'));
			expect(retry.json.status).toBe(100);
			expect(retry.json).not.toHaveProperty('treatmentStatus');
			expect(campaigns()).toHaveLength(1);
		});

		it('htmlErrorPage takes another status (503)', async () => {
			t.sandbox.injectFault({ mode: 'htmlErrorPage', httpStatus: 503 });
			const answer = await post(t.sandbox, '/', {
				login: LOGIN,
				apiKey: API_KEY,
				message: 'Hi',
				mobile: '0612345678',
			});
			expect(answer.status).toBe(503);
			expect(answer.text).toContain('503 Service Unavailable');
			expect(campaigns()).toHaveLength(0);
		});

		it('resetBeforeWork: the connection is reset, nothing is created', async () => {
			t.sandbox.injectFault({ mode: 'resetBeforeWork', apiMethod: 'sendSms' });
			await expect(sendJson(t.sandbox, data)).rejects.toThrow();
			expect(campaigns()).toHaveLength(0);
			expect(lastRequest().answer.httpStatus).toBe(0);
		});

		it('rawAnswer: the given answer instead of the API, nothing is created', async () => {
			t.sandbox.injectFault({
				mode: 'rawAnswer',
				apiMethod: 'sendSms',
				httpStatus: 200,
				contentType: 'application/json',
				body: '{"status":100}',
			});
			expect((await sendJson(t.sandbox, data)).json).toEqual({ status: 100 });
			expect(campaigns()).toHaveLength(0);
		});
	});

	describe('after the work: the SMS exist, the answer is lost or mangled', () => {
		it('http500AfterWork: HTTP 500 page, yet the SMS are created and paid; a retry with the identifier gets the original answer', async () => {
			t.sandbox.injectFault({ mode: 'http500AfterWork', apiMethod: 'sendSms' });
			const answer = await sendJson(t.sandbox, unique('order-2'));
			expect(answer).toMatchObject({ status: 500, contentType: 'text/html; charset=utf-8' });
			expect(answer.text).toContain('Internal Server Error');
			expect(campaigns()).toHaveLength(1);
			expect(t.sandbox.state.smsOfCampaign(campaigns()[0])).toHaveLength(1);
			expect(credits()).toBe(10_000 - 15);
			const lost = JSON.parse(lastRequest().lostAnswer?.body ?? '{}');
			expect(lost).toMatchObject({ status: 100, campaignId: campaigns()[0].id });
			expect(lastRequest().fault).toMatchObject({ mode: 'http500AfterWork' });

			const retry = await sendJson(t.sandbox, unique('order-2'));
			expect(retry.json).toEqual({ ...lost, treatmentStatus: 'ALREADY_PROCESSED' });
			expect(campaigns()).toHaveLength(1);
			expect(credits()).toBe(10_000 - 15);
		});

		it('resetAfterWork: no answer at all, yet the SMS exist; the retry is a replay', async () => {
			t.sandbox.injectFault({ mode: 'resetAfterWork', apiMethod: 'sendSms' });
			await expect(sendJson(t.sandbox, unique('order-3'))).rejects.toThrow();
			expect(campaigns()).toHaveLength(1);
			expect(lastRequest().answer.httpStatus).toBe(0);
			expect(JSON.parse(lastRequest().lostAnswer?.body ?? '{}')).toMatchObject({ status: 100 });
			const retry = await sendJson(t.sandbox, unique('order-3'), { returnformat: 'xml' });
			expect(retry.text).toContain('<treatmentStatus>ALREADY_PROCESSED</treatmentStatus>');
			expect(retry.text).toContain(`<campaignId>${campaigns()[0].id}</campaignId>`);
			expect(campaigns()).toHaveLength(1);
		});

		it('truncatedJson: a complete HTTP answer whose JSON stops half-way; the SMS exist', async () => {
			t.sandbox.injectFault({ mode: 'truncatedJson', apiMethod: 'sendSms' });
			const response = await fetch(`${t.sandbox.baseUrl}/sendSms/`, {
				method: 'POST',
				body: new URLSearchParams({
					login: LOGIN,
					apiKey: API_KEY,
					smsData: JSON.stringify({ DATA: data }),
				}),
			});
			const text = await response.text();
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
			expect(Number(response.headers.get('content-length'))).toBe(Buffer.byteLength(text));
			expect(() => JSON.parse(text)).toThrow();
			const full = lastRequest().lostAnswer?.body ?? '';
			expect(full.startsWith(text)).toBe(true);
			expect(text.length).toBe(Math.floor(full.length / 2));
			expect(campaigns()).toHaveLength(1);
		});

		it('xmlInsteadOfJson: XML although JSON was asked; the SMS exist', async () => {
			t.sandbox.injectFault({ mode: 'xmlInsteadOfJson', apiMethod: 'sendSms' });
			const answer = await sendJson(t.sandbox, data, { returnformat: 'json' });
			expect(answer.contentType).toBe('application/xml; charset=utf-8');
			expect(answer.text).toMatch(
				/^<\?xml version="1.0" encoding="UTF-8"\?>\n<sendSms>\n {2}<status>100<\/status>/,
			);
			expect(answer.text).toContain(`<campaignId>${campaigns()[0].id}</campaignId>`);
			expect(campaigns()).toHaveLength(1);
		});

		it('xmlInsteadOfJson also hits the JSON-only simpleSms (root <simpleSms>)', async () => {
			t.sandbox.injectFault({ mode: 'xmlInsteadOfJson', apiMethod: 'simpleSms' });
			const answer = await post(t.sandbox, '/', {
				login: LOGIN,
				apiKey: API_KEY,
				message: 'Hi',
				mobile: '0612345678',
			});
			expect(answer.text).toContain('<simpleSms>');
			expect(campaigns()).toHaveLength(1);
		});

		it('jsonAsHtml: the right JSON, labelled text/html; the SMS exist', async () => {
			t.sandbox.injectFault({ mode: 'jsonAsHtml', apiMethod: 'sendSms' });
			const answer = await sendJson(t.sandbox, data);
			expect(answer).toMatchObject({ status: 200, contentType: 'text/html; charset=utf-8' });
			expect(answer.json).toMatchObject({ status: 100, campaignId: campaigns()[0].id });
			expect(lastRequest().lostAnswer?.body).toBe(answer.text);
		});

		it('slow: the work is done at once, the answer held past a client timeout; meanwhile a repeat gets 160, afterwards the replay', async () => {
			t.sandbox.injectFault({ mode: 'slow', apiMethod: 'sendSms', delayMs: 500 });
			const started = Date.now();
			const first = fetch(`${t.sandbox.baseUrl}/sendSms/`, {
				method: 'POST',
				body: new URLSearchParams({
					login: LOGIN,
					apiKey: API_KEY,
					smsData: JSON.stringify({ DATA: unique('order-4') }),
				}),
				signal: AbortSignal.timeout(150),
			});
			await expect(first).rejects.toThrow();
			expect(Date.now() - started).toBeLessThan(450);
			// The client gave up; the API goes on.
			expect(campaigns()).toHaveLength(1);
			expect((await sendJson(t.sandbox, unique('order-4'))).json).toEqual({
				status: 160,
				statusText: 'Une requête avec cet identifiant unique est déjà en cours de traitement',
			});
			await sleep(500);
			const replay = await sendJson(t.sandbox, unique('order-4'));
			expect(replay.json).toMatchObject({
				status: 100,
				campaignId: campaigns()[0].id,
				treatmentStatus: 'ALREADY_PROCESSED',
			});
			expect(campaigns()).toHaveLength(1);
		});

		it('slow without a client timeout: the normal answer, late', async () => {
			t.sandbox.injectFault({ mode: 'slow', delayMs: 300 });
			const started = Date.now();
			expect((await sendJson(t.sandbox, data)).json.status).toBe(100);
			expect(Date.now() - started).toBeGreaterThanOrEqual(280);
			expect(lastRequest().lostAnswer).toBeUndefined();
		});

		it('an after-work mode with delayMs holds its faulty answer too, the request still in processing', async () => {
			t.sandbox.injectFault({ mode: 'http500AfterWork', apiMethod: 'sendSms', delayMs: 400 });
			const first = sendJson(t.sandbox, unique('order-5'));
			await sleep(150);
			expect((await sendJson(t.sandbox, unique('order-5'))).json.status).toBe(160);
			expect((await first).status).toBe(500);
			expect((await sendJson(t.sandbox, unique('order-5'))).json.treatmentStatus).toBe(
				'ALREADY_PROCESSED',
			);
		});
	});

	describe('which requests: method, times, skip', () => {
		it('skip: 1 breaks only the 2nd request of a campaign; the others and other methods pass', async () => {
			const queued = t.sandbox.injectFault({
				mode: 'http500AfterWork',
				apiMethod: 'sendSms',
				skip: 1,
			});
			expect(queued).toMatchObject({
				id: expect.any(Number),
				mode: 'http500AfterWork',
				work: 'after',
				times: 1,
				skip: 1,
				seen: 0,
				applied: 0,
				remaining: 1,
			});
			const statuses: number[] = [];
			for (const phone of ['0611111111', '0622222222', '0633333333']) {
				statuses.push(
					(await sendJson(t.sandbox, { MESSAGE: 'Hello', SMS: [{ MOBILEPHONE: phone }] })).status,
				);
				expect((await post(t.sandbox, '/getInfo/', { login: LOGIN, apiKey: API_KEY })).status).toBe(
					200,
				);
			}
			expect(statuses).toEqual([200, 500, 200]);
			expect(campaigns()).toHaveLength(3);
			expect(t.sandbox.faults()).toEqual([
				expect.objectContaining({ id: queued.id, seen: 2, skipped: 1, applied: 1, remaining: 0 }),
			]);
		});

		it('times: the next N matching requests, any-case method name', async () => {
			t.sandbox.injectFault({ mode: 'htmlErrorPage', apiMethod: 'SENDSMS', times: 2 });
			const statuses = [];
			for (let index = 0; index < 3; index++) {
				statuses.push((await sendJson(t.sandbox, { ...data, MESSAGE: `Hello ${index}` })).status);
			}
			expect(statuses).toEqual([502, 502, 200]);
			expect(campaigns()).toHaveLength(1);
		});

		it('skip counts requests to the method whatever the other faults do; one fault per request', async () => {
			t.sandbox.injectFault({ mode: 'htmlErrorPage', apiMethod: 'sendSms' });
			t.sandbox.injectFault({ mode: 'jsonAsHtml', apiMethod: 'sendSms', skip: 1 });
			const first = await sendJson(t.sandbox, data);
			const second = await sendJson(t.sandbox, { ...data, MESSAGE: 'Other' });
			expect([first.status, second.contentType]).toEqual([502, 'text/html; charset=utf-8']);
			expect(second.json.status).toBe(100);
			expect(
				t.sandbox.faults().map((fault: FaultStatus) => [fault.mode, fault.seen, fault.applied]),
			).toEqual([
				['htmlErrorPage', 1, 1],
				['jsonAsHtml', 2, 1],
			]);
		});
	});

	describe('control API', () => {
		it('POST /_sandbox/faults queues a fault and lists them all with their counters', async () => {
			const created = await control('POST', '/faults', {
				mode: 'truncatedJson',
				apiMethod: 'sendSms',
				times: 2,
				skip: 1,
			});
			expect(created.status).toBe(201);
			expect(created.json.queued).toMatchObject({
				mode: 'truncatedJson',
				work: 'after',
				times: 2,
				skip: 1,
				applied: 0,
				remaining: 2,
			});
			expect(created.json.faults).toHaveLength(1);
			await sendJson(t.sandbox, data);
			await sendJson(t.sandbox, { ...data, MESSAGE: 'Two' });
			const listed = await control('GET', '/faults');
			expect(listed.json).toEqual([
				expect.objectContaining({
					mode: 'truncatedJson',
					seen: 2,
					skipped: 1,
					applied: 1,
					remaining: 1,
				}),
			]);
			expect(lastRequest().fault).toMatchObject({
				mode: 'truncatedJson',
				id: created.json.queued.id,
			});
		});

		it('the original fault forms still work and are shown with their mode', async () => {
			await control('POST', '/faults', { dropConnection: true });
			await control('POST', '/faults', { httpStatus: 503, body: 'down' });
			await control('POST', '/faults', { delayMs: 10 });
			expect(
				(await control('GET', '/faults')).json.map((fault: FaultStatus) => [
					fault.mode,
					fault.work,
				]),
			).toEqual([
				['resetBeforeWork', 'before'],
				['rawAnswer', 'before'],
				['slow', 'after'],
			]);
		});

		it.each([
			[{ mode: 'explode' }, /fault.mode must be one of/],
			[{ mode: 'slow' }, /needs delayMs/],
			[{ mode: 'htmlErrorPage', skip: -1 }, /skip/],
			[{ mode: 'htmlErrorPage', times: 0 }, /times/],
			[{ mode: 'htmlErrorPage', httpStatus: 200 }, /4xx or 5xx/],
			[{ mode: 'http500AfterWork', httpStatus: 404 }, /5xx/],
			[{}, /unknown fault mode/],
			[{ mode: 'slow', delayMs: '5' }, /delayMs must be a number/],
		])('refuses %j with a 400', async (body, message) => {
			const refused = await control('POST', '/faults', body);
			expect(refused.status).toBe(400);
			expect(refused.json.error).toMatch(message);
			expect(t.sandbox.faults()).toHaveLength(0);
		});

		it('DELETE /_sandbox/faults and POST /_sandbox/reset clear them', async () => {
			t.sandbox.injectFault({ mode: 'htmlErrorPage', times: 5 });
			t.sandbox.injectFault({ mode: 'slow', delayMs: 50 });
			expect((await control('DELETE', '/faults')).json).toEqual({ cleared: 2 });
			expect((await sendJson(t.sandbox, data)).status).toBe(200);
			t.sandbox.injectFault({ mode: 'htmlErrorPage' });
			await control('POST', '/reset');
			expect((await control('GET', '/faults')).json).toEqual([]);
		});
	});
});
