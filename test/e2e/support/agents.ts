/** The AI pieces the "tools" and "conversation" phases build agent workflows with. */
import { randomUUID } from 'node:crypto';

import type { CredentialToImport } from '../../../scripts/lib/n8n';
import { SANDBOX_CREDENTIAL } from '../../../scripts/lib/workflows';

export const TOOL_TYPE = 'n8n-nodes-allmysms.allMySmsTool';
export const SANDBOX = {
	allMySmsApi: { id: SANDBOX_CREDENTIAL.id, name: SANDBOX_CREDENTIAL.name },
};
export const OPENAI_CREDENTIAL = {
	id: 'FakeOpenAiModel0',
	name: 'Fake OpenAI model (e2e)',
	type: 'openAiApi',
} as const;
export const SEND_SMS_DESCRIPTION =
	'Send a text message (SMS) to one or more mobile phone numbers with AllMySMS';

/** Send_SMS as a user sets it up: the recipients and the text left to the AI, the rest fixed. */
export function sendSmsTool(position: [number, number], options: Record<string, unknown> = {}) {
	return {
		id: randomUUID(),
		name: 'Send_SMS',
		type: TOOL_TYPE,
		typeVersion: 1,
		position,
		parameters: {
			descriptionType: 'manual',
			toolDescription: SEND_SMS_DESCRIPTION,
			resource: 'sms',
			operation: 'sendSms',
			// Appointment reminders: transactional, so the test does not depend on the hour it runs at.
			messageCategory: 'transactional',
			phoneNumbers:
				"={{ $fromAI('phoneNumbers', 'Mobile numbers of the recipients, separated by commas, e.g. +33612345678', 'string') }}",
			message: "={{ $fromAI('message', 'Text of the SMS', 'string') }}",
			options,
		},
		credentials: SANDBOX,
	};
}

/**
 * OpenAI Chat Model on the fake server: Chat Completions (Agent 2.x refuses a Responses API
 * model), the model by ID (the fake server lists none).
 */
export function openAiModelNode(position: [number, number]) {
	return {
		id: randomUUID(),
		name: 'OpenAI Chat Model',
		type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
		typeVersion: 1.3,
		position,
		parameters: {
			model: { __rl: true, mode: 'id', value: 'fake-sms-model' },
			responsesApiEnabled: false,
			options: {},
		},
		credentials: { openAiApi: { id: OPENAI_CREDENTIAL.id, name: OPENAI_CREDENTIAL.name } },
	};
}

/** An OpenAI credential whose Base URL is the fake model's (`url`), under this id and name. */
export function fakeModelCredential(
	url: string,
	credential: { id: string; name: string } = OPENAI_CREDENTIAL,
): CredentialToImport {
	return {
		id: credential.id,
		name: credential.name,
		type: 'openAiApi',
		data: { apiKey: 'sk-fake-e2e', organizationId: '', url, header: false },
	};
}
