/**
 * A scripted stand-in for OpenAI's Chat Completions API (`POST /v1/chat/completions`), on
 * loopback only, for the e2e phases that run an AI Agent: n8n's OpenAI Chat Model node talks to
 * it through an `openAiApi` credential whose Base URL is `url`. It answers what the test tells
 * it to (tool calls, then a text once the tool results are back), plainly or as Server-Sent
 * Events when the request asks for `stream: true`, and keeps every request it got so a test can
 * read what the agent handed back to the model (the tool results).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ChatToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | 'developer';
	content?: string | Array<{ type: string; text?: string }> | null;
	tool_calls?: ChatToolCall[];
	tool_call_id?: string;
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: Array<{
		type: 'function';
		function: { name: string; description?: string; parameters?: unknown };
	}>;
	stream?: boolean;
	stream_options?: { include_usage?: boolean };
	[key: string]: unknown;
}

/** What the model answers to one request: tool calls (all in one assistant turn), or a text. */
export type ModelTurn =
	| { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> }
	| { text: string };

export type ModelScript = (request: ChatRequest) => ModelTurn;

export interface FakeChatModel {
	/** Base URL for the credential: http://127.0.0.1:PORT/v1 */
	url: string;
	/** Every chat completion request, in arrival order. */
	requests: ChatRequest[];
	/** Every tool call the model made, with the id the tool result must come back with. */
	toolCallsMade: Array<{ id: string; name: string; arguments: Record<string, unknown> }>;
	/** What the next requests get (until the next call). */
	script(answer: ModelScript): void;
	close(): Promise<void>;
}

/** The text of a message, whichever content form the client used. */
export function messageText(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	if (Array.isArray(message.content))
		return message.content.map((part) => part.text ?? '').join('');
	return '';
}

/** The tool results the client sent back in this request's conversation. */
export function toolResults(request: ChatRequest): Array<{ toolCallId: string; text: string }> {
	return request.messages
		.filter((message) => message.role === 'tool')
		.map((message) => ({ toolCallId: message.tool_call_id ?? '', text: messageText(message) }));
}

/**
 * The usual agent loop: the tool calls first; once the conversation holds tool results, the
 * final text.
 */
export function toolCallsThenText(
	toolCalls: Array<{ name: string; arguments: Record<string, unknown> }>,
	text: string,
): ModelScript {
	return (request) => (toolResults(request).length > 0 ? { text } : { toolCalls });
}

export async function startFakeChatModel(): Promise<FakeChatModel> {
	const requests: ChatRequest[] = [];
	const toolCallsMade: FakeChatModel['toolCallsMade'] = [];
	let answer: ModelScript = () => ({ text: 'No script set for this test.' });
	let callCount = 0;

	const server = createServer((request, response) => {
		void handle(request, response).catch((error: unknown) => {
			if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
			response.end(
				JSON.stringify({
					error: {
						message: error instanceof Error ? error.message : String(error),
						type: 'fake_model_error',
					},
				}),
			);
		});
	});

	async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const path = (request.url ?? '').split('?')[0].replace(/\/+$/, '');
		if (request.method !== 'POST' || path !== '/v1/chat/completions') {
			response.writeHead(404, { 'content-type': 'application/json' });
			response.end(
				JSON.stringify({
					error: {
						message: `The fake model only serves POST /v1/chat/completions, not ${request.method} ${path}`,
						type: 'invalid_request_error',
					},
				}),
			);
			return;
		}
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
		requests.push(body);
		const turn = answer(body);
		const id = `chatcmpl-fake${requests.length}`;
		const created = Math.floor(Date.now() / 1000);
		const toolCalls: ChatToolCall[] = [];
		for (const call of 'toolCalls' in turn ? turn.toolCalls : []) {
			const callId = `call_fake${++callCount}`;
			toolCallsMade.push({ id: callId, ...call });
			toolCalls.push({
				id: callId,
				type: 'function',
				function: { name: call.name, arguments: JSON.stringify(call.arguments) },
			});
		}
		const content = 'text' in turn ? turn.text : null;
		const finishReason = toolCalls.length > 0 ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 };

		if (!body.stream) {
			response.writeHead(200, { 'content-type': 'application/json' });
			response.end(
				JSON.stringify({
					id,
					object: 'chat.completion',
					created,
					model: body.model,
					choices: [
						{
							index: 0,
							message: {
								role: 'assistant',
								content,
								...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
							},
							finish_reason: finishReason,
							logprobs: null,
						},
					],
					usage,
				}),
			);
			return;
		}

		// Streaming: the chunks OpenAI sends, the role first, then the content or each tool call
		// (its id and name, then its arguments in two pieces, as a real stream splits them).
		response.writeHead(200, {
			'content-type': 'text/event-stream',
			'cache-control': 'no-cache',
			connection: 'keep-alive',
		});
		const send = (choices: unknown[], extra: Record<string, unknown> = {}) =>
			response.write(
				`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: body.model, choices, ...extra })}\n\n`,
			);
		send([
			{
				index: 0,
				delta: { role: 'assistant', content: toolCalls.length > 0 ? null : '' },
				finish_reason: null,
			},
		]);
		if (content !== null) {
			const middle = Math.ceil(content.length / 2);
			for (const piece of [content.slice(0, middle), content.slice(middle)])
				send([{ index: 0, delta: { content: piece }, finish_reason: null }]);
		}
		toolCalls.forEach((call, index) => {
			const args = call.function.arguments;
			const middle = Math.ceil(args.length / 2);
			send([
				{
					index: 0,
					delta: {
						tool_calls: [
							{
								index,
								id: call.id,
								type: 'function',
								function: { name: call.function.name, arguments: '' },
							},
						],
					},
					finish_reason: null,
				},
			]);
			send([
				{
					index: 0,
					delta: { tool_calls: [{ index, function: { arguments: args.slice(0, middle) } }] },
					finish_reason: null,
				},
			]);
			send([
				{
					index: 0,
					delta: { tool_calls: [{ index, function: { arguments: args.slice(middle) } }] },
					finish_reason: null,
				},
			]);
		});
		send([{ index: 0, delta: {}, finish_reason: finishReason }]);
		if (body.stream_options?.include_usage) send([], { usage });
		response.end('data: [DONE]\n\n');
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/v1`,
		requests,
		toolCallsMade,
		script(next) {
			answer = next;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
