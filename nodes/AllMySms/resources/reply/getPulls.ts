import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import { limitField, readLimit, returnAllField } from '../campaign/common';

const show = showFor('reply', ['getPulls']);

/** The API's own default `limit` (14.1). */
export const REPLIES_PER_REQUEST = 1000;

/**
 * Return All for getPulls. The API has no offset: it hands out the replies not fetched yet,
 * newest first, and never again (14.1). So every request takes the next batch, until one comes
 * back short.
 */
export async function pullAllReplies(
	page: (params: IDataObject) => Promise<IDataObject[]>,
): Promise<IDataObject[]> {
	const replies: IDataObject[] = [];
	const seen = new Set<string>();
	for (;;) {
		const entries = await page({ limit: REPLIES_PER_REQUEST });
		// Should the API ever hand the same replies out again, stop rather than loop for ever.
		const fresh = entries.filter((reply) => {
			const id = reply.id === undefined ? undefined : String(reply.id);
			if (id === undefined) return true;
			if (seen.has(id)) return false;
			seen.add(id);
			return true;
		});
		replies.push(...fresh);
		if (entries.length < REPLIES_PER_REQUEST || fresh.length === 0) return replies;
	}
}

/** getPulls (14): the replies not fetched yet, each handed out once. */
export const getPulls: ItemOperation = {
	method: 'getPulls',
	request: (input) => ({ params: { limit: readLimit(input) } }),
	allPages: pullAllReplies,
};

export const getPullsDescription: INodeProperties[] = [
	returnAllField(show),
	limitField(show),
	requestOptions(show),
];
