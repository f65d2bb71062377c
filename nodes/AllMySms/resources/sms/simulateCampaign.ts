import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { messageCategoryField, outsideAllowedHoursField } from '../../shared/rules/ruleFields';
import { readSendMode, BatchRun } from '../../shared/batchRunner';
import {
	messageField,
	messageParametersField,
	optionsField,
	phoneNumbersField,
	smsSendModeField,
} from './fields';
import { prepareSms, smsFlow } from './smsSettings';
import type { Recipient, SmsBatch, SmsSettings } from './smsSettings';
import { parseApiNumber, roundFigure } from '../../shared/numbers';
import { describeMessage, previewEntry, readSimulation } from '../../shared/rules/preview';
import { commercialHoursPreview } from '../../shared/rules/sendingRules';

export const simulateCampaignDescription: INodeProperties[] = [
	smsSendModeField(['simulateCampaign']),
	phoneNumbersField(['simulateCampaign']),
	messageField(['simulateCampaign'], true),
	messageParametersField(['simulateCampaign']),
	messageCategoryField('sms', ['simulateCampaign']),
	outsideAllowedHoursField('sms', ['simulateCampaign']),
	optionsField('simulateCampaign'),
];

const SUMMED = ['nbCredits', 'nbContacts', 'nbSms'] as const;

/** A campaign split over several requests is simulated request by request, then added up. */
function summarise(answers: IDataObject[]): IDataObject {
	const last = answers[answers.length - 1];
	const summary: IDataObject = { ...last };
	for (const field of SUMMED) {
		summary[field] = answers.reduce((total, answer) => total + (Number(answer[field]) || 0), 0);
	}
	summary.cost = roundFigure(
		answers.reduce((total, answer) => total + (parseApiNumber(answer.cost) ?? 0), 0),
	);
	summary.invalidNumbers = answers.flatMap(
		(answer) => (answer.invalidNumbers as string[] | undefined) ?? [],
	);
	summary.requests = answers.length;
	return summary;
}

/**
 * What a user checks before sending (shared/rules/preview.ts): our measure of the message (the
 * longest one of a campaign whose texts vary) beside AllMySMS's own figures.
 */
function previewOf(batch: SmsBatch, figures: IDataObject): IDataObject {
	let longest = batch.entries[0]?.text ?? batch.settings.message;
	for (const recipient of batch.entries)
		if (recipient.text.length > longest.length) longest = recipient.text;
	const entry = previewEntry(describeMessage(longest, batch.coding), readSimulation(figures));
	const preview: IDataObject = { message: batch.settings.message, ...entry };
	const hours = commercialHoursPreview(batch.settings, batch.entries);
	if (hours) preview.commercialHours = hours;
	return preview;
}

/** The same smsData as Send, to count contacts, SMS parts, credits and cost: nothing is sent. */
export async function simulateCampaign(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const run = new BatchRun<SmsSettings, Recipient>(this, {
		method: 'simulateCampaign',
		sends: false,
	});
	const mode = readSendMode(this);
	for (const batch of prepareSms(this, run, 'simulateCampaign', mode)) {
		// Kept for the preview: the batch hands its recipients over to the requests.
		const describe = { ...batch, entries: [...batch.entries] };
		const answers = await run.send(batch, {
			chunkSize: batch.settings.recipientsPerRequest,
			format: batch.settings.format,
			build: (recipients) => ({ flow: smsFlow(batch, recipients) }),
			silent: true,
		});
		if (answers.length === 0) continue;
		if (mode === 'campaign') {
			const summary = summarise(answers);
			run.add(batch.itemIndices, { ...summary, preview: previewOf(describe, summary) });
		} else {
			for (const answer of answers)
				run.add(batch.itemIndices, { ...answer, preview: previewOf(describe, answer) });
		}
	}
	return run.output();
}
