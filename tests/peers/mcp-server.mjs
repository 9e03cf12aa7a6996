// MCP test server for the Arcade POC Dashboard's fixture verification tests, built on
// the official MCP TypeScript SDK (@modelcontextprotocol/sdk, Streamable HTTP transport).
// Install its dependencies first: `npm ci` in tests/peers.
//
// Usage: node mcp-server.mjs --port PORT --key KEY [--reply json|sse] [--slug SLUG]
//            [--identity-field FIELD] [--tools echo,whoami,add] [--project NAME]
//   --port 0 picks a free port. Prints "listening <port>" once it accepts connections.
//
// Like an Arcade gateway it serves /mcp/<slug> on 127.0.0.1. It returns 401 without
// "Authorization: Bearer <key>", 403 without "Arcade-User-ID", and 404 for other slugs.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';

const { values: options } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    key: { type: 'string' },
    reply: { type: 'string', default: 'json' },
    slug: { type: 'string', default: 'baseline' },
    'identity-field': { type: 'string', default: 'user_id' },
    tools: { type: 'string', default: 'echo,whoami,add' },
    project: { type: 'string', default: 'demo-project' },
  },
});

if (!options.key) {
  console.error('missing --key: the API key the server accepts');
  process.exit(2);
}
if (options.reply !== 'json' && options.reply !== 'sse') {
  console.error(`invalid --reply "${options.reply}": use json or sse`);
  process.exit(2);
}

const enabledTools = new Set(options.tools.split(',').filter((name) => name.length > 0));

function buildServer(userId) {
  const server = new McpServer({ name: 'poc-test-gateway', version: '1.0.0' });

  if (enabledTools.has('echo')) {
    server.registerTool('echo', {
      description: 'Returns the message it was given.',
      inputSchema: { message: z.string() },
    }, async ({ message }) => ({ content: [{ type: 'text', text: message }] }));
  }
  if (enabledTools.has('whoami')) {
    server.registerTool('whoami', {
      description: 'Returns the identity the gateway read from the request.',
      outputSchema: { [options['identity-field']]: z.string(), project: z.string() },
    }, async () => {
      const identity = { [options['identity-field']]: userId, project: options.project };
      return { content: [{ type: 'text', text: JSON.stringify(identity) }], structuredContent: identity };
    });
  }
  if (enabledTools.has('add')) {
    server.registerTool('add', {
      description: 'Adds two numbers.',
      inputSchema: { a: z.number(), b: z.number() },
    }, async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }));
  }
  return server;
}

const sessions = new Map();

function reject(response, status, message) {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length > 0 ? JSON.parse(text) : undefined;
}

async function handle(request, response) {
  const url = new URL(request.url, 'http://127.0.0.1');
  if (url.pathname !== `/mcp/${options.slug}`) {
    reject(response, 404, `no gateway at ${url.pathname}`);
    return;
  }
  if (request.headers.authorization !== `Bearer ${options.key}`) {
    reject(response, 401, 'missing or invalid API key');
    return;
  }
  const userId = request.headers['arcade-user-id'];
  if (!userId) {
    reject(response, 403, 'missing Arcade-User-ID');
    return;
  }

  const body = request.method === 'POST' ? await readJson(request) : undefined;
  const sessionId = request.headers['mcp-session-id'];
  if (sessionId && sessions.has(sessionId)) {
    await sessions.get(sessionId).handleRequest(request, response, body);
    return;
  }
  if (sessionId || !isInitializeRequest(body)) {
    reject(response, sessionId ? 404 : 400, sessionId ? 'unknown session' : 'expected initialize');
    return;
  }

  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    enableJsonResponse: options.reply === 'json',
    onsessioninitialized: (id) => sessions.set(id, transport),
  });
  transport.onclose = () => {
    if (transport.sessionId) sessions.delete(transport.sessionId);
  };
  await buildServer(userId).connect(transport);
  await transport.handleRequest(request, response, body);
}

const httpServer = createServer((request, response) => {
  handle(request, response).catch((error) => {
    console.error(error);
    if (!response.headersSent) reject(response, 500, String(error));
  });
});

httpServer.listen(Number(options.port), '127.0.0.1', () => {
  console.log(`listening ${httpServer.address().port}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => httpServer.close(() => process.exit(0)));
}
