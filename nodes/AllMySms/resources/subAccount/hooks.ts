import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData, JsonObject } from 'n8n-workflow';

import { interpretAnswer } from '../../shared/answers';
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

/** Section 23: the text of the one status 0 that means "an empty list". */
const NO_SUB_ACCOUNT_TEXT = /^no ?sub-?accounts? found\.?$/i;

/**
 * getSubAccounts answers status 0 both for "No subaccount found" (23, an empty list) and for a
 * refusal such as a wrong key (`Problème de connexion…`). Runs before the answer is turned into
 * items: only the first is let through as "no item"; any other status 0 fails with the API's text.
 */
export async function failUnlessNoSubAccount(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const result = interpretAnswer('getSubAccounts', response, [String(credentials.apiKey ?? '')]);
	// Not a status 0 answer that the transport would take for an empty list: its own reading decides.
	if (!result.ok || result.data.status === undefined || String(result.data.status).trim() !== '0') return items;
	const text = String(result.data.statusText ?? result.data.text ?? '').trim();
	if (NO_SUB_ACCOUNT_TEXT.test(text)) return items;
	throw new NodeApiError(this.getNode(), result.data as JsonObject, {
		message: `AllMySMS: ${text || 'the sub-accounts could not be read'} (status 0)`,
		description: 'Only "No subaccount found" means that the account has no sub-account; this answer is a refusal. Check the login and API key of the credential (and its Sub-account).',
		httpCode: '0',
		itemIndex: this.getItemIndex(),
	});
}
