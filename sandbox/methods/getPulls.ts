/**
 * getPulls (manual section 14): the replies not fetched yet, newest first, each only once.
 */
import { intParam, moFields } from '../reports';
import type { MethodDefinition } from './context';

/** 14.1: "limité à 1000 par défaut". */
const DEFAULT_LIMIT = 1000;

export const getPulls: MethodDefinition = {
	name: 'getPulls',
	authErrorShape: 'error',
	async handle(context) {
		const asked = intParam(context, 'limit', DEFAULT_LIMIT);
		// Where the manual is silent: a limit of 0, negative or unreadable means the default.
		const limit = asked > 0 ? asked : DEFAULT_LIMIT;
		const waiting = context.state
			.replies(context.account.login)
			.map((reply, order) => ({ reply, order }))
			.filter(({ reply }) => !reply.pulled)
			.sort(
				(a, b) =>
					b.reply.receptionDate.getTime() - a.reply.receptionDate.getTime() || b.order - a.order,
			)
			.slice(0, limit)
			.map(({ reply }) => reply);
		// "Les réponses déjà récupérées ne le seront plus" (14.1): getPull still finds them.
		for (const reply of waiting) reply.pulled = true;
		return { mos: waiting.map(moFields) };
	},
};
