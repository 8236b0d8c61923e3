/** Model providers: OpenAI-compatible servers, transformers.js on ONNX folders, node-llama-cpp on GGUF files. */
export { DEFAULT_PROVIDER_TIMEOUT_MS } from './defaults.js';
export { createOpenAICompatibleTextModel, chatRequestBody, OPENAI_COMPATIBLE, type OpenAICompatibleOptions } from './openai-compatible/chat.js';
export { createOpenAICompatibleEmbeddingModel, OPENAI_EMBED_BATCH } from './openai-compatible/embeddings.js';
export { createOpenAICompatibleVisionModel } from './openai-compatible/vision.js';
export { apiKeyFromEnv, parseRetryAfter } from './openai-compatible/http.js';
export { encodePng, pngDataUrl } from './openai-compatible/png.js';
export { createTransformersEmbeddingModel, TRANSFORMERS_EMBED_BATCH, type TransformersOptions } from './transformers/embedding.js';
export { createTransformersTextModel } from './transformers/text.js';
export { TRANSFORMERS, inspectOnnxFolder, type TransformersModule, type TransformersPipeline, type TransformersTensor } from './transformers/runtime.js';
export { createLlamaCppTextModel, type LlamaCppOptions } from './llama-cpp/text.js';
export { createLlamaCppEmbeddingModel, LLAMA_CPP_EMBED_BATCH } from './llama-cpp/embedding.js';
export { LLAMA_CPP, GET_LLAMA_OPTIONS, inspectGgufFile, type LlamaCppModule } from './llama-cpp/runtime.js';
export { isPeerInstalled, type ModuleLoader } from './peer-module.js';
