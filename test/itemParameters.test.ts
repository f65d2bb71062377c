import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { ItemParameters } from '../nodes/AllMySms/shared/itemParameters';
import { NODE_TYPES, runAllMySmsChain } from './helpers/n8n';

/**
 * The campaign's fast parameter reader against n8n's own evaluation: for each case, one node
 * run through n8n's engine reads the same parameter both ways for every item, and both must
 * give the same value (type included) or the same error.
 */

type Reading = { value: string; type: string } | { error: string };

function reading(read: () => unknown): Reading {
	try {
		const value = read();
		const type = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
		return { value: JSON.stringify(value) ?? 'undefined', type };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

/** Reads `value`, `options` and `list.entry` for each item with n8n, then with ItemParameters. */
class ParameterProbe implements INodeType {
	description = {
		displayName: 'Parameter Probe',
		name: 'parameterProbe',
		group: ['transform'],
		version: 1,
		description: 'Reads its parameters both ways',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				default: {},
				options: [
					{ displayName: 'Sender', name: 'sender', type: 'string', default: '' },
					{ displayName: 'Count', name: 'count', type: 'number', default: 0 },
				],
			},
			{
				displayName: 'List',
				name: 'list',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				options: [
					{
						displayName: 'Entry',
						name: 'entry',
						values: [{ displayName: 'Value', name: 'value', type: 'string', default: '' }],
					},
				],
			},
		],
	} as INodeTypeDescription;

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Counts the evaluations the fast reader leaves to n8n.
		let evaluations = 0;
		const counted = Object.create(this) as IExecuteFunctions;
		counted.getNodeParameter = ((
			name: string,
			itemIndex: number,
			fallback?: unknown,
			options?: { rawExpressions?: boolean },
		) => {
			if (!options?.rawExpressions) evaluations++;
			return this.getNodeParameter(name, itemIndex, fallback as never, options);
		}) as IExecuteFunctions['getNodeParameter'];
		const fast = new ItemParameters(counted);
		const names: Array<[string, unknown]> = [
			['value', ''],
			['options', {}],
			['list.entry', []],
		];
		return [
			this.getInputData().map((_item, itemIndex) => {
				const json: IDataObject = {};
				for (const [name, fallback] of names) {
					const before = evaluations;
					json[name] = {
						n8n: reading(() => this.getNodeParameter(name, itemIndex, fallback)),
						fast: reading(() => fast.get(name, itemIndex, fallback)),
						evaluatedByN8n: evaluations > before,
					} as unknown as IDataObject;
				}
				return { json, pairedItem: { item: itemIndex } };
			}),
		];
	}
}

NODE_TYPES['test.parameterProbe'] = new ParameterProbe();

const ITEMS: IDataObject[] = [
	{
		phone: '0612345678',
		code: 1234,
		price: 12.5,
		vip: true,
		nothing: null,
		empty: '',
		phones: ['0612345678', '0712345678'],
		mixed: [1, 'a', null],
		objects: [{ a: 1 }],
		address: { city: 'Lyon', zip: 69001, lines: ['1 rue', 'Bât B'] },
		'shop name': 'Chez Ada',
		"it's": 'quoted',
		list: ['first', 'second'],
		nested: { deeper: { deepest: 'bottom' } },
	},
	{ phone: 33712345678, code: '0042', address: { city: null }, 'shop name': 7 },
	{},
];

/**
 * Every way a user (or the editor's drag and drop) writes a parameter, and whether the fast
 * reader answers for the first item without asking n8n.
 */
