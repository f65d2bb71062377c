import { randomBytes } from 'node:crypto';

import { generateWav, wavDuration } from './audio';
import type { VoiceMedia } from './state';

/**
 * Voice codes (createCode, 38) and what is recorded under them by phone (getMedia, 39;
 * downloadMedia, 40). The IVR knows a code alone, so codes are unique across accounts.
 */
export class VoiceCodes {
	private readonly voiceMedia = new Map<string, VoiceMedia>();

	constructor(
		private readonly now: () => Date,
		/** Throws for an unknown account. */
		private readonly accountOf: (login: string) => unknown,
	) {}

	/** createCode: a new 8-digit code (like the manual's 12345654), never given before. */
	create(login: string, label: string): VoiceMedia {
		this.accountOf(login);
		let code: string;
		do {
			code = String(10_000_000 + (randomBytes(4).readUInt32BE(0) % 90_000_000));
		} while (this.voiceMedia.has(code));
		const media: VoiceMedia = { code, login, label, creationDate: this.now() };
		this.voiceMedia.set(code, media);
		return media;
	}

	/** A voice code of that account; undefined when unknown or another account's. */
	get(login: string, code: string): VoiceMedia | undefined {
		const media = this.voiceMedia.get(code);
		return media && media.login === login ? media : undefined;
	}

	list(login: string): VoiceMedia[] {
		return [...this.voiceMedia.values()].filter((media) => media.login === login);
	}

	/**
	 * What the phone call to the IVR would do: records a message under `code`. Without `audio`,
	 * a WAV tone of `durationSeconds` (default 6) is generated; a WAV's duration is read from its
	 * header, other audio needs `durationSeconds`.
	 */
	record(
		code: string,
		options: { audio?: Buffer; durationSeconds?: number; date?: Date } = {},
	): VoiceMedia {
		const media = this.voiceMedia.get(code);
		if (!media) throw new Error(`sandbox: unknown voice code ${code}`);
		const durationSeconds =
			options.durationSeconds ?? (options.audio ? wavDuration(options.audio) : undefined) ?? 6;
		media.audio = options.audio ?? generateWav(durationSeconds);
		media.duration = Math.round(durationSeconds);
		media.recordDate = options.date ?? this.now();
		return media;
	}

	reset(): void {
		this.voiceMedia.clear();
	}
}
