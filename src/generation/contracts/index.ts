/** Provider-facing contracts of generative models (text, embedding, vision). */
export type { ChatMessage, JsonResponseFormat, TextGenerateCall, TextGenerateResult, TextModel, TokenLogprob } from './text-model.js';
export type { EmbedCall, EmbedResult, EmbeddingModel } from './embedding-model.js';
export type { ImageInput, VisionDescribeCall, VisionDescribeResult, VisionModel } from './vision-model.js';
export type { JsonSchema } from './json-schema.js';
