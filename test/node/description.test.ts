/**
 * What the editor shows of the node: its subtitle on the canvas ("Send: SMS", not the raw
 * `sendSms`), and its action list, which n8n builds in the order of the Resource options.
 */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { AllMySms } from '../../nodes/AllMySms/AllMySms.node';

const { description } = new AllMySms();
const resources = (description.properties.find((property) => property.name === 'resource')
	?.options ?? []) as INodePropertyOptions[];
const pickers = description.properties.filter(
	(property) => property.name === 'operation',
) as INodeProperties[];

test('the subtitle names every operation as "<operation>: <resource>", as the pickers name them', () => {
	const subtitle = String(description.subtitle);
	const lookup = JSON.parse(
		subtitle.slice('={{ '.length, subtitle.indexOf('[$parameter')),
	) as Record<string, string>;
	const expected: Record<string, string> = {};
	for (const picker of pickers) {
		const resource = resources.find(
			(option) => option.value === picker.displayOptions?.show?.resource?.[0],
		);
		for (const option of picker.options as INodePropertyOptions[])
			expected[String(option.value)] = `${option.name}: ${resource?.name}`;
	}
	expect(lookup).toEqual(expected);
	expect(lookup.sendSms).toBe('Send: SMS');
});

test('the action list starts with sending an SMS', () => {
	expect(resources[0]).toEqual({ name: 'SMS', value: 'sms' });
	const sms = pickers.find((picker) => picker.displayOptions?.show?.resource?.[0] === 'sms');
	expect((sms?.options as INodePropertyOptions[])[0]).toEqual(
		expect.objectContaining({ value: 'sendSms', action: 'Send SMS' }),
	);
});
