/**
 * createCode (manual section 38): a code under which a voice message is recorded by phone on
 * the interactive voice server (09 77 55 40 93). Here the call is simulated with
 * SandboxState.recordVoiceMessage or POST /_sandbox/accounts/<login>/voice-codes/<code>/recording.
 */
import type { MethodDefinition } from './context';

export const createCode: MethodDefinition = {
	name: 'createCode',
	authErrorShape: 'status',
	// Where the manual is silent: "0 : échec" (38.2) for a failed authentication too.
	authErrorAnswer: (text) => ({ status: '0', statusText: text }),
	async handle({ state, account, params }) {
		const media = state.voice.create(account.login, params.label?.trim() ?? '');
		// 38.2's example leaves status and statusText empty; its field list says "1 : réussi".
		return { status: '1', statusText: '', vocalCode: media.code };
	},
};
