import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { invalidField, text } from '../../shared/input';
import { readSendMode, BatchRun } from '../../shared/batchRunner';
import type { Batch, CampaignRules } from '../../shared/batchRunner';
import type { Flow, RequestFormat } from '../../shared/transport';
import { checkPhoneNumber, splitPhoneNumbers } from '../../shared/validation/phoneNumbers';
import type { PhoneNumber } from '../../shared/validation/phoneNumbers';
import { PHONE_FIELD } from './common';

/**
 * populateList (27) and deleteContacts (28): contacts from the item's fields or from a list
 * given by an expression (what the Aggregate node makes), mapped to the list's fields, phone
 * numbers checked before anything is sent. Each input item makes its request, or all items
 * make one ("Requests: One for All Input Items"), split at "Contacts per Request".
 */

export type ContactsOperation = 'populateList' | 'deleteContacts';

export const DEFAULT_CONTACTS_PER_REQUEST = 1000;

export interface ContactSettings {
	listName: string;
	subAccount?: string;
	contactsPerRequest: number;
	format: RequestFormat;
	skipInvalid: boolean;
}

export interface Contact {
	itemIndex: number;
	number: PhoneNumber;
	/** List field → value (populateList only). */
	fields: Record<string, string>;
}

export interface SkippedContact {
	item: number;
	/** Position of the contact in its item's list, from 1. */
	contact: number;
	phoneNumber: string;
	reason: string;
}

type ContactsBatch = Batch<ContactSettings, Contact>;
type ContactsRun = BatchRun<ContactSettings, Contact>;

const CONTACTS_TOGETHER: CampaignRules<ContactSettings> = {
	labels: {
		listName: 'List Name',
		subAccount: 'Sub-account',
		contactsPerRequest: 'Contacts per Request',
		format: 'Request Format',
		skipInvalid: 'Skip Invalid Numbers',
	},
	description:
		'With "One for All Input Items" every item goes to the same list with the same options; only the contacts vary. Nothing was sent.',
	groupName: 'one request with the other items',
};

const FIELD_LABELS = {
	listName: 'List Name',
	mobilePhone: 'Mobile Phone',
	mobilePhones: 'Mobile Phones',
	fieldValues: 'Field Values',
	contacts: 'Contacts',
	phoneProperty: 'Mobile Phone Property',
	fieldMapping: 'Field Mapping',
	contactsPerRequest: 'Contacts per Request',
} as const;

function invalid(
	context: IExecuteFunctions,
	itemIndex: number,
	field: keyof typeof FIELD_LABELS,
	reason: string,
): NodeOperationError {
	return invalidField(context.getNode(), itemIndex, FIELD_LABELS[field], reason);
}

/** A contact property: `phone`, or a dotted path into nested objects (`address.mobile`). */
function property(contact: IDataObject, path: string): unknown {
	if (path in contact) return contact[path];
	return path
		.split('.')
		.reduce<unknown>(
			(node, step) => (node && typeof node === 'object' ? (node as IDataObject)[step] : undefined),
			contact,
		);
}

/** A value a list field can hold: text, numbers and booleans as text; nothing for null/undefined. */
function fieldValue(value: unknown): string | undefined | { problem: string } {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return { problem: Array.isArray(value) ? 'a list' : 'an object' };
}

/** The contacts of a "List of Contacts" field: an array (from an expression), one object, or JSON text. */
function contactList(context: IExecuteFunctions, itemIndex: number, value: unknown): unknown[] {
	let list = value;
	if (typeof list === 'string') {
		if (list.trim() === '') return [];
		try {
			list = JSON.parse(list) as unknown;
		} catch {
			throw invalid(
				context,
				itemIndex,
				'contacts',
				'it is not a list of contacts; use an expression such as {{ $json.contacts }}',
			);
		}
	}
	if (Array.isArray(list)) return list;
	if (list && typeof list === 'object') return [list];
	throw invalid(
		context,
		itemIndex,
		'contacts',
		'it is not a list of contacts; use an expression such as {{ $json.contacts }}',
	);
}

