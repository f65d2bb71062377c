/**
 * getMedia (manual section 39): the information of the message recorded under a voice code.
 */
import { formatApiDate } from '../rules';
import type { MethodDefinition } from './context';
import { mediaFailure, mediaOf } from './voiceMedia';

export const getMedia: MethodDefinition = {
	name: 'getMedia',
	authErrorShape: 'status',
	authErrorAnswer: (text) => mediaFailure(text),
	async handle(context) {
		const found = mediaOf(context);
		if (!found.ok) return found.answer;
		const { media } = found;
		const recorded = media.audio !== undefined;
		// 39.2: strings in JSON. Decision (the manual shows RECORDED only): a code not recorded
		// yet is PENDING, with duration 0 and an empty recordDate.
		return {
			status: '1',
			statusText: '',
			media: {
				label: media.label,
				code: media.code,
				duration: String(media.duration ?? 0),
				status: recorded ? 'RECORDED' : 'PENDING',
				creationDate: formatApiDate(media.creationDate),
				recordDate: media.recordDate ? formatApiDate(media.recordDate) : '',
			},
		};
	},
};
