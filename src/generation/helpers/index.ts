/** User-facing helpers over the model contracts: retries, deadlines, cancellation, validation, timing. */
export { generateText, type GenerateTextOptions, type GenerateTextResult } from './generate-text.js';
export { generateObject, type GenerateObjectOptions, type GenerateObjectResult } from './generate-object.js';
export { embed, type EmbedOptions, type EmbedHelperResult } from './embed.js';
export { describeImage, type DescribeImageOptions, type DescribeImageResult } from './describe-image.js';
export { DEFAULT_TIMEOUT_MS, type CallControl, type HelperRun, type HelperTiming } from './call-control.js';
export { backoffDelayMs, DEFAULT_MAX_RETRIES, withRetries, type RetryDecision, type RetryLoopOptions, type RetryPolicy, type RetryRun } from './retry.js';
export { ProviderFailedError, isRetryable, type ProviderFailureInfo } from './failure.js';
export { attemptSignal, raceWithDeadline, sleep, type AttemptSignal, type DeadlineOptions } from './cancel.js';
export { parseJsonReply, type JsonReply } from './json-reply.js';
export { jsonSchemaOf } from './zod-json-schema.js';