interface Mapping {
	field: string;
	property: string;
}

const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** A list field name as the flows carry it (checked further by AllMySMS against the list). */
function checkFieldNames(
	context: IExecuteFunctions,
	itemIndex: number,
	label: 'fieldMapping' | 'fieldValues',
	names: string[],
	format: RequestFormat,
): void {
	const seen = new Set<string>();
	for (const name of names) {
		if (name === '') throw invalid(context, itemIndex, label, 'a list field name is empty');
		// Not plain names: as keys they would reach the object's prototype and be dropped silently.
		if (RESERVED_NAMES.has(name.toLowerCase()) || /^__.*__$/.test(name)) {
			throw invalid(
				context,
				itemIndex,
				label,
				`"${name}" cannot be a list field name; use the name of a field of the list`,
			);
		}
		if (name.toUpperCase() === PHONE_FIELD) {
			throw invalid(
				context,
				itemIndex,
				label,
				`"${name}" is the mobile phone, which has its own parameter`,
			);
		}
		// AllMySMS matches the list's fields whatever their case (annex 8's FIRSTNAME fills getContacts' Firstname).
		if (seen.has(name.toUpperCase()))
			throw invalid(context, itemIndex, label, `the list field "${name}" is given twice`);
		seen.add(name.toUpperCase());
		if (format === 'xml' && !/^[\p{L}_][\p{L}\p{N}_.-]*$/u.test(name)) {
			throw invalid(
				context,
				itemIndex,
				label,
				`"${name}" cannot be an XML element; choose the JSON request format`,
			);
		}
	}
}

function readSettings(
	context: IExecuteFunctions,
	run: ContactsRun,
	itemIndex: number,
): ContactSettings {
	const options = run.parameters.get('options', itemIndex, {}) as IDataObject;
	const listName = text(run.parameters.get('listName', itemIndex, ''));
	if (listName === '') throw invalid(context, itemIndex, 'listName', 'no list was chosen');
	const contactsPerRequest = Number(options.contactsPerRequest ?? DEFAULT_CONTACTS_PER_REQUEST);
	if (!Number.isInteger(contactsPerRequest) || contactsPerRequest < 1) {
		throw invalid(
			context,
			itemIndex,
			'contactsPerRequest',
			'it must be a whole number of at least 1',
		);
	}
	return {
		listName,
		subAccount: text(options.subAccount) || undefined,
		contactsPerRequest,
		format: options.requestFormat === 'xml' ? 'xml' : 'json',
		skipInvalid: options.skipInvalidNumbers === true,
	};
}

type Read = (name: string, fallback: unknown) => unknown;

/** One item's contacts as they are read: invalid numbers stop the node, or are set aside with Skip Invalid Numbers. */
class ItemContacts {
	readonly contacts: Contact[] = [];

	constructor(
		private readonly context: IExecuteFunctions,
		private readonly itemIndex: number,
		private readonly skipInvalid: boolean,
		private readonly skipped: SkippedContact[],
	) {}

	add(
		position: number,
		raw: string,
		field: keyof typeof FIELD_LABELS,
		fields: Record<string, string>,
		described: boolean,
	): void {
		const check = checkPhoneNumber(raw);
		if (check.ok) {
			this.contacts.push({ itemIndex: this.itemIndex, number: check.number, fields });
			return;
		}
		if (this.skipInvalid) {
			this.skipped.push({
				item: this.itemIndex,
				contact: position,
				phoneNumber: raw,
				reason: check.reason,
			});
			return;
		}
		throw invalid(
			this.context,
			this.itemIndex,
			field,
			described ? `contact ${position}: ${check.reason}` : check.reason,
		);
	}

	/** A contact of a list without a usable number. */
	withoutNumber(position: number, reason: string, message: string): void {
		if (!this.skipInvalid) throw invalid(this.context, this.itemIndex, 'contacts', message);
		this.skipped.push({ item: this.itemIndex, contact: position, phoneNumber: '', reason });
	}
}

