/**
 * A local HTTP server speaking the OpenAI chat-completions and embeddings
 * wire format, for the contract tests. Each test installs its own handler;
 * every request is recorded with its parsed JSON body. Listens on 127.0.0.1,
 * port 0 (the OS picks a free one). Excluded from the build.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Record<string, unknown>;
}

export type FakeHandler = (req: RecordedRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface FakeServer {
  /** `http://127.0.0.1:<port>/v1`. */
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  handle(handler: FakeHandler): void;
  close(): Promise<void>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A chat-completions reply with one choice. */
export function chatReply(text: string, extra: { finish?: string; usage?: [number, number]; logprobs?: [string, number][] } = {}): Record<string, unknown> {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text },
        finish_reason: extra.finish ?? 'stop',
        ...(extra.logprobs ? { logprobs: { content: extra.logprobs.map(([token, logprob]) => ({ token, logprob, top_logprobs: [] })) } } : {}),
      },
    ],
    ...(extra.usage ? { usage: { prompt_tokens: extra.usage[0], completion_tokens: extra.usage[1], total_tokens: extra.usage[0] + extra.usage[1] } } : {}),
  };
}

/** An embeddings reply, vectors in the given order with their indices. */
export function embeddingsReply(vectors: readonly (readonly number[])[], indices?: readonly number[]): Record<string, unknown> {
  return {
    object: 'list',
    data: vectors.map((embedding, i) => ({ object: 'embedding', index: indices ? indices[i] : i, embedding })),
    model: 'test',
  };
}

export async function startFakeServer(): Promise<FakeServer> {
  const requests: RecordedRequest[] = [];
  let handler: FakeHandler = (_req, res) => sendJson(res, 500, { error: { message: 'no handler installed' } });
  const server: Server = createServer((raw, res) => {
    const chunks: Buffer[] = [];
    raw.on('data', (c: Buffer) => chunks.push(c));
    raw.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        // recorded as {}
      }
      const req: RecordedRequest = { method: raw.method ?? '', path: raw.url ?? '', headers: raw.headers, body };
      requests.push(req);
      void Promise.resolve(handler(req, res, raw)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    handle(h) {
      handler = h;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A base URL on which nothing listens: a port that was just open and is closed again. */
export async function closedPortURL(): Promise<string> {
  const s = await startFakeServer();
  const url = s.baseURL;
  await s.close();
  return url;
}
