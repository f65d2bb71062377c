import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { AllMySmsApi } from '../../../credentials/AllMySmsApi.credentials';
import { interpretAnswer } from './answers';
import type { HttpAnswer } from './answers';
import { API_METHODS } from './apiMethods';
import { redact } from './redact';
import { baseUrlOf, buildForm, HTTP_OPTIONS } from './transport';

/**
 * The credential test: a getInfo call, built and authenticated like every other request, that
 * fails with AllMySMS's own reason (for a wrong key, annex 2's status 102 text).
 */
export async function allMySmsApiTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const secrets = [String(data.apiKey ?? '')];
	const request = await new AllMySmsApi().authenticate(data, {
		...HTTP_OPTIONS,
		url: API_METHODS.getInfo.path,
		body: buildForm('getInfo', {}, 'json'),
	});
	try {
		// Credential tests only get the legacy request helper.
		const response = (await this.helpers.request({
			method: 'POST',
			uri: `${baseUrlOf(data)}${API_METHODS.getInfo.path}`,
			form: request.body,
			headers: request.headers,
			simple: false,
			resolveWithFullResponse: true,
		})) as HttpAnswer;
		const result = interpretAnswer('getInfo', response, secrets);
		if (!result.ok) return { status: 'Error', message: result.problem.message };
		return { status: 'OK', message: 'Connection successful' };
	} catch (error) {
		return { status: 'Error', message: redact(`Could not reach AllMySMS: ${(error as Error).message}`, secrets) };
	}
}
