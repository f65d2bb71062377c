import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { bodyObject, invalidInput } from '../../shared/operationRouting';

/**
 * The `accountData` flow of createSubAccount (21.2, annex 5) and updateSubAccount (22.2). Each
 * field routes into `accountData.<FIELD>`; the transport serialises it as JSON or XML.
 */

type FlowField = string;

interface AccountDataField {
	displayName: string;
	name: string;
	field: FlowField;
	description: string;
	type?: 'string' | 'boolean';
	placeholder?: string;
	/** In 22.2's list too (updateSubAccount). */
	updatable: boolean;
	password?: boolean;
	/** For booleans: the value AllMySMS assumes when the field is not sent. */
	default?: boolean;
}

/** 21.2 "PASSWORD … (6 caractères minimum)". */
export const MIN_PASSWORD_LENGTH = 6;

const route = (field: FlowField, type: AccountDataField['type']): INodeProperties['routing'] => ({
	send: {
		type: 'body',
		property: `accountData.${field}`,
		// Booleans are "1"/"0" in the flow, as in annex 5. Passwords are sent as typed.
		value:
			type === 'boolean'
				? '={{ $value ? "1" : "0" }}'
				: field === 'PASSWORD'
					? '={{ String($value ?? "") }}'
					: '={{ String($value ?? "").trim() }}',
	},
});

/** The optional fields, in the order n8n lists them (alphabetical). */
const OPTIONAL_FIELDS: AccountDataField[] = [
	{ displayName: 'Active', name: 'active', field: 'ACTIVE', type: 'boolean', default: true, updatable: true, description: 'Whether the sub-account can be used. An inactive sub-account cannot log in or send (AllMySMS default: active).' },
	{ displayName: 'Address', name: 'address', field: 'ADDRESS', updatable: true, description: 'Postal address of the sub-account' },
	{ displayName: 'Billing Address', name: 'billAddress', field: 'BILLADDRESS', updatable: true, description: 'Billing postal address' },
	{ displayName: 'Billing City', name: 'billCity', field: 'BILLCITY', updatable: true, description: 'Billing city' },
	{ displayName: 'Billing Company', name: 'billSociety', field: 'BILLSOCIETY', updatable: true, description: 'Company name on invoices' },
	{ displayName: 'Billing Country', name: 'billCountry', field: 'BILLCOUNTRY', updatable: true, description: 'Billing country, as text (for example FRANCE)' },
	{ displayName: 'Billing Email', name: 'billEmail', field: 'BILLEMAIL', updatable: true, placeholder: 'name@email.com', description: 'Email address for invoices' },
	{ displayName: 'Billing First Name', name: 'billFirstName', field: 'BILLFIRSTNAME', updatable: true, description: 'First name on invoices' },
	{ displayName: 'Billing Last Name', name: 'billLastName', field: 'BILLLASTNAME', updatable: true, description: 'Last name on invoices' },
	{ displayName: 'Billing Mobile', name: 'billMobile', field: 'BILLMOBILE', updatable: true, description: 'Billing mobile phone number' },
	{ displayName: 'Billing Phone', name: 'billPhone', field: 'BILLPHONE', updatable: true, description: 'Billing phone number' },
	{ displayName: 'Billing Postal Code', name: 'billZip', field: 'BILLZIP', updatable: true, description: 'Billing postal code' },
	{ displayName: 'City', name: 'city', field: 'CITY', updatable: true, description: 'City of the sub-account' },
	{ displayName: 'Company', name: 'society', field: 'SOCIETY', updatable: true, description: 'Company of the sub-account' },
	{ displayName: 'Country', name: 'country', field: 'COUNTRY', updatable: true, description: 'Country of the sub-account, as text (for example FRANCE)' },
	{ displayName: 'Delivery Report Webhook URL', name: 'webhookDlr', field: 'WEBHOOKDLR', updatable: false, placeholder: 'https://example.com/dlr', description: 'URL AllMySMS calls with the delivery reports of the sub-account’s SMS' },
	{ displayName: 'Mobile', name: 'mobile', field: 'MOBILE', updatable: true, placeholder: '+33612345678', description: 'Mobile phone number of the sub-account' },
	{ displayName: 'Phone', name: 'phone', field: 'PHONE', updatable: true, description: 'Phone number of the sub-account' },
	{ displayName: 'Postal Code', name: 'zip', field: 'ZIP', updatable: true, description: 'Postal code of the sub-account' },
	{ displayName: 'Post-Paid', name: 'postpaid', field: 'POSTPAID', type: 'boolean', default: false, updatable: false, description: 'Whether the sub-account is billed after use. Only possible when your own account is post-paid.' },
	{ displayName: 'Profile', name: 'profile', field: 'PROFILE', updatable: false, description: 'Access-rights profile, as agreed with AllMySMS' },
	{ displayName: 'Reply Webhook URL', name: 'webhookMo', field: 'WEBHOOKMO', updatable: false, placeholder: 'https://example.com/replies', description: 'URL AllMySMS calls with the replies to the sub-account’s SMS' },
	{ displayName: 'Send Summary Email to Me', name: 'sendEmailToMasterAccount', field: 'SENDEMAILTOMASTERACCOUNT', type: 'boolean', default: false, updatable: false, description: 'Whether AllMySMS emails a summary of the new sub-account to your (master) account' },
	{ displayName: 'Send Summary Email to Sub-Account', name: 'sendEmailToCustomer', field: 'SENDEMAILTOCUSTOMER', type: 'boolean', default: false, updatable: false, description: 'Whether AllMySMS emails a summary (with its login) to the new sub-account' },
	{ displayName: 'Website', name: 'website', field: 'WEBSITE', updatable: true, placeholder: 'https://example.com', description: 'Website of the sub-account' },
];

