import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties, INodePropertyRouting } from 'n8n-workflow';

import { requestFormatOption, retriesOption, timeoutOption } from '../../shared/descriptions';
import { apiRoutingWith, invalidInput } from '../../shared/operationRouting';
import { checkPhoneNumber } from '../../shared/validation/phoneNumbers';

/**
 * The number as AllMySMS can match it: a mobile number in any usual writing (06 12 34 56 78,
 * +33 6…, 0033 6…) is sent cleaned up; anything else that is digits (an old NPAI number the
 * number checks would refuse) is sent as digits.
 */
async function cleanPhoneNumber(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const body = (requestOptions.body ?? {}) as IDataObject;
	const raw = String(body.phoneNumber ?? '').trim();
	const check = checkPhoneNumber(raw);
	if (check.ok) {
		body.phoneNumber = check.number.toSend;
		return requestOptions;
	}
	const digits = raw.replace(/[\s.\-()\u00a0]/g, '').replace(/^00/, '+');
	if (!/^\+?\d{6,15}$/.test(digits)) {
		throw invalidInput(this, 'Phone Number', raw === '' ? 'the number is empty' : `"${raw}" is not a phone number`);
	}
	body.phoneNumber = digits;
	return requestOptions;
}

/** The routing of the deleteBlacklistEntry operation (its option is in index.ts). */
export const deleteBlacklistEntryRouting: INodePropertyRouting = apiRoutingWith('deleteBlacklistEntry', { before: [cleanPhoneNumber] });

const show = { show: { resource: ['blacklist'], operation: ['deleteBlacklistEntry'] } };

export const deleteBlacklistEntryDescription: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0612345678',
		displayOptions: show,
		description:
			'The blacklisted number, in any usual writing (06…, +336…, 336…). Only unreachable (NPAI) and manually added numbers can be removed: a contact who answered STOP must send START to the short code instead.',
		routing: { send: { type: 'body', property: 'phoneNumber' } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [requestFormatOption, retriesOption, timeoutOption],
	},
];
