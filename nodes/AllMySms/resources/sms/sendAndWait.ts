import { NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { BatchRun } from '../../shared/batchRunner';
import { now } from '../../shared/clock';
import { DEFAULT_APPROVE_WORDS, DEFAULT_DECLINE_WORDS } from '../../shared/conversation/replies';
import {
	decidingReply,
	listedReplies,
	readWaitSettings,
	resumedItem,
} from '../../shared/conversation/decision';
import { readWaitMarker, signatureOf, waitMarker } from '../../shared/conversation/waitingLink';
import { callApi } from '../../shared/transport';
import { showFor } from '../../shared/descriptions';
import { messageCategoryField, outsideAllowedHoursField } from '../../shared/rules/ruleFields';
import { judgeAtDeparture } from '../../shared/rules/sendingRules';
import { fromAllMySmsDate } from '../../shared/validation/dates';
import { messageField, optionsField } from './fields';
import { perRecipient } from './sendSms';
import { checkSmsCost, prepareSms, smsFlow } from './smsSettings';
import type { Recipient, SmsSettings } from './smsSettings';

/**
 * SMS → Send and Wait for a Reply: one SMS to one number, then the execution waits until the
 * contact answers (README, "Conversations"). This file sends and puts the execution to wait;
 * `resumeOnReply.ts` is the other half, run when the AllMySMS Trigger forwards the reply.
 */

const show = (extra?: Record<string, Array<string | boolean>>) =>
	showFor('sms', ['sendAndWait'], extra);

export const sendAndWaitDescription: INodeProperties[] = [
	{
		displayName:
			'The reply resumes this execution through a published workflow with an AllMySMS Trigger on "Reply" for the same account. Without one, the execution waits until its limit.',
		name: 'sendAndWaitNotice',
		type: 'notice',
		default: '',
		displayOptions: show(),
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumbers',
		type: 'string',
		required: true,
		default: '',
		placeholder: '0612345678',
		displayOptions: show(),
		description:
			'The one mobile number that is asked and whose reply is awaited. France: 06…/07…, 336…/337… or +336…/+337…; elsewhere: +CC….',
	},
	messageField(['sendAndWait'], false),
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		options: [
			{
				name: 'Approval',
				value: 'approval',
				description: 'The reply approves or declines (YES / NO, OUI / NON, 1 / 2…)',
			},
			{
				name: 'Free Text',
				value: 'freeText',
				description: 'The first reply, whatever it says, resumes the execution',
			},
		],
		default: 'approval',
		displayOptions: show(),
	},
	{
		displayName: 'Approval Options',
		name: 'approvalOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show({ responseType: ['approval'] }),
		options: [
			{
				displayName: 'Approve Words',
				name: 'approveWords',
				type: 'string',
				default: DEFAULT_APPROVE_WORDS.join(', '),
				description:
					'Replies that approve, separated by commas. Case, accents and the spaces and punctuation around a reply are ignored.',
			},
			{
				displayName: 'Decline Words',
				name: 'declineWords',
				type: 'string',
				default: DEFAULT_DECLINE_WORDS.join(', '),
				description:
					'Replies that decline, separated by commas. STOP always declines, and AllMySMS blacklists the number.',
			},
			{
				displayName: 'On Any Other Reply',
				name: 'otherReplies',
				type: 'options',
				options: [
					{
						name: 'Keep Waiting',
						value: 'keepWaiting',
						description: 'Wait for a reply that approves or declines',
					},
					{
						name: 'Resume with Approved Empty',
						value: 'resume',
						description: 'Resume at once, with approved set to null and the reply text',
					},
				],
				default: 'keepWaiting',
			},
			{
				displayName: 'Hint Sent Back',
				name: 'hintMessage',
				type: 'string',
				default: '',
				placeholder: 'Please answer YES or NO.',
				description:
					'With Keep Waiting: an SMS sent to the contact when their reply neither approves nor declines. Left empty, nothing is sent back.',
			},
		],
	},
	{
		displayName: 'Limit Wait Time',
		name: 'limitWaitTime',
		type: 'boolean',
		default: false,
		description:
			'Whether to stop waiting after a while: the execution then resumes with timedOut set to true and no reply',
		displayOptions: show(),
	},
	{
		displayName: 'Limit Type',
		name: 'limitType',
		type: 'options',
		options: [
			{
				name: 'After Time Interval',
				value: 'afterTimeInterval',
				description: 'Counted from when the SMS leaves',
			},
			{ name: 'At Specified Time', value: 'atSpecifiedTime' },
		],
		default: 'afterTimeInterval',
		displayOptions: show({ limitWaitTime: [true] }),
	},
	{
		displayName: 'Amount',
		name: 'resumeAmount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 24,
		displayOptions: show({ limitWaitTime: [true], limitType: ['afterTimeInterval'] }),
	},
	{
		displayName: 'Unit',
		name: 'resumeUnit',
		type: 'options',
		options: [
			{ name: 'Minutes', value: 'minutes' },
			{ name: 'Hours', value: 'hours' },
			{ name: 'Days', value: 'days' },
		],
		default: 'hours',
		displayOptions: show({ limitWaitTime: [true], limitType: ['afterTimeInterval'] }),
	},
	{
		displayName: 'Max Date and Time',
		name: 'maxDateAndTime',
		type: 'dateTime',
		default: '',
		description: 'Stop waiting at this date and time',
		displayOptions: show({ limitWaitTime: [true], limitType: ['atSpecifiedTime'] }),
	},
	// A question that expects an answer is not marketing: transactional unless the user says so.
	messageCategoryField('sms', ['sendAndWait'], 'transactional'),
	outsideAllowedHoursField('sms', ['sendAndWait']),
	optionsField('sendAndWait'),
];

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/** When waiting stops: undefined for never. The interval counts from when the SMS leaves. */
function readDeadline(
	context: IExecuteFunctions,
	leavesAt: Date,
	invalid: (label: string, reason: string) => NodeOperationError,
): Date | undefined {
	if (context.getNodeParameter('limitWaitTime', 0, false) !== true) return undefined;
	if (context.getNodeParameter('limitType', 0, 'afterTimeInterval') === 'atSpecifiedTime') {
		const value = context.getNodeParameter('maxDateAndTime', 0, '') as unknown;
		const date = new Date(String(value));
		if (String(value ?? '') === '' || Number.isNaN(date.getTime())) {
			throw invalid('Max Date and Time', 'it is not a date');
		}
		if (date.getTime() <= leavesAt.getTime()) {
			throw invalid('Max Date and Time', `${date.toISOString()} is before the SMS leaves`);
		}
		return new Date(Math.ceil(date.getTime() / 1000) * 1000);
	}
	const amount = Number(context.getNodeParameter('resumeAmount', 0, 24));
	const unit = context.getNodeParameter('resumeUnit', 0, 'hours') as keyof typeof UNIT_MS;
	if (!Number.isFinite(amount) || amount <= 0) throw invalid('Amount', 'it must be more than 0');
	// Whole seconds, as the question's CLIMSGID says it: the two agree.
	const ms = leavesAt.getTime() + amount * (UNIT_MS[unit] ?? UNIT_MS.hours);
	return new Date(Math.ceil(ms / 1000) * 1000);
}

