import type { INodeProperties } from 'n8n-workflow';

import {
	requestFormatOption,
	retriesOption,
	showFor,
	timeoutOption,
} from '../../shared/descriptions';
import type { ItemOperation } from '../../shared/operation';
import {
	checkAccountData,
	createOptions,
	readAccountData,
	requiredAccountDataFields,
} from './accountData';
import { withLogin } from './hooks';

const REQUIRED_LABELS = {
	LOGIN: 'Login',
	PASSWORD: 'Password',
	FIRSTNAME: 'First Name',
	LASTNAME: 'Last Name',
	EMAIL: 'Email',
};

/** createSubAccount (21): a new sub-account; the output says its login. */
export const createSubAccount: ItemOperation = {
	method: 'createSubAccount',
	request: (input) => {
		const accountData = readAccountData(input, 'createSubAccount');
		checkAccountData(input, accountData, REQUIRED_LABELS);
		return { flow: accountData };
	},
	output: withLogin('createSubAccount', 'subAccountLogin'),
};

const show = showFor('subAccount', ['createSubAccount']);

export const createSubAccountDescription: INodeProperties[] = [
	...requiredAccountDataFields(show),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [...createOptions(), requestFormatOption, retriesOption, timeoutOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	},
];