/** Contacts from a list (an expression), their fields mapped from the contacts' properties. */
function readContactList(
	context: IExecuteFunctions,
	read: Read,
	operation: ContactsOperation,
	itemIndex: number,
	settings: ContactSettings,
	found: ItemContacts,
): void {
	const phoneProperty = text(read('phoneProperty', 'phone'));
	if (phoneProperty === '')
		throw invalid(
			context,
			itemIndex,
			'phoneProperty',
			'name the property that holds the mobile number',
		);
	const mapping: Mapping[] =
		operation === 'populateList'
			? ((read('fieldMapping.mapping', []) as IDataObject[]) ?? []).map((entry) => ({
					field: text(entry.field),
					property: text(entry.property),
				}))
			: [];
	checkFieldNames(
		context,
		itemIndex,
		'fieldMapping',
		mapping.map((entry) => entry.field),
		settings.format,
	);
	const emptyProperty = mapping.find((entry) => entry.property === '');
	if (emptyProperty)
		throw invalid(
			context,
			itemIndex,
			'fieldMapping',
			`no contact property is given for the list field "${emptyProperty.field}"`,
		);

	const list = contactList(context, itemIndex, read('contacts', []));
	if (list.length === 0)
		throw invalid(context, itemIndex, 'contacts', 'the list of contacts is empty');
	list.forEach((entry, index) => {
		const position = index + 1;
		// A plain value is a contact reduced to its number (["0612345678", …]).
		const contact: IDataObject =
			entry && typeof entry === 'object' && !Array.isArray(entry)
				? (entry as IDataObject)
				: { [phoneProperty]: entry as string };
		const phone = fieldValue(property(contact, phoneProperty));
		if (phone === undefined || typeof phone === 'object' || phone.trim() === '') {
			const what = phone === undefined ? 'has no' : 'has no usable';
			found.withoutNumber(
				position,
				`it ${what} "${phoneProperty}" property`,
				`contact ${position} ${what} "${phoneProperty}" property (see Mobile Phone Property)`,
			);
			return;
		}
		const fields: Record<string, string> = {};
		for (const { field, property: name } of mapping) {
			const value = fieldValue(property(contact, name));
			if (value === undefined) continue;
			if (typeof value === 'object') {
				throw invalid(
					context,
					itemIndex,
					'contacts',
					`contact ${position}: its "${name}" property holds ${value.problem}, not a value for the list field "${field}"`,
				);
			}
			fields[field] = value;
		}
		found.add(position, phone, 'contacts', fields, true);
	});
}

/** One contact defined by the fields (Add Contacts): its number and field values. */
function readOneContact(
	context: IExecuteFunctions,
	read: Read,
	itemIndex: number,
	settings: ContactSettings,
	found: ItemContacts,
): void {
	const entries = ((read('fieldValues.value', []) as IDataObject[]) ?? []).map((entry) => ({
		field: text(entry.field),
		value: entry.value,
	}));
	checkFieldNames(
		context,
		itemIndex,
		'fieldValues',
		entries.map((entry) => entry.field),
		settings.format,
	);
	const fields: Record<string, string> = {};
	for (const { field, value } of entries) {
		const checked = fieldValue(value);
		if (checked === undefined || (typeof checked === 'string' && checked === '')) continue;
		if (typeof checked === 'object')
			throw invalid(
				context,
				itemIndex,
				'fieldValues',
				`the value of "${field}" is ${checked.problem}, not text`,
			);
		fields[field] = checked;
	}
	const phone = text(read('mobilePhone', ''));
	if (phone === '') throw invalid(context, itemIndex, 'mobilePhone', 'no mobile number was given');
	found.add(1, phone, 'mobilePhone', fields, false);
}

/** Mobile numbers typed in the field (Delete Contacts). */
function readMobileNumbers(
	context: IExecuteFunctions,
	read: Read,
	itemIndex: number,
	found: ItemContacts,
): void {
	const numbers = splitPhoneNumbers(read('mobilePhones', ''));
	if (numbers.length === 0)
		throw invalid(context, itemIndex, 'mobilePhones', 'no mobile number was given');
	numbers.forEach((raw, index) =>
		found.add(index + 1, raw, 'mobilePhones', {}, numbers.length > 1),
	);
}