/** What updateSubAccount can change beyond the optional fields (required on creation). */
const UPDATABLE_REQUIRED_FIELDS: AccountDataField[] = [
	{ displayName: 'Email', name: 'email', field: 'EMAIL', updatable: true, placeholder: 'name@email.com', description: 'Email address of the sub-account' },
	{ displayName: 'First Name', name: 'firstName', field: 'FIRSTNAME', updatable: true, description: 'First name of the sub-account' },
	{ displayName: 'Last Name', name: 'lastName', field: 'LASTNAME', updatable: true, description: 'Last name of the sub-account' },
	{ displayName: 'New Login', name: 'newLogin', field: 'LOGIN', updatable: true, description: 'New login of the sub-account (it must not be taken). Update credentials that act as this sub-account afterwards.' },
	{ displayName: 'New Password', name: 'password', field: 'PASSWORD', updatable: true, password: true, description: `New password for the AllMySMS manager, ${MIN_PASSWORD_LENGTH} characters or more` },
];

function toProperty(definition: AccountDataField): INodeProperties {
	return {
		displayName: definition.displayName,
		name: definition.name,
		type: definition.type ?? 'string',
		default: definition.type === 'boolean' ? (definition.default ?? false) : '',
		...(definition.placeholder ? { placeholder: definition.placeholder } : {}),
		...(definition.password ? { typeOptions: { password: true } } : {}),
		description: definition.description,
		routing: route(definition.field, definition.type),
	} as INodeProperties;
}

/** createSubAccount's required fields (21.2 "obligatoire"), as top-level parameters. */
export function requiredAccountDataFields(show: INodeProperties['displayOptions']): INodeProperties[] {
	const field = (displayName: string, name: string, flowField: FlowField, description: string, extra: Partial<INodeProperties> = {}): INodeProperties =>
		({
			displayName,
			name,
			type: 'string',
			required: true,
			default: '',
			displayOptions: show,
			description,
			routing: route(flowField, 'string'),
			...extra,
		}) as INodeProperties;
	return [
		field('Login', 'subAccountLogin', 'LOGIN', 'Login of the new sub-account; it must not be taken by any AllMySMS account'),
		field('Password', 'password', 'PASSWORD', `Password of the new sub-account for the AllMySMS manager, ${MIN_PASSWORD_LENGTH} characters or more`, {
			typeOptions: { password: true },
		}),
		field('First Name', 'firstName', 'FIRSTNAME', 'First name of the sub-account holder'),
		field('Last Name', 'lastName', 'LASTNAME', 'Last name of the sub-account holder'),
		field('Email', 'email', 'EMAIL', 'Email address of the sub-account holder', { placeholder: 'name@email.com' }),
	];
}

export function createOptions(): INodeProperties[] {
	return OPTIONAL_FIELDS.map(toProperty);
}

export function updateOptions(): INodeProperties[] {
	return [...OPTIONAL_FIELDS, ...UPDATABLE_REQUIRED_FIELDS]
		.filter((definition) => definition.updatable)
		.sort((a, b) => a.displayName.localeCompare(b.displayName))
		.map(toProperty);
}

const LABELS: Record<string, string> = Object.fromEntries(
	[...OPTIONAL_FIELDS, ...UPDATABLE_REQUIRED_FIELDS].map((definition) => [definition.field, definition.displayName]),
);

/**
 * What the manual forbids in the flow, checked before anything is sent: a password shorter
 * than 6 characters, an email address without @, and (update) a required field emptied.
 */
export function checkAccountData(context: IExecuteSingleFunctions, data: IDataObject, labels: Record<string, string>): void {
	const label = (field: string): string => labels[field] ?? LABELS[field] ?? field;
	for (const field of ['FIRSTNAME', 'LASTNAME', 'EMAIL', 'LOGIN', 'PASSWORD']) {
		if (field in data && String(data[field]) === '') throw invalidInput(context, label(field), 'it cannot be empty');
	}
	if (data.PASSWORD !== undefined && String(data.PASSWORD).length < MIN_PASSWORD_LENGTH) {
		throw invalidInput(context, label('PASSWORD'), `AllMySMS requires ${MIN_PASSWORD_LENGTH} characters or more`);
	}
	for (const field of ['EMAIL', 'BILLEMAIL']) {
		const value = data[field];
		if (value !== undefined && value !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(value))) {
			throw invalidInput(context, label(field), `"${String(value)}" is not an email address`);
		}
	}
}

/** The flow object of the request (before the transport serialises it). */
export function accountDataOf(requestOptions: IHttpRequestOptions): IDataObject {
	return bodyObject(requestOptions, 'accountData');
}
