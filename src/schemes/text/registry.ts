/**
 * Text schemes by name, so that case studies (plain data) and the CLI can
 * name them: `raw`, `gzip`, `brotli` (traditional), `shared-model`
 * (lossless coding with the shared PPM model), `semantic` and
 * `semantic-calibrated` (keywords and goal; see semantic-text-scheme.ts).
 */
import { SemcomError } from '../../core/errors.js';
import { createSemanticTextScheme } from './semantic-text-scheme.js';
import { createSharedModelScheme } from './shared-model-scheme.js';
import { createTraditionalTextScheme } from './traditional-text-scheme.js';
import type { TextScheme } from './types.js';

export const TEXT_SCHEME_NAMES = ['raw', 'gzip', 'brotli', 'shared-model', 'semantic', 'semantic-calibrated'] as const;

/** Provider specs of the agents' models (`openai-compatible:…`, `llama-cpp:…`, …); the embedded models when absent. */
export interface TextSchemeModels {
  /** The understanding agent's text model (keyword extraction and goal identification). */
  understanding?: string;
  /** The generating agent's text model (regeneration from keywords and goal). */
  generating?: string;
}

export interface TextSchemeOptions {
  /** Longest message accepted (characters). */
  maxChars?: number;
  /** Most keywords the understanding agent sends (semantic schemes). */
  maxKeywords?: number;
}

export async function createTextScheme(name: string, models: TextSchemeModels = {}, options: TextSchemeOptions = {}): Promise<TextScheme> {
  switch (name) {
    case 'raw':
    case 'gzip':
    case 'brotli':
      return createTraditionalTextScheme({ codec: name, ...options });
    case 'shared-model':
      return createSharedModelScheme(options);
    case 'semantic':
    case 'semantic-calibrated':
      return createSemanticTextScheme({ calibrated: name === 'semantic-calibrated', models, ...options });
    default:
      throw new SemcomError('INVALID_ARGUMENT', `unknown text scheme '${name}'; accepted: ${TEXT_SCHEME_NAMES.join(', ')}`);
  }
}