/**
 * What the node gives when the limit passes with no reply. n8n resumes a timed-out wait by
 * passing the waiting node's input through (n8n-core `handleWaitingState`), so the input this
 * run was given is replaced with this item before the execution waits.
 */
function timeoutOutputInsteadOfInput(context: IExecuteFunctions, sent: IDataObject): void {
	const responseType = context.getNodeParameter('responseType', 0, 'approval');
	const json: IDataObject = { ...sent, timedOut: true, reply: null };
	if (responseType === 'approval') json.approved = null;
	const executeData = context.getExecuteData();
	executeData.data.main[0] = [{ json, pairedItem: { item: 0 } }];
}

/**
 * The MCP Server Trigger and the AI Agent 1.x/2.x run a tool inside their own run, where n8n
 * cannot pause (toolMode.ts): there the question would leave and its answer reach nothing. The
 * AI Agent 3.x runs a tool through the engine, which can: the approval tool works there.
 */
function refuseWhereNothingCanWait(context: IExecuteFunctions): void {
	let inTool = false;
	try {
		inTool = context.isToolExecution?.() === true;
	} catch {
		inTool = false;
	}
	if (!inTool) return;
	throw new NodeOperationError(
		context.getNode(),
		'Send and Wait for a Reply cannot run as a tool of the MCP Server Trigger or of an AI Agent before version 3: n8n cannot pause there',
		{
			description:
				'Use the AllMySMS approval tool (Human in the Loop) with AI Agent 3, or SMS → Send to only send. Nothing was sent.',
		},
	);
}

/**
 * AllMySMS answered with an earlier send of this very question (its Unique Identifier: an n8n
 * Retry of an execution whose send may have gone through). If that send came from another
 * execution, its CLIMSGID names that one, where the reply would go: the question is not asked
 * twice; a reply already there that decides is the answer; otherwise the user is told.
 * Undefined: the question is this execution's own (a repeat within this run); wait as usual.
 */
