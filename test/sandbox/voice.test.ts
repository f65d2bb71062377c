import { XMLParser } from 'fast-xml-parser';

import { generateWav } from '../../sandbox/audio';
import { LOGIN, API_KEY, get, post, startTestSandbox, type TestSandbox } from './helpers';

const auth = { login: LOGIN, apiKey: API_KEY };
const parseXml = (text: string) => new XMLParser({ parseTagValue: false }).parse(text);

/** Annex 12, JSON format (DATA in an array), with real values. */
const annex12 = (data: Record<string, unknown> = {}) =>
	JSON.stringify({
		DATA: [
			{
				CAMPAIGN_NAME: 'Nom de la campagne',
				URL: 'https://example.com/message.mp3',
				TPOA: '0123456789',
				VOCALS: [{ MOBILEPHONE: '33612345678' }, { MOBILEPHONE: '33611111111' }],
				...data,
			},
		],
	});

/** Annex 12's XML: one <VOCALS> per recipient, and the annex's trailing empty <VOCALS>. */
const ANNEX_12_XML = `<DATA>
    <CAMPAIGN_NAME>nom de campagne </CAMPAIGN_NAME>
    <DATE>2011-11-05 15:10:00</DATE>
    <URL>https://example.com/message.wav</URL>
    <TPOA>0123456789</TPOA>
    <VOCALS>
        <MOBILEPHONE>336xxxxxxxx</MOBILEPHONE>
    </VOCALS>
    <VOCALS>
        <MOBILEPHONE>33611111111</MOBILEPHONE>
    </VOCALS>
    <VOCALS>
    </VOCALS>
</DATA>`;

