import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { answerItems } from '../../shared/answers';
import type { ApiMethodName } from '../../shared/apiMethods';
import type { ItemInput } from '../../shared/operation';
import { CREDENTIAL_TYPE } from '../../shared/transport';

/** The answer's items with the login the operation worked on (the API's answer does not say). */
export function withLogin(method: ApiMethodName, parameterName: string) {
	return (answer: IDataObject, input: ItemInput): INodeExecutionData[] =>
		answerItems(method, answer).map((json) => ({
			json: { ...json, login: input.text(parameterName) },
		}));
}

/** The login of the sub-account the credential acts as, or '' for the master account. */
export async function credentialSubAccount(input: ItemInput): Promise<string> {
	const credentials = await input.context.getCredentials(CREDENTIAL_TYPE, input.itemIndex);
	return String(credentials.subAccount ?? '').trim();
}

/** Managing sub-accounts is the master account's business (annex 14). */
export function actingAsSubAccount(
	input: ItemInput,
	method: string,
	subAccount: string,
): NodeOperationError {
	return new NodeOperationError(
		input.node,
		`${method} is not available when acting as a sub-account`,
		{
			itemIndex: input.itemIndex,
			description: `The AllMySMS credential has Sub-account "${subAccount}" set, and AllMySMS does not allow ${method} through the Allmysms-Subaccount header (manual, annex 14). Use a credential without Sub-account (the master account). Nothing was sent.`,
		},
	);
}
