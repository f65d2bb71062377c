import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import type { PostReceive } from '../../shared/operationRouting';
import { CREDENTIAL_TYPE } from '../../shared/transport';

/** Adds the login the operation worked on to its output (the API's answer does not say). */
export function echoParameter(outputField: string, parameterName: string): PostReceive {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		const value = String(this.getNodeParameter(parameterName, '') ?? '').trim();
		return items.map((item) => ({ ...item, json: { ...item.json, [outputField]: value } }));
	};
}

/** The login of the sub-account the credential acts as, or '' for the master account. */
export async function credentialSubAccount(context: IExecuteSingleFunctions): Promise<string> {
	const credentials = await context.getCredentials(CREDENTIAL_TYPE, context.getItemIndex());
	return String(credentials.subAccount ?? '').trim();
}

/** Managing sub-accounts is the master account's business (annex 14). */
export function actingAsSubAccount(context: IExecuteSingleFunctions, method: string, subAccount: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${method} is not available when acting as a sub-account`, {
		itemIndex: context.getItemIndex(),
		description: `The AllMySMS credential has Sub-account "${subAccount}" set, and AllMySMS does not allow ${method} through the Allmysms-Subaccount header (manual, annex 14). Use a credential without Sub-account (the master account). Nothing was sent.`,
	});
}
