/**
 * One JSON POST to an OpenAI-compatible server (Ollama, vLLM, llama.cpp
 * server, LM Studio, OpenAI) with global fetch, every failure mapped to a
 * `SemcomError`:
 *
 * | what happened | code | retried by the helpers |
 * |---|---|---|
 * | caller's AbortSignal | ABORTED | no |
 * | no reply within the attempt's timeout | TIMEOUT | yes |
 * | connection refused, host not found or unreachable | PROVIDER_UNAVAILABLE | no |
 * | connection reset, reply cut off mid-body | PROVIDER_FAILED, retryable | yes |
 * | HTTP 408, 429, 5xx | PROVIDER_FAILED, retryable (429/503: Retry-After) | yes |
 * | other HTTP status (401, 404, 400, ...) | PROVIDER_FAILED | no |
 * | 2xx whose body is not JSON | MALFORMED_REPLY | no |
 *
 * Connection refused is not retried, not even once: it means no process
 * listens on that port, which a restart by the user fixes and half a second
 * of waiting almost never does; failing at once puts "start `ollama serve`"
 * in front of the user without the delay of a backoff schedule.
 */
import { SemcomError } from '../../../core/errors.js';
import { abortedError, attemptSignal, type AttemptSignal } from '../../helpers/cancel.js';
import { ProviderFailedError } from '../../helpers/failure.js';
import { excerpt } from '../../helpers/json-reply.js';

export interface Endpoint {
  /** Without a trailing slash, e.g. `http://localhost:11434/v1`. */
  readonly baseURL: string;
  /** Sent as `Authorization: Bearer <apiKey>` when set. */
  readonly apiKey?: string;
}

/**
 * The API key from the environment: `SEMCOM_API_KEY`, else `OPENAI_API_KEY`;
 * none (undefined) is fine for local servers, which ignore the header.
 */
export function apiKeyFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): string | undefined {
  const key = env.SEMCOM_API_KEY?.trim() || env.OPENAI_API_KEY?.trim();
  return key || undefined;
}

export interface PostOptions {
  readonly abortSignal?: AbortSignal;
  /** Deadline of this request, connection and body included, ms. */
  readonly timeoutMs: number;
  /** Names the call in messages. */
  readonly what: string;
}

/** Error codes of node's and undici's network errors that mean no server is reachable there. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
/** ... and those that mean a server was there and the connection broke. */
const BROKEN = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ETIMEDOUT', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** The `code`s along an error's cause chain and inside AggregateErrors (fetch nests them). */
export function networkCodes(error: unknown, depth = 0): string[] {
  if (error === null || typeof error !== 'object' || depth > 6) return [];
  const codes: string[] = [];
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') codes.push(code);
  if (error instanceof AggregateError) for (const inner of error.errors) codes.push(...networkCodes(inner, depth + 1));
  codes.push(...networkCodes((error as { cause?: unknown }).cause, depth + 1));
  return codes;
}

/** "fetch failed: bad port": the messages along the cause chain, since fetch's own says little. */
function causeChain(error: unknown): string {
  const parts: string[] = [];
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    parts.push(e instanceof Error ? e.message : String(e));
  }
  return parts.join(': ');
}

function transportError(error: unknown, attempt: AttemptSignal, url: string, opts: PostOptions, phase: string): SemcomError {
  const reason = attempt.reason();
  if (reason === 'aborted') return abortedError(opts.what, opts.abortSignal);
  if (reason === 'timeout') {
    return new SemcomError('TIMEOUT', `${opts.what}: ${url} did not answer within ${opts.timeoutMs} ms; raise timeoutMs for a slow model or check the server`, {
      cause: error,
    });
  }
  const codes = networkCodes(error);
  const unreachable = codes.find((c) => UNREACHABLE.has(c));
  if (unreachable) {
    return new SemcomError(
      'PROVIDER_UNAVAILABLE',
      `${opts.what}: no server answers at ${url} (${unreachable}); start it (for Ollama: \`ollama serve\`) or fix the base URL in the model spec`,
      { cause: error },
    );
  }
  const broken = codes.find((c) => BROKEN.has(c));
  if (broken) {
    return new ProviderFailedError(`${opts.what}: the connection to ${url} broke while ${phase} (${broken}); the server may have crashed or restarted`, {
      retryable: true,
      cause: error,
    });
  }
  return new ProviderFailedError(`${opts.what}: the request to ${url} failed while ${phase} (${causeChain(error)})`, { retryable: false, cause: error });
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 Sec. 10.2.3). */
export function parseRetryAfter(header: string | null, nowMs = Date.now()): number | undefined {
  if (header === null) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its weekday and month; V8's Date.parse would also take "-5" or "1.5".
  if (!/[A-Za-z]{3}/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** The server's own error text: OpenAI's `{error: {message}}`, Ollama's `{error: "..."}`, or the body. */
function serverMessage(body: string): string {
  try {
    const json = JSON.parse(body) as { error?: unknown; message?: unknown };
    const e = json.error;
    if (typeof e === 'string') return e;
    if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
    if (typeof json.message === 'string') return json.message;
  } catch {
    // not JSON: quote the body
  }
  return excerpt(body);
}

function statusError(status: number, retryAfter: string | null, body: string, url: string, what: string): SemcomError {
  const said = serverMessage(body);
  const head = `${what}: ${url} answered HTTP ${status}${said ? ` (${said})` : ''}`;
  if (status === 408 || status === 429 || status >= 500) {
    return new ProviderFailedError(`${head}; the server is busy or failing, try again later`, {
      retryable: true,
      status,
      retryAfterMs: parseRetryAfter(retryAfter),
    });
  }
  const hint =
    status === 401 || status === 403
      ? 'set the API key in SEMCOM_API_KEY (or OPENAI_API_KEY)'
      : status === 404
        ? 'check the base URL (it usually ends in /v1) and that the model exists there (for Ollama: `ollama pull <model>`)'
        : 'the server rejected the request; check the model name and that the server supports these options';
  return new ProviderFailedError(`${head}; ${hint}`, { retryable: false, status });
}

/** POSTs `body` as JSON to `baseURL + path` and returns the parsed JSON reply. */
export async function postJson(endpoint: Endpoint, path: string, body: unknown, opts: PostOptions): Promise<unknown> {
  const url = `${endpoint.baseURL}${path}`;
  if (opts.abortSignal?.aborted) throw abortedError(opts.what, opts.abortSignal);
  const attempt = attemptSignal(opts.abortSignal, opts.timeoutMs);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal: attempt.signal });
  } catch (e) {
    throw transportError(e, attempt, url, opts, 'connecting or sending the request');
  }
  let text: string;
  try {
    text = await res.text();
  } catch (e) {
    throw transportError(e, attempt, url, opts, 'reading the reply');
  }
  if (!res.ok) throw statusError(res.status, res.headers.get('retry-after'), text, url, opts.what);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SemcomError('MALFORMED_REPLY', `${opts.what}: ${url} answered HTTP ${res.status} with a body that is not JSON: ${excerpt(text) || '(empty)'}`);
  }
}
