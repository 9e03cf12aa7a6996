// Drives the replica's MCP gateway with the official MCP TypeScript SDK client, so the
// replica is checked against a real client and not only against this project's tests.
// Usage: node sdkclient.mjs GATEWAY_URL API_KEY USER_ID json|sse
// Prints one JSON line with what the client saw; exits non-zero on any client error.
import { Client } from '../peers/node_modules/@modelcontextprotocol/sdk/dist/esm/client/index.js';
import { StreamableHTTPClientTransport } from '../peers/node_modules/@modelcontextprotocol/sdk/dist/esm/client/streamableHttp.js';

const [gatewayUrl, apiKey, userId, mode] = process.argv.slice(2);
const headers = { Authorization: `Bearer ${apiKey}`, 'Arcade-User-ID': userId };
if (mode === 'sse')
    headers['X-Replica-Reply'] = 'sse';

const transport = new StreamableHTTPClientTransport(new URL(gatewayUrl), { requestInit: { headers } });
const client = new Client({ name: 'replica-sdk-check', version: '1.0.0' });
await client.connect(transport);

const tools = [];
let cursor;
do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools.map((tool) => tool.name));
    cursor = page.nextCursor;
} while (cursor);

const whoami = await client.callTool({ name: 'whoami', arguments: {} });
const echo = await client.callTool({ name: 'echo', arguments: { text: 'hello' } });
const add = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });

console.log(JSON.stringify({
    server: client.getServerVersion().name,
    sessionId: transport.sessionId,
    tools,
    whoami: whoami.structuredContent,
    echo: echo.content[0].text,
    add: add.content[0].text,
}));
await transport.terminateSession();
await client.close();
