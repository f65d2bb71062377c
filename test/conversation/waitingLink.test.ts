import {
	isGenuineReply,
	readForwardedReply,
	readWaitMarker,
	replyToken,
	signatureOf,
	waitMarker,
} from '../../nodes/AllMySms/shared/conversation/waitingLink';

const reply = {
	smsId: '1001',
	smsMoId: '7',
	campaignId: 'ap_abc',
	phoneNumber: '33639980001',
	message: 'oui',
	receptionDate: '2026-12-07 10:00:00',
};

describe('the CLIMSGID that says which execution waits for a reply', () => {
	const signature = 'ab'.repeat(32);

	test('names the execution, the node, the deadline and n8n’s signature, and reads back', () => {
		const marker = {
			executionId: '42',
			nodeId: '5f0c7c1e-1b2a-4c3d-9e8f-0a1b2c3d4e5f',
			deadline: new Date('2026-12-08T09:00:00Z'),
			signature,
		};
		const text = waitMarker(marker);
		expect(text).toBe(
			`n8nwait:42:5f0c7c1e-1b2a-4c3d-9e8f-0a1b2c3d4e5f:${Date.parse('2026-12-08T09:00:00Z') / 1000}:${Buffer.from(signature, 'hex').toString('base64url')}`,
		);
		expect(text.length).toBeLessThan(120);
		expect(readWaitMarker(text)).toEqual(marker);
		expect(readWaitMarker(waitMarker({ executionId: '42', nodeId: 'n1' }))).toEqual({
			executionId: '42',
			nodeId: 'n1',
			deadline: undefined,
			signature: undefined,
		});
	});

	test('the signature is the one of n8n’s signed resume URL', () => {
		expect(
			signatureOf(
				`http://localhost:5678/webhook-waiting/42/n1?signature=${signature.toUpperCase()}`,
			),
		).toBe(signature);
		expect(signatureOf('http://localhost:5678/webhook-waiting/42/n1')).toBe('');
	});

	test('any other CLIMSGID is an ordinary campaign', () => {
		for (const other of [
			'',
			'order-1234',
			'n8nwait:42',
			'n8nwait:4 2:n:0:',
			'n8nwait:42:n:0:a+b',
			undefined,
			null,
		]) {
			expect(readWaitMarker(other)).toBeUndefined();
		}
	});
});

describe('the token of a forwarded reply', () => {
	const marker = { executionId: '42', nodeId: 'n1' };
	const token = replyToken('the-api-key', marker, reply);

	test('holds only with the same API key, execution, node and reply', () => {
		expect(isGenuineReply('the-api-key', marker, reply, token)).toBe(true);
		expect(isGenuineReply('another-key', marker, reply, token)).toBe(false);
		expect(isGenuineReply('the-api-key', { ...marker, executionId: '43' }, reply, token)).toBe(
			false,
		);
		expect(isGenuineReply('the-api-key', { ...marker, nodeId: 'n2' }, reply, token)).toBe(false);
		expect(isGenuineReply('the-api-key', marker, { ...reply, message: 'non' }, token)).toBe(false);
		expect(isGenuineReply('the-api-key', marker, { ...reply, smsMoId: '8' }, token)).toBe(false);
		expect(isGenuineReply('the-api-key', marker, reply, undefined)).toBe(false);
		expect(isGenuineReply('the-api-key', marker, reply, 'abc')).toBe(false);
		expect(isGenuineReply('', marker, reply, replyToken('', marker, reply))).toBe(false);
	});

	test('the API key itself is not in it', () => {
		expect(token).not.toContain('the-api-key');
		expect(token).toMatch(/^[0-9a-f]{64}$/);
	});
});

test('a reply without its smsMoId or campaignId is no reply', () => {
	expect(readForwardedReply({ ...reply, token: 'x' })).toEqual(reply);
	expect(readForwardedReply({ ...reply, smsMoId: undefined })).toBeUndefined();
	expect(readForwardedReply('oui')).toBeUndefined();
});
