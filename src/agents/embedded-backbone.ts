/**
 * The embedded backbone: the agents' roles played by this project's own
 * small models, offline and deterministic.
 *
 * - text, understanding: an injected KeywordExtractor (e.g. `loadKeywordExtractor`
 *   of src/generation/embedded/keywords);
 * - text, generating: an injected SentenceGenerator (e.g. `loadRetrievalGenerator`);
 * - attributes, understanding: the record's person attributes, picked by name
 *   (a structured source needs no extraction; free text or images need an LLM backbone);
 * - attributes, generating: the sentence structure of seed 003's generating
 *   prompt, filled in directly (`renderPersonSentence`).
 * Retrieved context and exchange history are ignored: these models take no context.
 */
import { SemcomError } from '../core/errors.js';
import { PERSON_ENTRY_ORDER, formatPersonLine, renderPersonSentence, type AttributeEntry } from './attributes.js';
import type { Backbone, BackboneReply } from './backbone.js';
import type { Entries } from './entries.js';
import { DEFAULT_ROLE_PROMPTS } from './prompts.js';
import type { KeywordExtractor, SentenceGenerator } from './text-understanding.js';

export interface EmbeddedBackboneOptions {
  readonly keywordExtractor?: KeywordExtractor;
  readonly sentenceGenerator?: SentenceGenerator;
  /** Suffix of the backbone id, naming the models (default `default`). */
  readonly name?: string;
}

function run<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof SemcomError) throw e;
    throw new SemcomError('PROVIDER_FAILED', `embedded ${what} failed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function reply<T>(value: T, input: string, output: string): BackboneReply<T> {
  return { value, input, output, attempts: 0, fallback: false };
}

export function createEmbeddedBackbone(options: EmbeddedBackboneOptions = {}): Backbone {
  const { keywordExtractor, sentenceGenerator } = options;
  return {
    id: `embedded:${options.name ?? 'default'}`,
    kind: 'embedded',
    rolePrompt: (role, task) => DEFAULT_ROLE_PROMPTS[role][task],

    async understand(req) {
      const { perceived, task } = req;
      if (task === 'text') {
        if (!keywordExtractor) {
          throw new SemcomError('UNSUPPORTED', 'the embedded backbone has no keyword extractor; pass keywordExtractor (loadKeywordExtractor from src/generation/embedded/keywords)');
        }
        const u = run('keyword extractor', () => keywordExtractor.extract(perceived.text, { maxKeywords: req.maxKeywords }));
        const entries: Entries = { task: 'text', understanding: u };
        return reply(entries, perceived.text, JSON.stringify(u));
      }
      if (!perceived.attributes) {
        throw new SemcomError('UNSUPPORTED', `the embedded backbone reads person attributes from attribute records only, not from ${perceived.modality}; use an LLM backbone`);
      }
      const picked: AttributeEntry[] = perceived.attributes.filter((e) => PERSON_ENTRY_ORDER.includes(e.name));
      if (!picked.some((e) => !['time', 'location'].includes(e.name))) {
        throw new SemcomError('INVALID_ARGUMENT', `the attribute record has none of the person attributes (${PERSON_ENTRY_ORDER.slice(2).join(', ')})`);
      }
      const entries: Entries = { task: 'attributes', attributes: picked };
      return reply(entries, perceived.text, formatPersonLine(picked));
    },

    async generate(req) {
      const { entries } = req;
      if (entries.task === 'attributes') {
        const line = formatPersonLine(entries.attributes);
        return reply(renderPersonSentence(entries.attributes), line, renderPersonSentence(entries.attributes));
      }
      if (!sentenceGenerator) {
        throw new SemcomError('UNSUPPORTED', 'the embedded backbone has no sentence generator; pass sentenceGenerator (loadRetrievalGenerator from src/generation/embedded/retrieval-generator)');
      }
      const sentence = run('sentence generator', () => sentenceGenerator.generate(entries.understanding));
      return reply(sentence, JSON.stringify(entries.understanding), sentence);
    },
  };
}
