import { randomUUID } from 'node:crypto';

import type { WorkflowFile } from '../../../scripts/lib/n8n';
import { SANDBOX_CREDENTIAL } from '../../../scripts/lib/workflows';

export const TRIGGER_NODE = 'AllMySMS Trigger';

/** "AllMySMS Trigger → No Operation": the smallest workflow a trigger can be activated in. */
export function triggerWorkflow(id: string, events: Array<'dlr' | 'mo'>, options: Record<string, unknown> = {}): WorkflowFile & { id: string } {
	return {
		id,
		name: `E2E · trigger ${events.join(' + ')}`,
		nodes: [
			{
				id: randomUUID(),
				name: TRIGGER_NODE,
				type: 'n8n-nodes-allmysms.allMySmsTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { events, options },
				credentials: { allMySmsApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name } },
			},
			{ id: randomUUID(), name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
		],
		connections: { [TRIGGER_NODE]: { main: [[{ node: 'Received', type: 'main', index: 0 }]] } },
	};
}
