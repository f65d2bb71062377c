/**
 * downloadMedia (manual section 40): the recorded message itself, base64 in `file`.
 */
import type { MethodDefinition } from './context';
import { MEDIA_TEXTS, mediaFailure, mediaOf } from './voiceMedia';

export const downloadMedia: MethodDefinition = {
	name: 'downloadMedia',
	authErrorShape: 'status',
	authErrorAnswer: (text) => mediaFailure(text),
	async handle(context) {
		const found = mediaOf(context);
		if (!found.ok) return found.answer;
		const { audio } = found.media;
		if (!audio) return mediaFailure(MEDIA_TEXTS.notRecorded);
		return { status: '1', statusText: '', file: audio.toString('base64') };
	},
};
