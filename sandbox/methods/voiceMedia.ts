/**
 * What getMedia (39) and downloadMedia (40) share: the code parameter and the failures.
 */
import type { VoiceMedia } from '../state';
import type { MethodContext } from './context';

/** Failure texts (the manual gives none): French like its other messages. */
export const MEDIA_TEXTS = {
	missingCode: 'Paramètre code manquant',
	unknownCode: 'Code vocal inconnu',
	notRecorded: "Aucun message vocal n'a été enregistré pour ce code",
} as const;

export function mediaFailure(text: string): Record<string, unknown> {
	return { status: '0', statusText: text };
}

/** The account's voice code named by `code`, or the failure answer. */
export function mediaOf(
	context: MethodContext,
): { ok: true; media: VoiceMedia } | { ok: false; answer: Record<string, unknown> } {
	const code = context.params.code?.trim();
	if (!code) return { ok: false, answer: mediaFailure(MEDIA_TEXTS.missingCode) };
	// Where the manual is silent: another account's code is unknown to this one.
	const media = context.state.voice.get(context.account.login, code);
	return media ? { ok: true, media } : { ok: false, answer: mediaFailure(MEDIA_TEXTS.unknownCode) };
}
