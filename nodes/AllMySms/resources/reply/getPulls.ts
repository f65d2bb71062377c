import type { DeclarativeRestApiSettings, IDataObject, IExecutePaginationFunctions, INodeExecutionData, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRouting, retryingRequests } from '../../shared/transport';
import { limitField, returnAllField } from '../campaign/common';

const show = { resource: ['reply'], operation: ['getPulls'] };

/** The API's own default `limit` (14.1). */
export const REPLIES_PER_REQUEST = 1000;

/**
 * Return All for getPulls. The API has no offset: it hands out the replies not fetched yet,
 * newest first, and never again (14.1). So every request takes the next batch, until one comes
 * back short. Each page goes through the transport's hooks like any other request.
 */
export async function pullAllReplies(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const replies: INodeExecutionData[] = [];
	const seen = new Set<string>();
	for (;;) {
		const body = { ...((requestData.options.body ?? {}) as IDataObject), limit: REPLIES_PER_REQUEST };
		const page = await this.makeRoutingRequest({ ...requestData, options: { ...requestData.options, body } });
		// Should the API ever hand the same replies out again, stop rather than loop for ever.
		const fresh = page.filter((item) => {
			const id = item.json.id === undefined ? undefined : String(item.json.id);
			if (id === undefined) return true;
			if (seen.has(id)) return false;
			seen.add(id);
			return true;
		});
		replies.push(...fresh);
		if (page.length < REPLIES_PER_REQUEST || fresh.length === 0) return replies;
	}
}

/** The routing of the getPulls operation (its option is in index.ts). */
export const getPullsRouting: INodePropertyRouting = { ...apiRouting('getPulls'), operations: { pagination: retryingRequests('getPulls', pullAllReplies) } };

export const getPullsDescription: INodeProperties[] = [
	returnAllField(show),
	limitField(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