describe('voice messages (sections 36-40, annex 13)', () => {
	let t: TestSandbox;
	beforeEach(async () => {
		t = await startTestSandbox();
	});
	afterEach(async () => {
		await t.sandbox.close();
	});

	describe('simpleVocal', () => {
		it("takes the manual's example URL (GET) and answers JSON like 36.1, even when XML is asked", async () => {
			const answer = await get(
				t.sandbox,
				'/simpleVocal',
				`login=${LOGIN}&apiKey=${API_KEY}&url=https%3A%2F%2Ffile-examples-com.github.io%2Fuploads%2F2017%2F11%2Ffile_example_MP3_700KB.mp3&mobile=0600000000;0611111111&tpoa=0123456789&returnformat=xml`,
			);
			expect(answer.contentType).toBe('application/json; charset=utf-8');
			// Two voicemail drops at 0.19 € (getPrices), 1 credit = 0.003 €.
			expect(answer.json).toEqual({
				status: 100,
				statusText: 'Your messages have been sent',
				invalidNumbers: '',
				campaignId: expect.stringMatching(/^[a-z0-9]{15,17}$/),
				credits: 9873.334,
				balance: 29.62,
				cost: 0.38,
			});
			const [campaign] = t.sandbox.state.campaigns(LOGIN);
			expect(campaign).toMatchObject({
				type: 'vocal',
				createdBy: 'simpleVocal',
				tpoaUsed: '0123456789',
				nbContacts: 2,
				voice: {
					type: 'directdeposit',
					url: 'https://file-examples-com.github.io/uploads/2017/11/file_example_MP3_700KB.mp3',
				},
			});
			expect(t.sandbox.state.smsOfCampaign(campaign).map((record) => record.phoneNumber)).toEqual([
				'33600000000',
				'33611111111',
			]);
		});

		it('a call ("appel au décroché") costs the call price; foreign numbers are refused', async () => {
			const answer = await post(t.sandbox, '/simpleVocal/', {
				...auth,
				url: 'https://example.com/message.wav',
				mobile: '0612345678;32470123456',
				tpoa: '+33912345678',
				type: 'call',
			});
			expect(answer.json).toMatchObject({
				status: 100,
				invalidNumbers: '32470123456|',
				credits: 9970,
				cost: 0.09,
			});
			expect(t.sandbox.state.campaigns(LOGIN)[0].voice?.type).toBe('call');
		});

		it('reads the unique identifier under its manual spelling uniquelIdentifier, and replays the first answer', async () => {
			const params = {
				...auth,
				url: 'https://example.com/a.mp3',
				mobile: '0612345678',
				tpoa: '0123456789',
				uniquelIdentifier: 'v-1',
			};
			const first = await post(t.sandbox, '/simpleVocal', params);
			t.clock.advance(20_000);
			const second = await post(t.sandbox, '/simpleVocal', params);
			expect(second.json).toEqual({ ...first.json, treatmentStatus: 'ALREADY_PROCESSED' });
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(1);
		});
	});

	describe('sendVocal', () => {
		it('accepts the JSON flow of annex 12 (DATA in an array) and answers like 37.3, invalidEmails included', async () => {
			const answer = await post(t.sandbox, '/sendVocal/', { ...auth, vocalData: annex12() });
			expect(answer.json).toEqual({
				status: 100,
				statusText: 'Your messages have been sent',
				campaignId: expect.stringMatching(/^[a-z0-9]{15,17}$/),
				invalidEmails: '',
				credits: 9873.334,
				balance: 29.62,
				cost: 0.38,
			});
			expect(t.sandbox.requests.at(-1)?.smsData?.format).toBe('json');
			expect(t.sandbox.state.campaigns(LOGIN)[0]).toMatchObject({
				type: 'vocal',
				name: 'Nom de la campagne',
				createdBy: 'sendVocal',
			});
		});

		it('accepts the XML flow of annex 12 (repeated <VOCALS>, an empty one) and answers XML', async () => {
			const answer = await post(t.sandbox, '/sendVocal/', {
				...auth,
				returnformat: 'xml',
				type: 'call',
				vocalData: ANNEX_12_XML,
			});
			expect(answer.contentType).toBe('application/xml; charset=utf-8');
			const { sendVocal } = parseXml(answer.text);
			// The annex's placeholder 336xxxxxxxx is an invalid number; its past DATE means now.
			expect(sendVocal).toMatchObject({
				status: '100',
				invalidEmails: '336xxxxxxxx|',
				credits: '9970',
				cost: '0.09',
			});
			expect(t.sandbox.state.campaigns(LOGIN)[0].voice).toEqual({
				type: 'call',
				url: 'https://example.com/message.wav',
			});
		});

		it('a future DATE programs the campaign (101)', async () => {
			const answer = await post(t.sandbox, '/sendVocal/', {
				...auth,
				vocalData: annex12({ DATE: '2025-06-03 10:00:00' }),
			});
			expect(answer.json).toMatchObject({
				status: 101,
				statusText: 'Le message a été programmé pour un envoi différé',
			});
			expect(t.sandbox.state.campaigns(LOGIN)[0].status).toBe('programmed');
		});

		it.each([
			[105, 'an empty flow', undefined, 'Flux XML/JSON Vide'],
			[109, 'an unreadable flow', '{"DATA": [', 'Flux XML/JSON invalide'],
			[110, 'neither URL nor CODE', annex12({ URL: '' }), 'URL du fichier vocal vide'],
			[
				111,
				'a badly written date',
				annex12({ DATE: '03/06/2025 10:00' }),
				"Date d'envoi mal formatée",
			],
			[112, 'a mobile as sender', annex12({ TPOA: '0612345678' }), "Numéro d'expéditeur invalide"],
			[
				112,
				'an 08 number as sender',
				annex12({ TPOA: '0812345678' }),
				"Numéro d'expéditeur invalide",
			],
			[
				113,
				'an OGG file',
				annex12({ URL: 'https://example.com/message.ogg' }),
				'Fichier vocal invalide. Formats acceptés : WAV ou MP3',
			],
			[
				113,
				'a code that does not exist',
				annex12({ URL: '', CODE: '12345654' }),
				'Fichier vocal invalide. Formats acceptés : WAV ou MP3',
			],
			[
				114,
				'numbers outside France',
				annex12({ VOCALS: [{ MOBILEPHONE: '32470123456' }, { MOBILEPHONE: '0144444444' }] }),
				'Aucun numéro de téléphone valide',
			],
		])('annex 13 status %s for %s', async (status, _case, vocalData, statusText) => {
			const answer = await post(t.sandbox, '/sendVocal/', {
				...auth,
				...(vocalData === undefined ? {} : { vocalData }),
			});
			expect(answer.json).toMatchObject({ status, statusText });
			expect(t.sandbox.state.campaigns(LOGIN)).toHaveLength(0);
			expect(t.sandbox.state.account(LOGIN).credits).toBe(10_000);
		});

		it('annex 13 status 104 when the credits do not cover the messages', async () => {
			const vocalData = annex12({
				VOCALS: Array.from({ length: 200 }, (_, index) => ({
					MOBILEPHONE: `0612${String(index).padStart(6, '0')}`,
				})),
			});
			const answer = await post(t.sandbox, '/sendVocal/', { ...auth, vocalData });
			expect(answer.json).toEqual({
				status: 104,
				statusText:
					'Crédit insuffisant pour traiter cet envoi. A utiliser : 12666.6 Crédits, Disponibles : 10000 Crédits. Veuillez recréditer votre compte sur AllMySMS.com',
			});
		});

		it('a wrong key: status 102 (annex 13)', async () => {
			const answer = await post(t.sandbox, '/sendVocal/', {
				login: LOGIN,
				apiKey: 'wrong',
				vocalData: annex12(),
			});
			expect(answer.json).toMatchObject({ status: 102 });
		});

		it('sends a message recorded under a createCode code; 116 when the recording is too short', async () => {
			const code = (await post(t.sandbox, '/createCode/', { ...auth, label: 'accueil' })).json
				.vocalCode as string;
			const withCode = annex12({ URL: undefined, CODE: code });
			expect(
				(await post(t.sandbox, '/sendVocal/', { ...auth, vocalData: withCode })).json,
			).toMatchObject({ status: 113 });
			t.sandbox.state.voice.record(code, { durationSeconds: 3 });
			expect(
				(await post(t.sandbox, '/sendVocal/', { ...auth, vocalData: withCode })).json,
			).toMatchObject({
				status: 116,
				statusText: 'Durée du fichier vocal invalide (doit être comprise entre 5 et 35 secondes)',
			});
			t.sandbox.state.voice.record(code, { durationSeconds: 12 });
			expect(
				(await post(t.sandbox, '/sendVocal/', { ...auth, vocalData: withCode })).json,
			).toMatchObject({ status: 100 });
			expect(t.sandbox.state.campaigns(LOGIN)[0].voice).toEqual({ type: 'directdeposit', code });
		});
	});

	describe('createCode, getMedia, downloadMedia', () => {
		it('createCode gives an 8-digit code (38.2), kept with its label', async () => {
			const answer = await post(t.sandbox, '/createCode/', { ...auth, label: 'message vocal' });
			expect(answer.json).toEqual({
				status: '1',
				statusText: '',
				vocalCode: expect.stringMatching(/^\d{8}$/),
			});
			const xml = parseXml(
				(await post(t.sandbox, '/createCode/', { ...auth, returnformat: 'xml' })).text,
			);
			expect(xml.createCode).toEqual({
				status: '1',
				statusText: '',
				vocalCode: expect.stringMatching(/^\d{8}$/),
			});
			expect(t.sandbox.state.voice.list(LOGIN).map((media) => media.label)).toEqual([
				'message vocal',
				'',
			]);
		});

		it('getMedia: PENDING until the message is recorded, then RECORDED with its duration (39.2)', async () => {
			const code = (await post(t.sandbox, '/createCode/', { ...auth, label: 'message vocal' })).json
				.vocalCode as string;
			expect((await post(t.sandbox, '/getMedia', { ...auth, code })).json).toEqual({
				status: '1',
				statusText: '',
				media: {
					label: 'message vocal',
					code,
					duration: '0',
					status: 'PENDING',
					creationDate: '2025-06-02 12:00:00',
					recordDate: '',
				},
			});
			t.clock.advance(60_000);
			t.sandbox.state.voice.record(code, { durationSeconds: 12 });
			const xml = parseXml(
				(await post(t.sandbox, '/getMedia', { ...auth, code, returnformat: 'xml' })).text,
			);
			expect(xml.getMedia).toEqual({
				status: '1',
				statusText: '',
				media: {
					label: 'message vocal',
					code,
					duration: '12',
					status: 'RECORDED',
					creationDate: '2025-06-02 12:00:00',
					recordDate: '2025-06-02 12:01:00',
				},
			});
		});

		it("downloadMedia: the recording's bytes in base64 (40.2); a real WAV file", async () => {
			const code = (await post(t.sandbox, '/createCode/', auth)).json.vocalCode as string;
			expect((await post(t.sandbox, '/downloadMedia', { ...auth, code })).json).toEqual({
				status: '0',
				statusText: "Aucun message vocal n'a été enregistré pour ce code",
			});
			const media = t.sandbox.state.voice.record(code);
			const answer = await post(t.sandbox, '/downloadMedia', { ...auth, code });
			expect(answer.json).toEqual({ status: '1', statusText: '', file: expect.any(String) });
			const file = Buffer.from(answer.json.file as string, 'base64');
			expect(file.equals(media.audio as Buffer)).toBe(true);
			expect(file.toString('ascii', 0, 4)).toBe('RIFF');
			expect(file.toString('ascii', 8, 12)).toBe('WAVE');
			// 6 s of 8 kHz 16-bit mono.
			expect(file.readUInt32LE(24)).toBe(8000);
			expect(file.length).toBe(44 + 6 * 8000 * 2);
			expect(media.duration).toBe(6);
			const xml = parseXml(
				(await post(t.sandbox, '/downloadMedia', { ...auth, code, returnformat: 'xml' })).text,
			);
			expect(xml.downloadMedia.file).toBe(answer.json.file);
		});

		it("another account's code, an unknown code, no code: status 0", async () => {
			t.sandbox.state.createAccount({ login: 'other', apiKey: 'other-key', credits: 10 });
			const code = t.sandbox.state.voice.create('other', 'theirs').code;
			t.sandbox.state.voice.record(code);
			expect((await post(t.sandbox, '/getMedia', { ...auth, code })).json).toEqual({
				status: '0',
				statusText: 'Code vocal inconnu',
			});
			expect((await post(t.sandbox, '/downloadMedia', { ...auth, code })).json).toEqual({
				status: '0',
				statusText: 'Code vocal inconnu',
			});
			expect((await post(t.sandbox, '/getMedia', auth)).json).toEqual({
				status: '0',
				statusText: 'Paramètre code manquant',
			});
		});

		it('the control API records a message, given or generated', async () => {
			const code = (await post(t.sandbox, '/createCode/', auth)).json.vocalCode as string;
			const control = (path: string, body: unknown) =>
				fetch(`${t.sandbox.url}/_sandbox${path}`, {
					method: 'POST',
					body: JSON.stringify(body),
				}).then(async (response) => ({
					status: response.status,
					body: await response.json(),
				}));
			const wav = generateWav(7);
			expect(
				await control(`/accounts/${LOGIN}/voice-codes/${code}/recording`, {
					audioBase64: wav.toString('base64'),
				}),
			).toEqual({
				status: 201,
				body: {
					code,
					label: '',
					duration: 7,
					recordDate: '2025-06-02 12:00:00',
					audioBytes: wav.length,
				},
			});
			expect(t.sandbox.state.voice.get(LOGIN, code)?.audio?.equals(wav)).toBe(true);
			expect((await control(`/accounts/${LOGIN}/voice-codes/99999999/recording`, {})).status).toBe(
				404,
			);
		});
	});
});
