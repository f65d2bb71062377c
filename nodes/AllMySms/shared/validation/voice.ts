import { checkPhoneNumber, cleanNumber } from './phoneNumbers';
import type { PhoneNumber } from './phoneNumbers';

/**
 * Rules of the voice sends (sections 36, 37 and annex 13): France only, a French landline as
 * the sender, a WAV or MP3 file.
 */

type VoiceCheck<T> = { ok: true; value: T } | { ok: false; reason: string };

const SENDER_FORMATS =
	'01, 02, 03, 04, 05 or 09 followed by 8 digits, or +33 and the same number without its 0';

/**
 * The TPOA of a voice message: "numéro de téléphone émetteur du message (préfixe 01, 02, 03,
 * 04, 05 ou 09)". Returned in the national form of the manual's example (`tpoa=0123456789`),
 * whatever way it was written (+33 1…, 0033 1…, spaces, dots).
 */
export function checkVoiceSender(raw: string): VoiceCheck<string> {
	const input = raw.trim();
	if (input === '') return { ok: false, reason: 'the sender number is empty' };
	const national = cleanNumber(input).replace(/^\+?33(\d{9})$/, '0$1');
	if (/^0[1-59]\d{8}$/.test(national)) return { ok: true, value: national };
	if (/^0[67]\d{8}$/.test(national)) {
		return {
			ok: false,
			reason: `"${input}" is a mobile number; the sender of a voice message is a French landline (${SENDER_FORMATS})`,
		};
	}
	if (/^08\d{8}$/.test(national)) {
		return {
			ok: false,
			reason: `"${input}" is a special-rate number (08); the sender of a voice message is a French landline (${SENDER_FORMATS})`,
		};
	}
	return { ok: false, reason: `"${input}" is not a French landline number (${SENDER_FORMATS})` };
}

/** "Les messages vocaux ne sont disponibles qu'en France" (36): French mobiles only. */
export function checkVoiceRecipient(raw: string): VoiceCheck<PhoneNumber> {
	const check = checkPhoneNumber(raw);
	if (!check.ok) return { ok: false, reason: check.reason };
	if (!check.number.international.startsWith('33')) {
		return {
			ok: false,
			reason: `"${raw.trim()}" is not a French number; AllMySMS sends voice messages to mainland France only`,
		};
	}
	return { ok: true, value: check.number };
}

const AUDIO_EXTENSIONS = ['wav', 'mp3'];

/**
 * The URL of the audio file AllMySMS downloads: http(s). A file name with another extension
 * (.ogg, .m4a…) is refused here (annex 13, status 113: WAV or MP3 only); a URL without an
 * extension is let through, AllMySMS judges the content.
 */
export function checkAudioUrl(raw: string): VoiceCheck<string> {
	const input = raw.trim();
	if (input === '') return { ok: false, reason: 'the URL is empty' };
	let url: URL;
	try {
		url = new URL(input);
	} catch {
		return { ok: false, reason: `"${input}" is not a URL` };
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		return { ok: false, reason: `"${input}" is not an http(s) URL that AllMySMS can download` };
	}
	const extension = /\.([A-Za-z0-9]{1,5})$/.exec(url.pathname)?.[1]?.toLowerCase();
	if (extension && !AUDIO_EXTENSIONS.includes(extension)) {
		return {
			ok: false,
			reason: `".${extension}" files are not accepted; AllMySMS plays WAV or MP3 files only`,
		};
	}
	return { ok: true, value: input };
}

/** What an audio file is, from its first bytes: RIFF…WAVE, or MP3 (an ID3 tag or an MPEG frame sync). */
export function audioTypeOf(bytes: Uint8Array): { mimeType: string; extension: string } {
	const ascii = (start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
	if (bytes.length >= 12 && ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WAVE')
		return { mimeType: 'audio/wav', extension: 'wav' };
	if (bytes.length >= 3 && ascii(0, 3) === 'ID3')
		return { mimeType: 'audio/mpeg', extension: 'mp3' };
	if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0)
		return { mimeType: 'audio/mpeg', extension: 'mp3' };
	return { mimeType: 'application/octet-stream', extension: 'bin' };
}
