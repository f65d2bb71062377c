import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData } from 'n8n-workflow';

import { runAllMySmsNode } from '../helpers/n8n';
import { requestsTo, sandboxWithAccount } from '../helpers/sandbox';
import type { TestAccount } from '../helpers/sandbox';

let account: TestAccount;
let folder: string;

beforeEach(async () => {
	account = await sandboxWithAccount();
	folder = await mkdtemp(join(tmpdir(), 'allmysms-media-'));
});

afterEach(async () => {
	await account.sandbox.close();
	await rm(folder, { recursive: true, force: true });
});

/** What n8n's "Read/Write Files from Disk" node does with a binary property: its bytes, written to a file. */
async function writeToDisk(binary: IBinaryData): Promise<string> {
	const path = join(folder, binary.fileName ?? 'file');
	await writeFile(path, await Container.get(BinaryDataService).getAsBuffer(binary));
	return path;
}

const voice = (operation: string, extra: Record<string, unknown> = {}) => ({
	resource: 'voice',
	operation,
	...extra,
});

describe('createCode and getMedia', () => {
	test('createCode outputs the code to record under, with its label kept by AllMySMS', async () => {
		const { items } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: voice('createCode', { options: { label: 'Opening hours' } }),
		});
		const [media] = account.sandbox.state.voice.list(account.login);
		expect(media.label).toBe('Opening hours');
		expect(requestsTo(account.sandbox, 'createCode')[0].form).toEqual(
			expect.objectContaining({ label: 'Opening hours' }),
		);
		// The code stays text: a code may start with 0.
		expect(items.map((item) => item.json)).toEqual([
			{ status: 1, statusText: '', vocalCode: media.code },
		]);
	});

	test('getMedia: the recording information as one item, in JSON and XML alike', async () => {
		const media = account.sandbox.state.voice.create(account.login, 'message vocal');
		const pending = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: voice('getMedia', { code: media.code }),
		});
		expect(pending.items.map((item) => item.json)).toEqual([
			{
				label: 'message vocal',
				code: media.code,
				duration: 0,
				status: 'PENDING',
				creationDate: expect.any(String),
				recordDate: '',
			},
		]);
		account.sandbox.state.voice.record(media.code, { durationSeconds: 12 });
		for (const requestFormat of ['json', 'xml']) {
			const { items } = await runAllMySmsNode({
				credentials: account.credentials,
				parameters: voice('getMedia', { code: ` ${media.code} `, options: { requestFormat } }),
			});
			expect(items.map((item) => item.json)).toEqual([
				{
					label: 'message vocal',
					code: media.code,
					duration: 12,
					status: 'RECORDED',
					creationDate: expect.any(String),
					recordDate: expect.any(String),
				},
			]);
		}
	});

	test("getMedia of a code that is not the account's: AllMySMS's reason", async () => {
		const { error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: voice('getMedia', { code: '12345654' }),
		});
		expect(error?.message).toBe('AllMySMS: Code vocal inconnu (status 0)');
	});
});

describe('downloadMedia', () => {
	test('the recording comes out as a binary WAV file, byte for byte what AllMySMS holds', async () => {
		const media = account.sandbox.state.voice.create(account.login, 'welcome');
		account.sandbox.state.voice.record(media.code, { durationSeconds: 5 });
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: voice('downloadMedia', { code: media.code }),
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const [item] = items;
		const size = 44 + 5 * 8000 * 2;
		// No base64 in the JSON: the audio is in the binary property only.
		expect(item.json).toEqual({
			code: media.code,
			fileName: `${media.code}.wav`,
			mimeType: 'audio/wav',
			fileSize: size,
		});
		const binary = item.binary?.data as IBinaryData;
		expect(binary).toEqual(
			expect.objectContaining({
				fileName: `${media.code}.wav`,
				mimeType: 'audio/wav',
				fileExtension: 'wav',
			}),
		);

		const path = await writeToDisk(binary);
		const written = await readFile(path);
		expect(written.length).toBe(size);
		expect(
			written.equals(account.sandbox.state.voice.get(account.login, media.code)?.audio as Buffer),
		).toBe(true);
	});

	test('MP3 recordings (an ID3 tag, or a bare MPEG frame) are audio/mpeg files, in the field chosen, from an XML answer', async () => {
		const id3 = Buffer.concat([
			Buffer.from('ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000', 'latin1'),
			Buffer.alloc(2000, 0x55),
		]);
		const frame = Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(2000, 0x11)]);
		for (const audio of [id3, frame]) {
			const media = account.sandbox.state.voice.create(account.login, 'mp3');
			account.sandbox.state.voice.record(media.code, { audio, durationSeconds: 8 });
			const { items } = await runAllMySmsNode({
				credentials: account.credentials,
				parameters: voice('downloadMedia', {
					code: media.code,
					options: { binaryPropertyName: 'audio', requestFormat: 'xml' },
				}),
			});
			expect(items[0].json).toEqual({
				code: media.code,
				fileName: `${media.code}.mp3`,
				mimeType: 'audio/mpeg',
				fileSize: audio.length,
			});
			expect(Object.keys(items[0].binary ?? {})).toEqual(['audio']);
			const written = await readFile(await writeToDisk(items[0].binary?.audio as IBinaryData));
			expect(written.equals(audio)).toBe(true);
		}
		expect(
			requestsTo(account.sandbox, 'downloadMedia').map((request) => request.form.returnformat),
		).toEqual(['xml', 'xml']);
	});

	test('nothing recorded yet: the error says so, and no file comes out', async () => {
		const media = account.sandbox.state.voice.create(account.login, 'later');
		const { items, error } = await runAllMySmsNode({
			credentials: account.credentials,
			parameters: voice('downloadMedia', { code: media.code }),
		});
		expect(error?.message).toBe(
			"AllMySMS: Aucun message vocal n'a été enregistré pour ce code (status 0)",
		);
		expect(items).toEqual([]);
	});
});