const CASES: Array<[string, string, boolean]> = [
	['plain text', 'Hello', true],
	['empty text', '', true],
	['expression marker without braces', '=Hello', false],
	['dragged field', '={{ $json.phone }}', true],
	['no spaces', '={{$json.phone}}', true],
	['a number', '={{ $json.code }}', true],
	['a decimal number', '={{ $json.price }}', true],
	['a boolean', '={{ $json.vip }}', true],
	['null', '={{ $json.nothing }}', true],
	['empty text field', '={{ $json.empty }}', true],
	['a list of phone numbers', '={{ $json.phones }}', true],
	['a mixed list', '={{ $json.mixed }}', true],
	['a list of objects', '={{ $json.objects }}', false],
	['an object', '={{ $json.address }}', false],
	['nested field', '={{ $json.address.city }}', true],
	['nested number', '={{ $json.address.zip }}', true],
	['three levels', '={{ $json.nested.deeper.deepest }}', true],
	['field name with a space, double quotes', '={{ $json["shop name"] }}', true],
	['field name with a space, single quotes', "={{ $json['shop name'] }}", true],
	['quote inside the name', '={{ $json["it\'s"] }}', true],
	['list position', '={{ $json.list[1] }}', true],
	['list position past the end', '={{ $json.list[5] }}', false],
	['nested list position', '={{ $json.address.lines[0] }}', true],
	['missing field', '={{ $json.missing }}', false],
	['under a missing field', '={{ $json.missing.deeper }}', false],
	['inherited property', '={{ $json.constructor }}', false],
	['prototype', '={{ $json.__proto__ }}', false],
	['length of text', '={{ $json.phone.length }}', false],
	['a method call', '={{ $json.phone.toUpperCase() }}', false],
	['text around the expression', '=Dear {{ $json.phone }}', false],
	['trailing space', '={{ $json.phone }} ', false],
	['two expressions', '={{ $json.phone }}{{ $json.code }}', false],
	['the whole item', '={{ $json }}', false],
	['another node', "={{ $('Items').item.json.phone }}", false],
	['arithmetic', '={{ $json.code + 1 }}', false],
	['a conditional', '={{ $json.vip ? "VIP" : "" }}', false],
];

async function probe(parameters: INodeParameters): Promise<IDataObject[]> {
	const { items, error } = await runAllMySmsChain({
		credentials: { login: 'unused', apiKey: 'unused', baseUrl: 'http://127.0.0.1:9' },
		input: ITEMS,
		steps: [{ name: 'Probe', type: 'test.parameterProbe', parameters }],
	});
	expect(error).toBeUndefined();
	return items.Probe.map((item) => item.json);
}

describe('reading a parameter for every item: the fast reader gives what n8n gives', () => {
	test.each(CASES)('%s: %s', async (_name, raw, readDirectly) => {
		const outputs = await probe({ value: raw });
		expect(outputs).toHaveLength(ITEMS.length);
		for (const output of outputs) {
			const { n8n, fast } = output.value as unknown as { n8n: Reading; fast: Reading };
			expect(fast).toEqual(n8n);
		}
		expect((outputs[0].value as IDataObject).evaluatedByN8n).toBe(!readDirectly);
	});

	test('an Options collection mixing fixed values and dragged fields', async () => {
		const outputs = await probe({ options: { sender: '={{ $json["shop name"] }}', count: 3 } });
		for (const output of outputs) {
			const { n8n, fast } = output.options as unknown as { n8n: Reading; fast: Reading };
			expect(fast).toEqual(n8n);
		}
		expect((outputs[0].options as IDataObject).fast).toEqual({
			value: '{"sender":"Chez Ada","count":3}',
			type: 'object',
		});
	});

	test('a list of parameters, some dragged, some fixed, some computed', async () => {
		const outputs = await probe({
			list: {
				entry: [
					{ value: '={{ $json.phone }}' },
					{ value: 'fixed' },
					{ value: '={{ $json.code + 1 }}' },
					{ value: '={{ $json.address.city }}' },
				],
			},
		});
		for (const output of outputs) {
			const { n8n, fast } = output['list.entry'] as unknown as { n8n: Reading; fast: Reading };
			expect(fast).toEqual(n8n);
		}
	});

	test('parameters left at their default read as n8n reads them', async () => {
		const outputs = await probe({});
		for (const output of outputs) {
			for (const name of ['value', 'options', 'list.entry']) {
				const { n8n, fast } = output[name] as unknown as { n8n: Reading; fast: Reading };
				expect(fast).toEqual(n8n);
			}
		}
	});
});
