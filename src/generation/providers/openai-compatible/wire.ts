/**
 * The parts of the OpenAI chat-completions and embeddings replies that semcom
 * reads, as zod schemas: a server that drifts from the format (a proxy's
 * HTML error page with status 200, a field renamed) gives `MALFORMED_REPLY`
 * naming the first mismatch instead of `undefined` further down. Extra fields
 * are allowed; servers add their own (Ollama's `system_fingerprint`, vLLM's
 * `prompt_logprobs`).
 */
import { z } from 'zod';
import { SemcomError } from '../../../core/errors.js';
import { excerpt } from '../../helpers/json-reply.js';

const tokenLogprob = z.object({ token: z.string(), logprob: z.number() });

export const chatCompletionReply = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() }),
        finish_reason: z.string().nullable().optional(),
        logprobs: z.object({ content: z.array(tokenLogprob).nullable().optional() }).nullable().optional(),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().int().nonnegative().optional(), completion_tokens: z.number().int().nonnegative().optional() })
    .nullable()
    .optional(),
});

export const embeddingsReply = z.object({
  data: z.array(z.object({ embedding: z.array(z.number()), index: z.number().int().nonnegative().optional() })),
});

/** `json` parsed by `schema`, or `MALFORMED_REPLY` naming the first mismatch and quoting the reply. */
export function parseWire<S extends z.ZodType>(schema: S, json: unknown, format: string, what: string): z.output<S> {
  const checked = schema.safeParse(json);
  if (checked.success) return checked.data;
  const issue = checked.error.issues[0];
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
  throw new SemcomError(
    'MALFORMED_REPLY',
    `${what}: the reply is not in the ${format} format (at ${path}: ${issue.message}); reply began: ${excerpt(JSON.stringify(json) ?? String(json))}`,
  );
}
