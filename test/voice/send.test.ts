import { runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

let account: TestAccount;

beforeEach(async () => {
	account = await sandboxWithAccount();
});

afterEach(async () => {
	await account.sandbox.close();
});

const AUDIO_URL = 'https://example.com/messages/opening-hours.mp3';

const sendVocal = (extra: Record<string, unknown> = {}) => ({
	resource: 'voice',
	operation: 'sendVocal',
	phoneNumbers: '06 12 34 56 78, +33712345678',
	audioUrl: AUDIO_URL,
	sender: '01 23 45 67 89',
	...extra,
});

const campaigns = () => account.sandbox.state.campaigns(account.login);

describe('sendVocal', () => {
	test('sends the vocalData flow of annex 12 with `type` beside it, and outputs the answer with invalidNumbers', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: sendVocal(),
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(account.sandbox, 'sendVocal');
		expect(request.path).toBe('/http/9.0/sendVocal/');
		expect(request.form).toEqual(
			expect.objectContaining({ type: 'directdeposit', returnformat: 'json' }),
		);
		expect(request.smsData?.data).toEqual({
			DATA: [
				{
					URL: AUDIO_URL,
					TPOA: '0123456789',
					UNIQUEIDENTIFIER: expect.stringMatching(/^n8n-[0-9a-f]{32}$/),
					VOCALS: [{ MOBILEPHONE: '33612345678' }, { MOBILEPHONE: '33712345678' }],
				},
			],
		});
		const [campaign] = campaigns();
		expect(items).toEqual([
			{
				json: {
					status: 100,
					statusText: 'Your messages have been sent',
					campaignId: campaign.id,
					// The API calls them invalidEmails (37.3); the output, like every send, invalidNumbers.
					invalidNumbers: [],
					credits: 9873.334,
					balance: 29.62,
					cost: 0.38,
					outcome: 'sent',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(campaign).toMatchObject({
			type: 'vocal',
			nbContacts: 2,
			voice: { type: 'directdeposit', url: AUDIO_URL },
		});
	});

	test('"One Campaign for All Input Items": one request for all recipients, one output per recipient', async () => {
		const input = [{ phone: '0611111111' }, { phone: '0622222222' }, { phone: '0633333333' }];
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			input,
			parameters: sendVocal({
				sendMode: 'campaign',
				phoneNumbers: '={{ $json.phone }}',
				options: { messageType: 'call' },
			}),
		});
		expect(requestsTo(account.sandbox, 'sendVocal')).toHaveLength(1);
		const [campaign] = campaigns();
		expect(campaign).toMatchObject({ nbContacts: 3, creditsUsed: 90, voice: { type: 'call' } });
		expect(items).toEqual(
			['33611111111', '33622222222', '33633333333'].map((phoneNumber, item) => ({
				json: {
					phoneNumber,
					campaignId: campaign.id,
					status: 100,
					statusText: 'Your messages have been sent',
					outcome: 'sent',
				},
				pairedItem: { item },
			})),
		);
	});

	test('a recorded message by its code, as a call, scheduled, named, with a unique identifier, in XML', async () => {
		const media = account.sandbox.state.voice.create(account.login, 'opening hours');
		account.sandbox.state.voice.record(media.code, { durationSeconds: 10 });
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			timezone: 'America/New_York',
			parameters: sendVocal({
				phoneNumbers: '0612345678',
				audioSource: 'code',
				vocalCode: media.code,
				options: {
					messageType: 'call',
					sendAt: '2099-07-01T09:00:00',
					campaignName: 'Opening',
					uniqueIdentifier: 'voice-2099-07',
					requestFormat: 'xml',
				},
			}),
		});
		expect(error).toBeUndefined();
		const [request] = requestsTo(account.sandbox, 'sendVocal');
		expect(request.form.type).toBe('call');
		expect(request.form.returnformat).toBe('xml');
		// 9:00 in New York is 15:00 in Paris.
		expect(request.form.vocalData).toBe(
			`<DATA><CAMPAIGN_NAME>Opening</CAMPAIGN_NAME><DATE>2099-07-01 15:00:00</DATE><CODE>${media.code}</CODE><TPOA>0123456789</TPOA><UNIQUEIDENTIFIER>voice-2099-07</UNIQUEIDENTIFIER><VOCALS><MOBILEPHONE>33612345678</MOBILEPHONE></VOCALS></DATA>`,
		);
		expect(items.map((item) => item.json)).toEqual([
			{
				status: 101,
				statusText: 'Le message a été programmé pour un envoi différé',
				campaignId: campaigns()[0].id,
				invalidNumbers: [],
				credits: 9970,
				balance: 29.91,
				cost: 0.09,
				// The same facts in English, whatever the language of statusText.
				outcome: 'scheduled',
				scheduledFor: '2099-07-01T15:00:00+02:00',
			},
		]);
		expect(campaigns()[0]).toMatchObject({
			name: 'Opening',
			status: 'programmed',
			voice: { type: 'call', code: media.code },
		});
	});

	/** A value that is fine for the first input item and bad for the second. */
	const onlySecond = (good: string, bad: string) =>
		`={{ $json.ok ? ${JSON.stringify(good)} : ${JSON.stringify(bad)} }}`;
	const LANDLINE_FORMATS =
		'01, 02, 03, 04, 05 or 09 followed by 8 digits, or +33 and the same number without its 0';

	test.each([
		[
			'a mobile as sender',
			{ sender: onlySecond('0123456789', '06 12 34 56 78') },
			'Sender Number',
			`"06 12 34 56 78" is a mobile number; the sender of a voice message is a French landline (${LANDLINE_FORMATS})`,
		],
		[
			'an 08 sender',
			{ sender: onlySecond('0123456789', '0899123456') },
			'Sender Number',
			`"0899123456" is a special-rate number (08); the sender of a voice message is a French landline (${LANDLINE_FORMATS})`,
		],
		[
			'a foreign recipient',
			{ phoneNumbers: onlySecond('0612345678', '0612345678, +32470123456') },
			'Phone Numbers',
			'"+32470123456" is not a French number; AllMySMS sends voice messages to mainland France only',
		],
		[
			'a landline recipient',
			{ phoneNumbers: onlySecond('0612345678', '0145678901') },
			'Phone Numbers',
			'"0145678901" is a French landline or special number; AllMySMS only sends to mobiles (06/07xxxxxxxx, +336/+337xxxxxxxx or 336/337xxxxxxxx)',
		],
		[
			'an OGG file',
			{ audioUrl: onlySecond(AUDIO_URL, 'https://example.com/message.ogg') },
			'Audio File URL',
			'".ogg" files are not accepted; AllMySMS plays WAV or MP3 files only',
		],
		[
			'an FTP URL',
			{ audioUrl: onlySecond(AUDIO_URL, 'ftp://example.com/message.mp3') },
			'Audio File URL',
			'"ftp://example.com/message.mp3" is not an http(s) URL that AllMySMS can download',
		],
		[
			'an empty voice code',
			{ audioSource: 'code', vocalCode: onlySecond('12345678', ' ') },
			'Voice Code',
			'the code is empty (create one with Create Code)',
		],
		[
			'a date that is not one',
			{ options: { sendAt: onlySecond('2099-01-01T10:00:00', 'next tuesday') } },
			'Send At',
			'"next tuesday" is not a date',
		],
	])('%s in the second item: nothing is sent at all', async (_case, bad, label, reason) => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{ ok: true }, { ok: false }],
			parameters: sendVocal(bad),
		});
		expect(error?.message).toBe(`Invalid "${label}" in item 1: ${reason}`);
		expect(error?.description).toBe(
			'Nothing was sent: every item is checked before the first request.',
		);
		expect(requestsTo(account.sandbox, 'sendVocal')).toHaveLength(0);
	});

	test('with Continue On Fail, a bad item becomes an error item and the others are sent', async () => {
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			continueOnFail: true,
			input: [{ phone: '0611111111' }, { phone: '+32470123456' }],
			parameters: sendVocal({ phoneNumbers: '={{ $json.phone }}' }),
		});
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.status ?? item.json.error)).toEqual([
			100,
			'Invalid "Phone Numbers" in item 1: "+32470123456" is not a French number; AllMySMS sends voice messages to mainland France only',
		]);
		expect(campaigns()).toHaveLength(1);
	});

	test("AllMySMS's annex 13 refusal carries its text and an explanation; earlier accepted items are named", async () => {
		const recorded = account.sandbox.state.voice.create(account.login, 'ok').code;
		account.sandbox.state.voice.record(recorded);
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			input: [{ code: recorded }, { code: '99999999' }],
			parameters: sendVocal({ audioSource: 'code', vocalCode: '={{ $json.code }}' }),
		});
		expect(error?.message).toBe(
			'AllMySMS: Fichier vocal invalide. Formats acceptés : WAV ou MP3 (status 113)',
		);
		expect(error?.description).toBe(
			`The audio file is invalid: WAV or MP3 only. Not sent: AllMySMS refused this request. Already accepted by AllMySMS before this error: item 0 (campaign ${campaigns()[0].id}).`,
		);
	});
});