/** Reads one item's contacts, from where the item says they are. */
function readContactsItem(
	this: IExecuteFunctions,
	run: ContactsRun,
	operation: ContactsOperation,
	itemIndex: number,
	skipped: SkippedContact[],
): { settings: ContactSettings; entries: Contact[] } {
	const read: Read = (name, fallback) => run.parameters.get(name, itemIndex, fallback);
	const settings = readSettings(this, run, itemIndex);
	const found = new ItemContacts(this, itemIndex, settings.skipInvalid, skipped);
	if (read('contactsFrom', 'fields') === 'list')
		readContactList(this, read, operation, itemIndex, settings, found);
	else if (operation === 'populateList') readOneContact(this, read, itemIndex, settings, found);
	else readMobileNumbers(this, read, itemIndex, found);
	return { settings, entries: found.contacts };
}

/** The populateData / deleteData flow (annexes 8 and 10). */
function contactsFlow(
	operation: ContactsOperation,
	settings: ContactSettings,
	contacts: Contact[],
): Flow {
	const flow: Flow = { LISTNAME: settings.listName };
	if (settings.subAccount) flow.SUBACCOUNT = settings.subAccount;
	flow.CONTACTS = contacts.map((contact) => ({
		[PHONE_FIELD]: contact.number.toSend,
		...(operation === 'populateList' ? contact.fields : {}),
	}));
	return flow;
}

const COUNTS = ['success', 'ignored', 'duplicated'] as const;

/** One output per group: AllMySMS's counts added up over the group's requests. */
function summarise(
	answers: IDataObject[],
	group: ContactsBatch,
	contactsSent: number,
	skipped: SkippedContact[],
): IDataObject {
	const last = answers[answers.length - 1];
	const summary: IDataObject = {
		listName: group.settings.listName,
		status: last.status,
		statusText: last.statusText,
	};
	for (const count of COUNTS)
		summary[count] = answers.reduce((total, answer) => total + (Number(answer[count]) || 0), 0);
	summary.contactsSent = contactsSent;
	if (answers.length > 1) summary.requests = answers.length;
	const items = new Set(group.itemIndices);
	const ownSkipped = skipped.filter((entry) => items.has(entry.item));
	if (ownSkipped.length) summary.skippedContacts = ownSkipped as unknown as IDataObject[];
	return summary;
}

export async function runContactsOperation(
	this: IExecuteFunctions,
	operation: ContactsOperation,
): Promise<INodeExecutionData[][]> {
	// Contacts added or deleted by earlier requests stay so: a later failure says which.
	const run: ContactsRun = new BatchRun(this, {
		method: operation,
		sends: false,
		reportAccepted: true,
	});
	const mode = readSendMode(this, 'requestMode', 'allItems');
	const skipped: SkippedContact[] = [];
	for (const batch of run.collect(
		(itemIndex) => readContactsItem.call(this, run, operation, itemIndex, skipped),
		mode,
		CONTACTS_TOGETHER,
	)) {
		if (batch.entries.length === 0) {
			const [first] = batch.itemIndices;
			run.reject(
				first,
				new NodeOperationError(
					this.getNode(),
					`No contact left to send in item ${first}: every mobile number was invalid`,
					{
						itemIndex: first,
						description: 'The numbers were skipped (Skip Invalid Numbers), so no request was made.',
					},
				),
			);
			continue;
		}
		const contactsSent = batch.entries.length;
		const answers = await run.send(batch, {
			chunkSize: batch.settings.contactsPerRequest,
			format: batch.settings.format,
			build: (contacts) => ({ flow: contactsFlow(operation, batch.settings, contacts) }),
			silent: true,
		});
		if (answers.length)
			run.add(batch.itemIndices, summarise(answers, batch, contactsSent, skipped));
	}
	return run.output();
}
