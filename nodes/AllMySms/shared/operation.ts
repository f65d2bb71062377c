import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
	NodeOperationError,
} from 'n8n-workflow';

import type { ApiMethodName } from './apiMethods';
import { invalidField, text } from './input';
import type { Flow } from './transport';

/**
 * What an operation file declares, and what the node's one road (router.ts) runs.
 *
 * Most operations are one request per input item: they say which API method they call and how
 * an item's fields map to its parameters (`ItemOperation`). The sends and contact list updates
 * handle all their items at once (every item checked before the first request, items gathered
 * into campaigns): they say how in `run` (`BatchOperation`).
 */

/** What one request of a method carries besides the login and key: form parameters, and its flow. */
export interface MethodCall {
	params?: IDataObject;
	flow?: Flow;
}

export interface ItemOperation {
	method: ApiMethodName;
	/** The item's fields, read and checked, as the method's parameters. Throws `input.invalid(...)`. */
	request?(input: ItemInput): MethodCall | Promise<MethodCall>;
	/**
	 * Return All: every page, each one asked with `page(params)` (the request's parameters plus
	 * the paging ones). Only called when the item's Return All is on.
	 */
	allPages?(
		page: (params: IDataObject) => Promise<IDataObject[]>,
		input: ItemInput,
	): Promise<IDataObject[]>;
	/** The output items of the answer; by default one per entry the method lists (answers.ts `answerItems`). */
	output?(
		answer: IDataObject,
		input: ItemInput,
	): INodeExecutionData[] | Promise<INodeExecutionData[]>;
}

export interface BatchOperation {
	run(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
}

export type Operation = ItemOperation | BatchOperation;

/** A resource of the node: its operation picker, the fields of its operations, and what each operation runs. */
export interface Resource {
	picker: INodeProperties;
	fields: INodeProperties[];
	operations: Record<string, Operation>;
}

/** One item's parameters, read the way n8n reads them (expressions evaluated for this item). */
export class ItemInput {
	constructor(
		readonly context: IExecuteFunctions,
		readonly itemIndex: number,
		readonly node: INode,
	) {}

	value<T = unknown>(name: string, fallback?: unknown): T {
		return this.context.getNodeParameter(name, this.itemIndex, fallback) as T;
	}

	/** The parameter as trimmed text ('' when empty or absent). */
	text(name: string): string {
		return text(this.value(name, ''));
	}

	/** Trimmed text that must not be empty. */
	required(name: string, label: string): string {
		const value = this.text(name);
		if (value === '') throw this.invalid(label, 'it is empty');
		return value;
	}

	/** An option of the Options collection, or undefined when it was not added. */
	option(name: string): unknown {
		return this.value<IDataObject | undefined>('options', {})?.[name];
	}

	/** A text option, trimmed; undefined when not added or empty. */
	optionText(name: string): string | undefined {
		const value = text(this.option(name));
		return value === '' ? undefined : value;
	}

	/** A yes/no option as the API's "1"/"0", only when added. */
	optionFlag(name: string): string | undefined {
		const value = this.option(name);
		return value === undefined ? undefined : value ? '1' : '0';
	}

	/** Bad input for this item: nothing is sent for it. */
	invalid(label: string, reason: string): NodeOperationError {
		return invalidField(
			this.node,
			this.itemIndex,
			label,
			reason,
			'Nothing was sent to AllMySMS for this item.',
		);
	}
}
