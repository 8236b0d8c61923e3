/**
 * Generative and understanding models: the provider-facing contracts (text,
 * embedding, vision), the user-facing helpers that own retries, validation
 * and timing, the providers chosen by a spec string, and the embedded models
 * this project trains or builds (MNIST models, word vectors, the shared
 * language models, keyword extraction and retrieval generation).
 */
export * from './contracts/index.js';
export * from './helpers/index.js';
export * from './providers/index.js';
export { parseModelSpec, MODEL_SPEC_FORMS, resolveTextModel, resolveEmbeddingModel, resolveVisionModel, checkModelSpec, registerEmbeddedModel, embeddedModelNames, type ModelSpec, type EmbeddedModelFactories } from './registry.js';
export { loadTf, loadModel, saveModel } from './tfjs.js';
export { loadMnistClassifier, type MnistClassifier, type MnistClassifierKind } from './embedded/mnist-classifier.js';
export { loadMnistCvae, type MnistCvae } from './embedded/mnist-cvae.js';
export { loadLatentDiffusion, type LatentDiffusion } from './embedded/latent-diffusion.js';
export { loadMnistJscc, type MnistJscc } from './embedded/mnist-jscc.js';
export { createWordVectorEmbeddingModel, wordVectorsRegistration, wordVectorTokens, loadWordVectorTable, WORD_VECTORS_MODEL_ID, type WordVectorModelOptions } from './embedded/word-vectors/index.js';
export * from './embedded/language-model/index.js';
