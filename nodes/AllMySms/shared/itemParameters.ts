import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * A node's parameters item by item, at memory speed where n8n's expression engine is not needed.
 *
 * A campaign reads the same few parameters for each of its thousands of items, and in n8n 2.x
 * each `getNodeParameter(name, itemIndex)` costs about half a millisecond per expression. Here
 * each parameter is read raw once (`rawExpressions`) and compiled:
 * - text with no expression is the same for every item;
 * - `={{ $json.phone }}`, `={{ $json["shop name"] }}`, `={{ $json.address.city }}` (what the
 *   editor writes when a field is dragged in) is read straight from the item, when that gives
 *   what n8n would: an own property holding text, a number, a boolean, null or a list of those;
 * - anything else (a missing field, `$('Node')`, text around the expression…) is left to n8n, so
 *   that its result, or its error, stays n8n's own (test/itemParameters.test.ts compares both).
 *
 * Values are shared between items: callers read them, never change them.
 */

type Resolve = (itemIndex: number) => unknown;

/** `$json` followed by `.name`, `["quoted name"]`, `['quoted name']` or `[0]` steps, nothing else. */
const JSON_PATH_EXPRESSION =
	/^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:"[^"\\]*"|'[^'\\]*'|\d+)\s*\])+)\s*\}\}$/;
const PATH_STEP = /\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)'|(\d+))\s*\]/g;

const NOT_READ = Symbol('not read directly');

/** The property names and list positions of a `$json` path expression. */
function jsonPathOf(raw: string): string[] | undefined {
	const match = JSON_PATH_EXPRESSION.exec(raw);
	if (!match) return undefined;
	return [...match[1].matchAll(PATH_STEP)].map((step) => step[1] ?? step[2] ?? step[3] ?? step[4]);
}

function isPrimitive(value: unknown): boolean {
	return (
		value === null ||
		typeof value === 'string' ||
		typeof value === 'number' ||
		typeof value === 'boolean'
	);
}

/** The value at `path` in an item's JSON, or NOT_READ when n8n should say what it is. */
function readJsonPath(json: IDataObject | undefined, path: string[]): unknown {
	let node: unknown = json;
	for (const step of path) {
		if (node === null || typeof node !== 'object' || !Object.hasOwn(node, step)) return NOT_READ;
		node = (node as IDataObject)[step];
	}
	return isPrimitive(node) || (Array.isArray(node) && node.every(isPrimitive)) ? node : NOT_READ;
}

function isExpression(value: unknown): value is string {
	return typeof value === 'string' && value.startsWith('=');
}

function containsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (Array.isArray(value)) return value.some(containsExpression);
	if (value && typeof value === 'object') return Object.values(value).some(containsExpression);
	return false;
}

export class ItemParameters {
	private readonly compiled = new Map<string, Resolve>();

	private readonly items: ReturnType<IExecuteFunctions['getInputData']>;

	constructor(private readonly context: IExecuteFunctions) {
		this.items = context.getInputData();
	}

	/** What `getNodeParameter(name, itemIndex, fallback)` gives, read the fastest way that gives the same. */
	get(name: string, itemIndex: number, fallback?: unknown): unknown {
		let resolve = this.compiled.get(name);
		if (!resolve) {
			const raw = this.context.getNodeParameter(name, 0, fallback, { rawExpressions: true });
			resolve = this.compile(name, raw, fallback);
			this.compiled.set(name, resolve);
		}
		return resolve(itemIndex);
	}

	private compile(path: string, raw: unknown, fallback: unknown): Resolve {
		if (!containsExpression(raw)) return () => raw;
		if (isExpression(raw)) {
			const byN8n: Resolve = (itemIndex) =>
				this.context.getNodeParameter(path, itemIndex, fallback);
			const jsonPath = jsonPathOf(raw);
			if (!jsonPath) return byN8n;
			return (itemIndex) => {
				const value = readJsonPath(this.items[itemIndex]?.json, jsonPath);
				return value === NOT_READ ? byN8n(itemIndex) : value;
			};
		}
		// A collection or a list holding expressions: each part compiled on its own.
		if (Array.isArray(raw)) {
			const parts = raw.map((part, index) => this.compile(`${path}[${index}]`, part, undefined));
			return (itemIndex) => parts.map((part) => part(itemIndex));
		}
		const parts = Object.entries(raw as IDataObject).map(
			([key, part]) => [key, this.compile(`${path}.${key}`, part, undefined)] as const,
		);
		// A plain loop: this runs for every item (100,000 in the benchmark).
		return (itemIndex) => {
			const value: IDataObject = {};
			for (const [key, part] of parts) value[key] = part(itemIndex) as IDataObject[string];
			return value;
		};
	}
}
