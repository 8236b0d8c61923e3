/**
 * `generateObject`: a reply that is one JSON value validated by a zod schema.
 *
 * The request carries `responseFormat` (the schema as JSON Schema, derived
 * with `z.toJSONSchema` unless given), which servers with a JSON-schema mode
 * or a grammar enforce. For a model that does not enforce it
 * (`supportsStructuredOutput: false`) the schema is also written into the
 * system message. The reply is parsed by the rules of ./json-reply.ts and
 * validated with zod. An invalid reply is asked again at once (no backoff: it
 * is not load) with the bad reply and the first zod issue appended to the
 * conversation, so that even greedy decoding can change its answer; invalid
 * replies and retryable transport failures share one budget of `maxRetries`.
 * When it is spent the error is `MALFORMED_REPLY` naming the first issue.
 */
import { z } from 'zod';
import { SemcomError } from '../../core/errors.js';
import type { JsonSchema } from '../contracts/json-schema.js';
import type { ChatMessage, TextGenerateResult, TextModel } from '../contracts/text-model.js';
import { guarded, invalid, modelLabel, policyOf, runInfo, timeoutOf, type HelperRun } from './call-control.js';
import { isRetryable } from './failure.js';
import { checkTextCall, type GenerateTextOptions } from './generate-text.js';
import { excerpt, parseJsonReply } from './json-reply.js';
import { withRetries } from './retry.js';
import { jsonSchemaOf } from './zod-json-schema.js';

export type GenerateObjectOptions<S extends z.ZodType> = Omit<GenerateTextOptions, 'responseFormat' | 'logprobs'> & {
  /** Validates the reply; its output type is the result's `object`. */
  readonly schema: S;
  /** Sent as `responseFormat.schema`; default `z.toJSONSchema(schema)` narrowed to {@link JsonSchema}. */
  readonly jsonSchema?: JsonSchema;
  /** `responseFormat.name`: letters, digits, `_`, `-`; default `reply`. */
  readonly schemaName?: string;
};

export type GenerateObjectResult<T> = {
  readonly object: T;
  /** The raw reply text the object was parsed from. */
  readonly text: string;
  readonly finishReason: TextGenerateResult['finishReason'];
  readonly usage?: TextGenerateResult['usage'];
} & HelperRun;

/** A reply that did not parse or validate; `generateObject` retries it at once. */
class InvalidObjectReply extends SemcomError {
  readonly replyText: string;
  readonly issue: string;
  constructor(message: string, replyText: string, issue: string) {
    super('MALFORMED_REPLY', message);
    this.replyText = replyText;
    this.issue = issue;
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  return `at ${path}: ${issue.message}`;
}

function withSchemaInstruction(messages: readonly ChatMessage[], schema: JsonSchema): ChatMessage[] {
  const instruction = `Reply with only one JSON value, without prose or code fences, that matches this JSON Schema: ${JSON.stringify(schema)}`;
  const [first, ...rest] = messages;
  if (first.role === 'system') return [{ role: 'system', content: `${first.content}\n\n${instruction}` }, ...rest];
  return [{ role: 'system', content: instruction }, ...messages];
}

function repairTurn(previous: InvalidObjectReply): ChatMessage[] {
  return [
    { role: 'assistant', content: previous.replyText.slice(0, 4000) },
    { role: 'user', content: `That reply is not valid (${previous.issue}). Reply again with only the JSON value that matches the schema.` },
  ];
}

/** Generates and validates a structured reply; rejects with a `SemcomError`. */
export async function generateObject<S extends z.ZodType>(model: TextModel, options: GenerateObjectOptions<S>): Promise<GenerateObjectResult<z.output<S>>> {
  const what = `${modelLabel(model)} generateObject`;
  const { maxRetries: _m, retry: _r, timeoutMs: _t, abortSignal, schema, jsonSchema, schemaName = 'reply', ...call } = options;
  checkTextCall(call, what);
  if (!(schema instanceof z.ZodType)) throw invalid(what, 'schema must be a zod schema');
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(schemaName)) throw invalid(what, `schemaName must be 1-64 letters, digits, _ or -, got ${JSON.stringify(schemaName)}`);
  const timeoutMs = timeoutOf(options, what);
  const wireSchema = jsonSchema ?? jsonSchemaOf(schema);
  const base = model.supportsStructuredOutput ? [...call.messages] : withSchemaInstruction(call.messages, wireSchema);

  const attempt = async (_n: number, previous: SemcomError | undefined) => {
    const messages = previous instanceof InvalidObjectReply ? [...base, ...repairTurn(previous)] : base;
    const reply = await guarded(
      () => model.doGenerate({ ...call, messages, responseFormat: { type: 'json', schema: wireSchema, name: schemaName }, abortSignal, timeoutMs }),
      timeoutMs,
      abortSignal,
      what,
    );
    const cutHint = reply.finishReason === 'length' ? '; the reply was cut off by maxTokens, raise it' : '';
    const parsed = parseJsonReply(reply.text);
    if (!parsed.ok) {
      throw new InvalidObjectReply(`${what}: ${parsed.reason}${cutHint}; reply began: ${excerpt(reply.text)}`, reply.text, parsed.reason);
    }
    const checked = schema.safeParse(parsed.value);
    if (!checked.success) {
      const issue = firstIssue(checked.error);
      throw new InvalidObjectReply(`${what}: the reply does not match the schema ${issue}${cutHint}; reply began: ${excerpt(reply.text)}`, reply.text, issue);
    }
    return { object: checked.data as z.output<S>, text: reply.text, finishReason: reply.finishReason, usage: reply.usage };
  };

  const run = await withRetries(attempt, {
    what,
    abortSignal,
    policy: policyOf(options),
    decide: (e) => (e instanceof InvalidObjectReply ? 'immediate' : isRetryable(e) ? 'backoff' : 'fail'),
  });
  return { ...run.value, ...runInfo(run) };
}
