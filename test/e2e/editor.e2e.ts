/**
 * Phase "editor": what a newcomer sees in n8n's editor, in headless Chromium: the personalised
 * campaign example's panel (Message Category, Outside Allowed Hours, Message Parameters rows that
 * say which placeholder they fill), a run from the editor, and the output's English fields.
 * Then the node's action list in the nodes panel: sending an SMS first. Pictures of each are
 * left in the run folder (editor/panel.png, output.png, actions.png).
 */
import { join } from 'node:path';

import { type N8nInstance } from '../../scripts/lib/n8n';
import { N8N_LATEST } from '../../scripts/lib/versions';
import { EXAMPLES_DIR, importable, readWorkflowFiles } from '../../scripts/lib/workflows';
import type { Sandbox } from '../../sandbox';
import { Editor } from './support/browser';
import {
	demoSandbox,
	executionsOf,
	newInstance,
	runDir,
	sandboxCredentialFor,
	startMain,
	timed,
	type RunningMain,
} from './support/e2e';

const WORKFLOW = 'AllMySmsExCampaign';
const pictures = join(runDir(), 'editor');

let sandbox: Sandbox;
let instance: N8nInstance;
let running: RunningMain;
let editor: Editor;

beforeAll(async () => {
	sandbox = await demoSandbox();
	instance = await newInstance(N8N_LATEST, 'editor');
	await instance.importCredentials([sandboxCredentialFor(sandbox)]);
	await instance.importWorkflows(readWorkflowFiles(EXAMPLES_DIR).map(importable));
	running = await timed('n8n start → ready, owner signed in', () => startMain(instance));
	editor = await timed('Chromium → n8n editor', () =>
		Editor.open(instance.install, running.url, running.rest),
	);
});

afterAll(async () => {
	editor?.close();
	await instance?.stopAll();
	await sandbox?.close();
});

test('the campaign example opens, and its Send Campaign panel says what each field is', async () => {
	await editor.navigate(`/workflow/${WORKFLOW}`);
	await editor.waitForText(/Send Campaign/, 'the campaign example drawn');
	await editor.openNode('Send Campaign');
	const panel = await editor
		.waitForText(
			/Value \(Row N → Param N\)/,
			'the Send Campaign panel, its Message Parameters rows drawn',
		)
		.catch(async (error: unknown) => {
			await editor.screenshot(join(pictures, 'panel.failed.png'));
			throw error;
		});
	await editor.screenshot(join(pictures, 'panel.png'));
	expect(panel).toContain('Message Category');
	expect(panel).toContain('Outside Allowed Hours');
	expect(panel).not.toMatch(/\bsendSms\b/);
	await editor.pressKey('Escape');
});

test('Execute workflow from the editor: the output says in English whether each SMS was sent or scheduled', async () => {
	await editor.clickButton(/Execute workflow|Test workflow/);
	await executionsOf(running.rest, WORKFLOW, 1);
	await editor.openNode('Send Campaign');
	const output = await editor
		.waitForText(/outcome/, 'the output of Send Campaign')
		.catch(async (error: unknown) => {
			await editor.screenshot(join(pictures, 'output.failed.png'));
			throw error;
		});
	await editor.screenshot(join(pictures, 'output.png'));
	expect(output).toMatch(/\b(sent|scheduled)\b/);
	expect(output).toContain('campaignId');
	// The hint counts items from 1, as the output panel does.
	if (/scheduled/.test(output)) expect(output).toContain('the campaign of items 1-3');
	await editor.pressKey('Escape');
});

test('the action list of the AllMySMS node starts with sending an SMS', async () => {
	await editor.evaluate(
		`document.querySelector('[data-test-id="node-creator-plus-button"]')?.dispatchEvent(new MouseEvent('click', { bubbles: true }))`,
	);
	await editor.waitForText(/What happens next/i, 'the nodes panel');
	await editor.type('AllMySMS');
	await editor.waitForText(/AllMySMS Polling Trigger/, 'AllMySMS in the nodes panel');
	await editor.evaluate(`(() => {
		const name = [...document.querySelectorAll('[data-test-id="node-creator-item-name"]')].find((element) => element.textContent.trim() === 'AllMySMS');
		(name?.closest('[data-test-id="item-iterator-item"]') ?? name)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
	})()`);
	const actions = await editor
		.waitForText(/SMS actions[\s\S]*Get the statistics of a campaign/i, 'the AllMySMS action list')
		.catch(async (error: unknown) => {
			await editor.screenshot(join(pictures, 'actions.failed.png'));
			throw error;
		});
	await editor.screenshot(join(pictures, 'actions.png'));
	// The list, from its first group on: SMS, then what follows a send, then the account's.
	const list = actions
		.slice(actions.search(/SMS actions/i))
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean);
	expect(list[1]).toBe('Send SMS');
	expect(list[2]).toBe('Send an SMS and wait for the reply');
	const at = (label: string) => list.indexOf(label);
	expect(at('Get the delivery report of an SMS')).toBeGreaterThan(at('Send SMS'));
	expect(at('Get the statistics of a campaign')).toBeGreaterThan(
		at('Get the delivery report of an SMS'),
	);
	await editor.pressKey('Escape');
});
