/**
 * Control API of the voice methods: what the phone call to the interactive voice server would
 * do (createCode, 38), which cannot happen here.
 *
 *   POST /_sandbox/accounts/<login>/voice-codes/<code>/recording
 *        {"durationSeconds"?: number, "audioBase64"?: string}
 *
 * records a message under the code: the given audio, or a generated WAV tone of
 * `durationSeconds` (default 6). Answers the code's state (201), 404 for an unknown account
 * or a code that is not the account's.
 */
import { formatApiDate } from './rules';
import type { SandboxState } from './state';

export function voiceControl(
	state: SandboxState,
	route: string,
	fields: Record<string, unknown>,
): { status: number; body: unknown } | undefined {
	const match = /^POST \/accounts\/([^/]+)\/voice-codes\/([^/]+)\/recording$/.exec(route);
	if (!match) return undefined;
	const login = decodeURIComponent(match[1]);
	const code = decodeURIComponent(match[2]);
	if (!state.findAccount(login))
		return { status: 404, body: { error: `unknown account ${login}` } };
	if (!state.voice.get(login, code))
		return { status: 404, body: { error: `account ${login} has no voice code ${code}` } };
	const { durationSeconds, audioBase64 } = fields;
	if (
		durationSeconds !== undefined &&
		(typeof durationSeconds !== 'number' || !(durationSeconds > 0))
	) {
		return { status: 400, body: { error: 'durationSeconds must be a positive number' } };
	}
	if (audioBase64 !== undefined && typeof audioBase64 !== 'string')
		return { status: 400, body: { error: 'audioBase64 must be a string' } };
	const media = state.voice.record(code, {
		durationSeconds: durationSeconds as number | undefined,
		audio: audioBase64 === undefined ? undefined : Buffer.from(audioBase64, 'base64'),
	});
	return {
		status: 201,
		body: {
			code: media.code,
			label: media.label,
			duration: media.duration,
			recordDate: media.recordDate ? formatApiDate(media.recordDate) : null,
			audioBytes: media.audio?.length ?? 0,
		},
	};
}