describe('simpleVocal', () => {
	test('plain parameters, the unique identifier under both spellings, always a JSON answer', async () => {
		const parameters = {
			resource: 'voice',
			operation: 'simpleVocal',
			phoneNumbers: '0612345678; 07 12 34 56 78',
			audioUrl: 'https://example.com/a.wav',
			sender: '+33 9 12 34 56 78',
			options: { campaignName: 'Simple', uniqueIdentifier: 'simple-1', messageType: 'call' },
		};
		const first = await runAllMySmsNode({ credentials: account.credentials, parameters });
		const [request] = requestsTo(account.sandbox, 'simpleVocal');
		expect(request.path).toBe('/http/9.0/simpleVocal');
		expect(request.form).toEqual({
			login: account.login,
			apiKey: account.apiKey,
			returnformat: 'json',
			url: 'https://example.com/a.wav',
			mobile: '33612345678;33712345678',
			tpoa: '0912345678',
			type: 'call',
			campaign: 'Simple',
			uniquelIdentifier: 'simple-1',
			uniqueidentifier: 'simple-1',
		});
		expect(first.items.map((item) => item.json)).toEqual([
			{
				status: 100,
				statusText: 'Your messages have been sent',
				invalidNumbers: [],
				campaignId: campaigns()[0].id,
				credits: 9940,
				balance: 29.82,
				cost: 0.18,
				outcome: 'sent',
			},
		]);

		// A retry with the same identifier gets the first answer back; nothing is sent twice.
		const second = await runAllMySmsNode({ credentials: account.credentials, parameters });
		expect(second.items[0].json).toEqual({
			...first.items[0].json,
			treatmentStatus: 'ALREADY_PROCESSED',
		});
		expect(campaigns()).toHaveLength(1);
	});
});
