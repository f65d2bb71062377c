import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../AllMySms/shared/transport';
import { previewReplies, pullNewReplies } from './replies';

/**
 * Replies by polling getPulls (manual 14), for an n8n that AllMySMS cannot reach. It is a node
 * of its own: n8n runs a node that has both `webhook` and `poll` through `poll` in manual runs,
 * test webhook calls included, so one node cannot offer both modes.
 */
export class AllMySmsPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AllMySMS Polling Trigger',
		name: 'allMySmsPollingTrigger',
		icon: { light: 'file:../../icons/allMySms.svg', dark: 'file:../../icons/allMySms.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Replies',
		description:
			'Starts the workflow when contacts reply to your SMS, by asking AllMySMS for new replies at regular intervals',
		defaults: { name: 'AllMySMS Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		properties: [
			{
				displayName:
					'Each poll takes every new reply from AllMySMS (getPulls gives a reply only once) and starts one run with one item per reply. Use it when AllMySMS cannot reach this n8n; otherwise the AllMySMS Trigger is instant. "Fetch Test Event" only reads replies to your latest campaigns and leaves them for the active workflow. Do not use the Reply › Get New operation on the same account meanwhile: the replies it takes never reach this trigger.',
				name: 'pollingNotice',
				type: 'notice',
				default: '',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		if (this.getMode() === 'manual') {
			return [this.helpers.returnJsonArray(await previewReplies.call(this))];
		}
		const replies = await pullNewReplies.call(this);
		return replies.length > 0 ? [this.helpers.returnJsonArray(replies)] : null;
	}
}