async function askedEarlier(
	context: IExecuteFunctions,
	sent: IDataObject,
	askedAs: string,
): Promise<INodeExecutionData[][] | undefined> {
	const campaignId = String(sent.campaignId ?? '');
	const asked = await callApi.call(context, 'getPull', {
		params: { campId: campaignId },
		itemIndex: 0,
	});
	if (asked.cliMsgId === askedAs) return undefined;
	const settings = readWaitSettings((name, fallback) =>
		context.getNodeParameter(name, 0, fallback),
	);
	const deciding = decidingReply(settings, listedReplies(asked));
	if (deciding) {
		const reply = {
			smsId: String(sent.smsId ?? ''),
			smsMoId: deciding.id,
			campaignId,
			phoneNumber: String(sent.phoneNumber ?? ''),
			message: deciding.message,
			receptionDate: deciding.receptionDate,
		};
		return [[{ json: resumedItem(settings, reply), pairedItem: { item: 0 } }]];
	}
	const earlier = readWaitMarker(asked.cliMsgId)?.executionId;
	throw new NodeOperationError(
		context.getNode(),
		`This question was already sent${earlier ? ` by execution ${earlier}` : ''}, which this Retry repeats, and it has no answer yet`,
		{
			itemIndex: 0,
			description:
				'AllMySMS took the first send, so nothing was sent again; but its reply goes to that execution, which no longer waits. Run the workflow anew to ask again, or read the reply later with Reply → Get Many by Campaign (campaign ' +
				campaignId +
				').',
		},
	);
}

export async function sendAndWait(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	refuseWhereNothingCanWait(this);
	const node = this.getNode();
	const count = this.getInputData().length;
	if (count !== 1) {
		throw new NodeOperationError(
			node,
			`Send and Wait for a Reply asks one question and waits for its answer, and got ${count} items`,
			{
				description:
					'Put a Loop Over Items node (batch size 1) before it to ask each contact in turn, or an Execute Workflow node (without waiting for the sub-workflow to finish) to ask them all at once. Nothing was sent.',
			},
		);
	}
	const executionId = this.getExecutionId();
	const invalid = (label: string, reason: string) =>
		new NodeOperationError(node, `Invalid "${label}": ${reason}`, {
			itemIndex: 0,
			description: 'Nothing was sent.',
		});

	// The limit is checked before anything is sent; it is counted again from when the SMS leaves.
	readDeadline(this, now(), invalid);
	// n8n resumes a send-and-wait execution only through this URL's signature: the trigger
	// finds it in the question's CLIMSGID (waitingLink.ts).
	const signature = signatureOf(this.getSignedResumeUrl());
	const run = new BatchRun<SmsSettings, Recipient>(this, { method: 'sendSms', sends: true });
	const batches = await checkSmsCost(this, run, prepareSms(this, run, 'sendAndWait', 'perItem'));
	let deadline: Date | undefined;
	let askedAs = '';
	for (const batch of batches) {
		if (batch.entries.length !== 1) {
			throw invalid('Phone Number', `give one number, not ${batch.entries.length}`);
		}
		await run.send(batch, {
			chunkSize: 1,
			format: batch.settings.format,
			build: (recipients, uniqueIdentifier) => {
				const settings = judgeAtDeparture(run.node, batch.settings, recipients);
				const leavesAt = (settings.sendAt && fromAllMySmsDate(settings.sendAt)) || undefined;
				deadline = readDeadline(this, leavesAt ? new Date(leavesAt) : now(), invalid);
				const clientMessageId = waitMarker({ executionId, nodeId: node.id, deadline, signature });
				askedAs = clientMessageId;
				return {
					flow: smsFlow(
						{ ...batch, settings: { ...settings, clientMessageId } },
						recipients,
						uniqueIdentifier,
					),
				};
			},
			perEntry: perRecipient,
		});
	}
	const output = run.output();
	const sent = output[0]?.[0];
	// Refused before sending, or an error item with Continue On Fail: nothing to wait for.
	if (!sent || sent.json.error !== undefined) return output;
	if (!sent.json.smsId) {
		throw new NodeOperationError(
			node,
			`The question was not sent to ${String(sent.json.phoneNumber)}: ${String(sent.json.notSentReason)}`,
			{ itemIndex: 0, description: 'Nothing to wait for: no SMS left.' },
		);
	}
	if (sent.json.treatmentStatus === 'ALREADY_PROCESSED') {
		const answered = await askedEarlier(this, sent.json, askedAs);
		if (answered) return answered;
	}
	timeoutOutputInsteadOfInput(this, sent.json);
	await this.putExecutionToWait(deadline ?? WAIT_INDEFINITELY);
	return output;
}
