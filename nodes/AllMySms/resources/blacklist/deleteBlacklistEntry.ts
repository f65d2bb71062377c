import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, showFor } from '../../shared/descriptions';
import type { ItemInput, ItemOperation } from '../../shared/operation';
import { checkPhoneNumber } from '../../shared/validation/phoneNumbers';

/**
 * The number as AllMySMS can match it: a mobile number in any usual writing (06 12 34 56 78,
 * +33 6…, 0033 6…) is sent cleaned up; anything else that is digits (an old NPAI number the
 * number checks would refuse) is sent as digits.
 */
function cleanPhoneNumber(input: ItemInput): string {
	const raw = input.text('phoneNumber');
	const check = checkPhoneNumber(raw);
	if (check.ok) return check.number.toSend;
	const digits = raw.replace(/[\s.\-()\u00a0]/g, '').replace(/^00/, '+');
	if (!/^\+?\d{6,15}$/.test(digits)) {
		throw input.invalid(
			'Phone Number',
			raw === '' ? 'the number is empty' : `"${raw}" is not a phone number`,
		);
	}
	return digits;
}

/** deleteBlacklistEntry (19): one number out of the blacklist. */
export const deleteBlacklistEntry: ItemOperation = {
	method: 'deleteBlacklistEntry',
	request: (input) => ({ params: { phoneNumber: cleanPhoneNumber(input) } }),
};

const show = showFor('blacklist', ['deleteBlacklistEntry']);

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
	},
	requestOptions(show),
];
