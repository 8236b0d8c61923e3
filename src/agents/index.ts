/**
 * The LLM-native transceiver agents of seed 003 Sec. III-D: an understanding
 * agent and a generating agent on one backbone type, and the channel
 * adaptation modules between them. README.md maps each component to its file.
 */
export type { AgentMemory } from './agent-context.js';
export {
  formatPersonLine,
  orderPersonEntries,
  parsePersonAttributeLine,
  renderPersonSentence,
  PERSON_ATTRIBUTES,
  PERSON_CONTEXT_ATTRIBUTES,
  PERSON_ENTRY_ORDER,
  UNKNOWN_VALUE,
  type AttributeEntry,
} from './attributes.js';
export type { Backbone, BackboneReply, GenerateRequest, UnderstandRequest } from './backbone.js';
export { createEmbeddedBackbone, type EmbeddedBackboneOptions } from './embedded-backbone.js';
export { createNearestEntriesInterpreter, type EmbeddingInterpreter, type EntriesCandidate } from './embedding-interpreter.js';
export { entriesText, type Entries } from './entries.js';
export { entriesSchema, parseEntries } from './entries-schema.js';
export { generativeHead } from './generative-head.js';
export { createGeneratingAgent, type GenerateOptions, type GeneratingAgent, type GeneratingAgentOptions, type GenerationResult } from './generating-agent.js';
export { createMemoryKnowledgeStore, tokenOverlap, tokenSet, type KnowledgeHit, type KnowledgeItem, type KnowledgeStore, type MemoryKnowledgeStoreOptions } from './knowledge-store.js';
export { languageHead } from './language-head.js';
export { createLlmBackbone, TEXT_GENERATING_SCHEMA, TEXT_UNDERSTANDING_SCHEMA, type LlmBackboneOptions } from './llm-backbone.js';
export { callModel, jsonReply, DEFAULT_MAX_RETRIES as AGENT_MAX_RETRIES, DEFAULT_TIMEOUT_MS as AGENT_TIMEOUT_MS, type ModelCallOptions, type ModelCallRequest, type ModelCallResult, type ReplyParser } from './model-call.js';
export {
  createPerceptionEncoder,
  normalizeText,
  unescapeText,
  DEFAULT_MAX_CHARS,
  DEFAULT_VISION_PROMPT,
  type Content,
  type ImageClassifier,
  type Perceived,
  type PerceptionEncoder,
  type PerceptionOptions,
} from './perception.js';
export {
  DEFAULT_ROLE_PROMPTS,
  MAX_TEXT_KEYWORDS,
  SEED003_GENERATING_PROMPT,
  SEED003_GENERIC_GENERATING_PROMPT,
  SEED003_GENERIC_UNDERSTANDING_PROMPT,
  SEED003_UNDERSTANDING_PROMPT,
  TEXT_GENERATING_PROMPT,
  TEXT_UNDERSTANDING_PROMPT,
  type AgentRole,
  type AgentTask,
  type RolePrompts,
} from './prompts.js';
export { cacheKey, createShortTermMemory, type CacheStats, type Exchange, type ShortTermMemory, type ShortTermMemoryOptions } from './short-term-memory.js';
export { MOODS, type KeywordExtractor, type Mood, type SentenceGenerator, type TextGoal, type TextUnderstanding } from './text-understanding.js';
export { defineTool, invokeTool, knowledgeLookupInput, knowledgeLookupTool, toolOutputLines, type ContextTool, type Tool } from './tools.js';
export { createUnderstandingAgent, type UnderstandingAgent, type UnderstandingAgentOptions, type UnderstandingResult, type UnderstandOptions } from './understanding-agent.js';
export {
  channelAdaptationFromWeights,
  channelAdaptationWeightsPath,
  createChannelAdaptation,
  CHANNEL_ADAPTATION_TRAIN_COMMAND,
  type ChannelAdaptation,
  type DecodeOptions as ChannelAdaptationDecodeOptions,
} from './channel-adaptation/channel-adaptation.js';
export {
  averagePower,
  linearMapsMse,
  lmmseDecoder,
  noiseVariancePerReal,
  optimalLinearMaps,
  optimalLinearMse,
  type LinearChannel,
  type OptimalLinearCode,
} from './channel-adaptation/theory.js';
export { trainLinearMaps, type TrainedLinearMaps, type TrainLinearOptions } from './channel-adaptation/trainer.js';
export { CHANNEL_ADAPTATION_FORMAT, CHANNEL_ADAPTATION_VERSION, parseChannelAdaptationWeights, type ChannelAdaptationWeights } from './channel-adaptation/weights.js';
export { embedSourceTexts, SOURCE_DESCRIPTION, SOURCE_DIMS, type SourceRows } from './channel-adaptation/source.js';
export { toUnitLength } from './channel-adaptation/scaling.js';
