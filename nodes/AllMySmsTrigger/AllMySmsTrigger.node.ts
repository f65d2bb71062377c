import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { CREDENTIAL_TYPE } from '../AllMySms/shared/transport';
import {
	ACK_STATUSES,
	deliveryReportItem,
	eventTypeOf,
	passesFilters,
	readQuery,
	replyItem,
	SECRET_PARAMETER,
} from './events';
import type { EventFilters } from './events';
import {
	createWebhooks,
	deleteWebhooks,
	secretOf,
	selectedEventTypes,
	webhooksExist,
} from './registration';
import { forwardReply } from './forwardReply';
import { isSameSecret } from './secret';

/** The few response methods used: Node's own, which n8n's (Express) response also has. */
interface PlainResponse {
	statusCode: number;
	setHeader(name: string, value: string): unknown;
	end(body: string): unknown;
}

/**
 * Answers the call itself, as plain text: AllMySMS wants exactly "OK" (42.1), and n8n's default
 * answers would be JSON or HTML.
 */
function answer(response: PlainResponse, statusCode: number, text: string): void {
	response.statusCode = statusCode;
	response.setHeader('Content-Type', 'text/plain; charset=utf-8');
	response.end(text);
}

export class AllMySmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AllMySMS Trigger',
		name: 'allMySmsTrigger',
		icon: { light: 'file:../../icons/allMySms.svg', dark: 'file:../../icons/allMySms.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n evaluates an expression for every call to a version-1 webhook trigger
		// (its binaryData option), which costs a few milliseconds per event in n8n 2.x.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{ $parameter["events"].includes("dlr") ? ($parameter["events"].includes("mo") ? "Delivery reports and replies" : "Delivery reports") : $parameter["events"].includes("mo") ? "Replies" : "" }}',
		description:
			'Send SMS and voice messages with AllMySMS, and start workflows the moment an SMS is delivered or answered',
		defaults: { name: 'AllMySMS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: CREDENTIAL_TYPE, required: true }],
		webhooks: [
			// The manual does not say how configureWebhook checks the URL: a POST gets the same
			// answer, so that the check passes whichever verb AllMySMS uses. Listed first: n8n
			// makes each webhook routable just before running the lifecycle of the next ones, so
			// this one already answers when `default`'s create calls configureWebhook.
			{
				name: 'setup',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'allmysms',
				ndvHideUrl: true,
			},
			// AllMySMS pushes events with GET (7.5, 14.3). Its lifecycle registers the URLs, with the
			// secret, which the panel's URL would not show: hidden, so that nobody pastes it by hand.
			{
				name: 'default',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				path: 'allmysms',
				ndvHideUrl: true,
			},
		],
		properties: [
			{
				displayName:
					'Nothing to paste in the AllMySMS manager: when you publish this workflow, the node gives AllMySMS its own URL, with a secret it adds. An account has one delivery report URL and one reply URL; while the workflow is published they point here, and the URLs set before are put back when you unpublish it.',
				name: 'singleUrlNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'Delivery Report',
						value: 'dlr',
						description: 'An operator delivery report (DLR) for an SMS you sent',
					},
					{
						name: 'Reply',
						value: 'mo',
						description: 'A contact answered one of your SMS (SMS-MO)',
					},
				],
				default: [],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Campaign IDs',
						name: 'campaignIds',
						type: 'string',
						default: '',
						placeholder: 'ebeljju7k5hb5f0n6, ec05bf34e3ejakx',
						description:
							'Only start for events of these campaigns (IDs separated by commas). AllMySMS still gets its "OK" for the others.',
					},
					{
						displayName: 'Delivery Statuses',
						name: 'statuses',
						type: 'multiOptions',
						options: ACK_STATUSES.map(({ value, name, text }) => ({
							name,
							value,
							description: `Status ${value}: ${text}`,
						})),
						default: [],
						description:
							'Only start for delivery reports with one of these statuses (annex 3). Replies are not filtered.',
						displayOptions: { show: { '/events': ['dlr'] } },
					},
					{
						displayName: 'Replies to Questions',
						name: 'repliesToQuestions',
						type: 'options',
						options: [
							{
								name: 'Resume the Waiting Execution Only',
								value: 'resume',
								description:
									'A reply to an AllMySMS "Send and Wait for a Reply" question resumes the execution that asked it; this workflow starts only for the other replies',
							},
							{
								name: 'Resume and Start This Workflow',
								value: 'resumeAndStart',
								description:
									'Resume the waiting execution, and start this workflow for that reply too (with resumedExecutionId)',
							},
							{
								name: 'Start This Workflow Only',
								value: 'startOnly',
								description:
									'Treat every reply as an ordinary one: this trigger resumes no waiting execution',
							},
						],
						default: 'resume',
						displayOptions: { show: { '/events': ['mo'] } },
					},
					{
						displayName: 'Secret',
						name: 'secret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'Added to the URL given to AllMySMS (as ?secret=…). Calls without it are answered 403 and start nothing, so that nobody who learns the URL can forge events. Left empty, the trigger makes an unguessable one itself when the workflow is published.',
					},
					{
						displayName: 'Waiting Webhook Base URL',
						name: 'waitingWebhookUrl',
						type: 'string',
						default: '',
						placeholder: 'https://n8n.example.com/webhook-waiting',
						description:
							"Where this n8n serves its waiting webhooks, if its endpoints were renamed (N8N_ENDPOINT_WEBHOOK_WAIT). Left empty: this trigger's own URL with /webhook-waiting.",
						displayOptions: { show: { '/events': ['mo'] } },
					},
				],
			},
		],
	};

	// The lifecycle lives in registration.ts: is the account's URL ours, point it at us (keeping
	// the previous URL), put the previous URL back.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhooksExist.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await createWebhooks.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await deleteWebhooks.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const response = this.getResponseObject() as PlainResponse;
		const query = readQuery(
			this.getQueryData(),
			this.getWebhookName() === 'setup' ? this.getBodyData() : undefined,
		);

		// Every URL the trigger registers carries a secret (the user's or its own): a call without it
		// is refused, whichever webhook (GET or the POST setup) it reaches, so that nobody who learns
		// the URL can forge events.
		const secret = secretOf(this);
		if (secret === '') {
			// No secret readable yet: the activation in progress, whose configureWebhook makes AllMySMS
			// check the URL before n8n has saved the secret the trigger just made. The check gets its
			// "OK"; nothing is ever started without a secret.
			answer(response, 200, 'OK');
			return { noWebhookResponse: true };
		}
		if (!isSameSecret(query[SECRET_PARAMETER], secret)) {
			answer(response, 403, 'Forbidden');
			return { noWebhookResponse: true };
		}
		// Every call that reaches the workflow gets its "OK" at once, the URL check included.
		answer(response, 200, 'OK');

		const type = eventTypeOf(query);
		if (type === undefined || !selectedEventTypes(this).includes(type))
			return { noWebhookResponse: true };
		const item = type === 'dlr' ? deliveryReportItem(query) : replyItem(query);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const questions = String(options.repliesToQuestions ?? 'resume');
		if (type === 'mo' && questions !== 'startOnly') {
			// A reply to a Send and Wait for a Reply question goes to the execution that asked it.
			const forwarding = await forwardReply(this, item, String(options.waitingWebhookUrl ?? ''));
			if (forwarding.kind === 'forwarded' && forwarding.resumed) {
				if (questions === 'resume') return { noWebhookResponse: true };
				item.resumedExecutionId = forwarding.executionId;
			}
		}
		if (!passesFilters(item, options as EventFilters)) {
			return { noWebhookResponse: true };
		}
		return { noWebhookResponse: true, workflowData: [[{ json: item }]] };
	}
}
