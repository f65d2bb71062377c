/**
 * The official MCP client (`@modelcontextprotocol/sdk`), the one Claude Desktop, Cursor and most
 * MCP hosts build on, loaded from the n8n install under test: it is one of n8n's own
 * dependencies, so the client speaks the protocol version that n8n's MCP Server Trigger
 * serves, and this package does not depend on it. Only what the e2e phases use is typed.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import type { N8nInstall } from '../../../scripts/lib/install';

export interface McpTool {
	name: string;
	description?: string;
	inputSchema: {
		type: string;
		properties?: Record<string, { type?: string; description?: string }>;
		required?: string[];
	};
}

export interface McpToolResult {
	content: Array<{ type: string; text?: string }>;
	isError?: boolean;
}

export interface McpClient {
	listTools(): Promise<{ tools: McpTool[] }>;
	callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<McpToolResult>;
	close(): Promise<void>;
}

interface SdkClient extends McpClient {
	connect(transport: unknown): Promise<void>;
}

type SdkClientClass = new (
	info: { name: string; version: string },
	options: { capabilities: Record<string, unknown> },
) => SdkClient;
type SdkTransportClass = new (url: URL) => unknown;

/**
 * Connects to an MCP Server Trigger's production URL (`<n8n>/mcp/<path>`) over Streamable HTTP,
 * the transport a version 2+ trigger serves on its path (SSE was version 1's `/sse`).
 */
export async function connectMcpClient(install: N8nInstall, url: string): Promise<McpClient> {
	const requireFromN8n = createRequire(join(install.dir, 'package.json'));
	const { Client } = requireFromN8n('@modelcontextprotocol/sdk/client/index.js') as {
		Client: SdkClientClass;
	};
	const { StreamableHTTPClientTransport } = requireFromN8n(
		'@modelcontextprotocol/sdk/client/streamableHttp.js',
	) as { StreamableHTTPClientTransport: SdkTransportClass };
	const client = new Client(
		{ name: 'n8n-nodes-allmysms-e2e', version: '1.0.0' },
		{ capabilities: {} },
	);
	await client.connect(new StreamableHTTPClientTransport(new URL(url)));
	return client;
}

/** The text of a tool result (n8n puts the tool's answer, or its error, in one text part). */
export function resultText(result: McpToolResult): string {
	return result.content.map((part) => part.text ?? '').join('\n');
}
