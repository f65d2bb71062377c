import type { INodeProperties } from 'n8n-workflow';

import type { ItemInput } from '../../shared/operation';
import type { Flow } from '../../shared/transport';

/**
 * The `accountData` flow of createSubAccount (21.2, annex 5) and updateSubAccount (22.2): each
 * field is a flow field (`<FIELD>`); the transport serialises the flow as JSON or XML.
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

/** Booleans are "1"/"0" in the flow, as in annex 5. Passwords are sent as typed, the rest trimmed. */
function flowValue(field: FlowField, type: AccountDataField['type'], value: unknown): string {
	if (type === 'boolean') return value ? '1' : '0';
	const text = value === undefined || value === null ? '' : String(value);
	return field === 'PASSWORD' ? text : text.trim();
}

/** The optional fields, in the order n8n lists them (alphabetical). */
const OPTIONAL_FIELDS: AccountDataField[] = [
	{
		displayName: 'Active',
		name: 'active',
		field: 'ACTIVE',
		type: 'boolean',
		default: true,
		updatable: true,
		description:
			'Whether the sub-account can be used. An inactive sub-account cannot log in or send (AllMySMS default: active).',
	},
	{
		displayName: 'Address',
		name: 'address',
		field: 'ADDRESS',
		updatable: true,
		description: 'Postal address of the sub-account',
	},
	{
		displayName: 'Billing Address',
		name: 'billAddress',
		field: 'BILLADDRESS',
		updatable: true,
		description: 'Billing postal address',
	},
	{
		displayName: 'Billing City',
		name: 'billCity',
		field: 'BILLCITY',
		updatable: true,
		description: 'Billing city',
	},
	{
		displayName: 'Billing Company',
		name: 'billSociety',
		field: 'BILLSOCIETY',
		updatable: true,
		description: 'Company name on invoices',
	},
	{
		displayName: 'Billing Country',
		name: 'billCountry',
		field: 'BILLCOUNTRY',
		updatable: true,
		description: 'Billing country, as text (for example FRANCE)',
	},
	{
		displayName: 'Billing Email',
		name: 'billEmail',
		field: 'BILLEMAIL',
		updatable: true,
		placeholder: 'name@email.com',
		description: 'Email address for invoices',
	},
	{
		displayName: 'Billing First Name',
		name: 'billFirstName',
		field: 'BILLFIRSTNAME',
		updatable: true,
		description: 'First name on invoices',
	},
	{
		displayName: 'Billing Last Name',
		name: 'billLastName',
		field: 'BILLLASTNAME',
		updatable: true,
		description: 'Last name on invoices',
	},
	{
		displayName: 'Billing Mobile',
		name: 'billMobile',
		field: 'BILLMOBILE',
		updatable: true,
		description: 'Billing mobile phone number',
	},
	{
		displayName: 'Billing Phone',
		name: 'billPhone',
		field: 'BILLPHONE',
		updatable: true,
		description: 'Billing phone number',
	},
	{
		displayName: 'Billing Postal Code',
		name: 'billZip',
		field: 'BILLZIP',
		updatable: true,
		description: 'Billing postal code',
	},
	{
		displayName: 'City',
		name: 'city',
		field: 'CITY',
		updatable: true,
		description: 'City of the sub-account',
	},
	{
		displayName: 'Company',
		name: 'society',
		field: 'SOCIETY',
		updatable: true,
		description: 'Company of the sub-account',
	},
	{
		displayName: 'Country',
		name: 'country',
		field: 'COUNTRY',
		updatable: true,
		description: 'Country of the sub-account, as text (for example FRANCE)',
	},
	{
		displayName: 'Delivery Report Webhook URL',
		name: 'webhookDlr',
		field: 'WEBHOOKDLR',
		updatable: false,
		placeholder: 'https://example.com/dlr',
		description: 'URL AllMySMS calls with the delivery reports of the sub-account’s SMS',
	},
	{
		displayName: 'Mobile',
		name: 'mobile',
		field: 'MOBILE',
		updatable: true,
		placeholder: '+33612345678',
		description: 'Mobile phone number of the sub-account',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		field: 'PHONE',
		updatable: true,
		description: 'Phone number of the sub-account',
	},
	{
		displayName: 'Postal Code',
		name: 'zip',
		field: 'ZIP',
		updatable: true,
		description: 'Postal code of the sub-account',
	},
	{
		displayName: 'Post-Paid',
		name: 'postpaid',
		field: 'POSTPAID',
		type: 'boolean',
		default: false,
		updatable: false,
		description:
			'Whether the sub-account is billed after use. Only possible when your own account is post-paid.',
	},
	{
		displayName: 'Profile',
		name: 'profile',
		field: 'PROFILE',
		updatable: false,
		description: 'Access-rights profile, as agreed with AllMySMS',
	},
	{
		displayName: 'Reply Webhook URL',
		name: 'webhookMo',
		field: 'WEBHOOKMO',
		updatable: false,
		placeholder: 'https://example.com/replies',
		description: 'URL AllMySMS calls with the replies to the sub-account’s SMS',
	},
	{
		displayName: 'Send Summary Email to Me',
		name: 'sendEmailToMasterAccount',
		field: 'SENDEMAILTOMASTERACCOUNT',
		type: 'boolean',
		default: false,
		updatable: false,
		description:
			'Whether AllMySMS emails a summary of the new sub-account to your (master) account',
	},
	{
		displayName: 'Send Summary Email to Sub-Account',
		name: 'sendEmailToCustomer',
		field: 'SENDEMAILTOCUSTOMER',
		type: 'boolean',
		default: false,
		updatable: false,
		description: 'Whether AllMySMS emails a summary (with its login) to the new sub-account',
	},
	{
		displayName: 'Website',
		name: 'website',
		field: 'WEBSITE',
		updatable: true,
		placeholder: 'https://example.com',
		description: 'Website of the sub-account',
	},
];

/** What updateSubAccount can change beyond the optional fields (required on creation). */
const UPDATABLE_REQUIRED_FIELDS: AccountDataField[] = [
	{
		displayName: 'Email',
		name: 'email',
		field: 'EMAIL',
		updatable: true,
		placeholder: 'name@email.com',
		description: 'Email address of the sub-account',
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		field: 'FIRSTNAME',
		updatable: true,
		description: 'First name of the sub-account',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		field: 'LASTNAME',
		updatable: true,
		description: 'Last name of the sub-account',
	},
	{
		displayName: 'New Login',
		name: 'newLogin',
		field: 'LOGIN',
		updatable: true,
		description:
			'New login of the sub-account (it must not be taken). Update credentials that act as this sub-account afterwards.',
	},
	{
		displayName: 'New Password',
		name: 'password',
		field: 'PASSWORD',
		updatable: true,
		password: true,
		description: `New password for the AllMySMS manager, ${MIN_PASSWORD_LENGTH} characters or more`,
	},
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
	} as INodeProperties;
}

/** createSubAccount's required fields (21.2 "obligatoire"), as top-level parameters. */
const REQUIRED_FIELDS: Array<{
	displayName: string;
	name: string;
	field: FlowField;
	description: string;
	extra?: Partial<INodeProperties>;
}> = [
	{
		displayName: 'Login',
		name: 'subAccountLogin',
		field: 'LOGIN',
		description: 'Login of the new sub-account; it must not be taken by any AllMySMS account',
	},
	{
		displayName: 'Password',
		name: 'password',
		field: 'PASSWORD',
		description: `Password of the new sub-account for the AllMySMS manager, ${MIN_PASSWORD_LENGTH} characters or more`,
		extra: { typeOptions: { password: true } },
	},
	{
		displayName: 'First Name',
		name: 'firstName',
		field: 'FIRSTNAME',
		description: 'First name of the sub-account holder',
	},
	{
		displayName: 'Last Name',
		name: 'lastName',
		field: 'LASTNAME',
		description: 'Last name of the sub-account holder',
	},
	{
		displayName: 'Email',
		name: 'email',
		field: 'EMAIL',
		description: 'Email address of the sub-account holder',
		extra: { placeholder: 'name@email.com' },
	},
];

export function requiredAccountDataFields(
	show: INodeProperties['displayOptions'],
): INodeProperties[] {
	return REQUIRED_FIELDS.map(
		({ displayName, name, description, extra }) =>
			({
				displayName,
				name,
				type: 'string',
				required: true,
				default: '',
				displayOptions: show,
				description,
				...extra,
			}) as INodeProperties,
	);
}

const UPDATABLE_FIELDS = [...OPTIONAL_FIELDS, ...UPDATABLE_REQUIRED_FIELDS]
	.filter((definition) => definition.updatable)
	.sort((a, b) => a.displayName.localeCompare(b.displayName));

export function createOptions(): INodeProperties[] {
	return OPTIONAL_FIELDS.map(toProperty);
}

export function updateOptions(): INodeProperties[] {
	return UPDATABLE_FIELDS.map(toProperty);
}

/** The accountData flow of an item: createSubAccount's required fields, and the options added. */
export function readAccountData(
	input: ItemInput,
	operation: 'createSubAccount' | 'updateSubAccount',
): Flow {
	const data: Flow = {};
	if (operation === 'createSubAccount') {
		for (const { name, field } of REQUIRED_FIELDS)
			data[field] = flowValue(field, 'string', input.value(name, ''));
	}
	for (const definition of operation === 'createSubAccount' ? OPTIONAL_FIELDS : UPDATABLE_FIELDS) {
		const value = input.option(definition.name);
		if (value !== undefined)
			data[definition.field] = flowValue(definition.field, definition.type, value);
	}
	return data;
}

const LABELS: Record<string, string> = Object.fromEntries(
	[...OPTIONAL_FIELDS, ...UPDATABLE_REQUIRED_FIELDS].map((definition) => [
		definition.field,
		definition.displayName,
	]),
);

/**
 * What the manual forbids in the flow, checked before anything is sent: a password shorter
 * than 6 characters, an email address without @, and (update) a required field emptied.
 */
export function checkAccountData(
	input: ItemInput,
	data: Flow,
	labels: Record<string, string>,
): void {
	const label = (field: string): string => labels[field] ?? LABELS[field] ?? field;
	for (const field of ['FIRSTNAME', 'LASTNAME', 'EMAIL', 'LOGIN', 'PASSWORD']) {
		if (field in data && String(data[field]) === '')
			throw input.invalid(label(field), 'it cannot be empty');
	}
	if (data.PASSWORD !== undefined && String(data.PASSWORD).length < MIN_PASSWORD_LENGTH) {
		throw input.invalid(
			label('PASSWORD'),
			`AllMySMS requires ${MIN_PASSWORD_LENGTH} characters or more`,
		);
	}
	for (const field of ['EMAIL', 'BILLEMAIL']) {
		const value = data[field];
		if (value !== undefined && value !== '' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(value))) {
			throw input.invalid(label(field), `"${String(value)}" is not an email address`);
		}
	}
}
