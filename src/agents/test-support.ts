/**
 * Fakes for the agents' tests (excluded from the build): text models that
 * record their calls and answer from a script, hang, or fail; an embedding
 * model; a keyword extractor and a sentence generator.
 */
import { SemcomError } from '../core/errors.js';
import type { EmbeddingModel, TextGenerateCall, TextModel } from '../generation/contracts/index.js';
import type { KeywordExtractor, SentenceGenerator, TextUnderstanding } from './text-understanding.js';

export interface RecordingTextModel extends TextModel {
  readonly calls: TextGenerateCall[];
}

/**
 * A text model that records each call and answers with the next scripted
 * reply (the last one repeats); a function reply sees the call.
 */
export function scriptedModel(replies: ReadonlyArray<string | ((call: TextGenerateCall) => string)>, modelId = 'scripted'): RecordingTextModel {
  const calls: TextGenerateCall[] = [];
  return {
    provider: 'fake',
    modelId,
    supportsStructuredOutput: true,
    calls,
    async doGenerate(call) {
      calls.push(call);
      const r = replies[Math.min(calls.length - 1, replies.length - 1)];
      return { text: typeof r === 'function' ? r(call) : r, finishReason: 'stop' };
    },
  };
}

/** A text model that never answers unless aborted (then rejects with ABORTED, as a provider should). */
export function hangingModel(): RecordingTextModel & { aborted: () => boolean } {
  const calls: TextGenerateCall[] = [];
  let aborted = false;
  return {
    provider: 'fake',
    modelId: 'hanging',
    supportsStructuredOutput: false,
    calls,
    aborted: () => aborted,
    doGenerate(call) {
      calls.push(call);
      return new Promise((_, reject) => {
        call.abortSignal?.addEventListener('abort', () => {
          aborted = true;
          reject(new SemcomError('ABORTED', 'fake model aborted'));
        });
      });
    },
  };
}

/** A text model whose backend fails with a plain Error. */
export function failingModel(message = 'connection refused'): RecordingTextModel {
  const calls: TextGenerateCall[] = [];
  return {
    provider: 'fake',
    modelId: 'failing',
    supportsStructuredOutput: false,
    calls,
    async doGenerate(call) {
      calls.push(call);
      throw new Error(message);
    },
  };
}

/** Letter-count embedding: 26 dimensions, the counts of a..z (deterministic, similar texts get similar vectors). */
export function letterEmbeddingModel(): EmbeddingModel & { calls: number } {
  const model = {
    provider: 'fake',
    modelId: 'letters',
    dimensions: 26,
    maxBatchSize: 16,
    calls: 0,
    async doEmbed(call: { texts: readonly string[] }) {
      model.calls++;
      return {
        embeddings: call.texts.map((t) => {
          const v = new Float32Array(26);
          for (const c of t.toLowerCase()) {
            const i = c.charCodeAt(0) - 97;
            if (i >= 0 && i < 26) v[i]++;
          }
          return v;
        }),
      };
    },
  };
  return model;
}

/** Keywords: words of four letters or more, in order; mood from the final punctuation; domain fixed. */
export function fakeKeywordExtractor(): KeywordExtractor & { calls: number } {
  const x = {
    calls: 0,
    extract(text: string, options: { maxKeywords?: number } = {}): TextUnderstanding {
      x.calls++;
      const words = (text.toLowerCase().match(/[a-z]{4,}/g) ?? []).slice(0, options.maxKeywords ?? 8);
      const mood = text.trim().endsWith('?') ? 'question' : text.trim().endsWith('!') ? 'exclamation' : 'statement';
      return { keywords: words, goal: { mood, domain: 'noun.artifact' } };
    },
  };
  return x;
}

/** Sentence: the keywords joined, with the mood's punctuation. */
export function fakeSentenceGenerator(): SentenceGenerator {
  return {
    generate(u) {
      const end = u.goal.mood === 'question' ? '?' : u.goal.mood === 'exclamation' ? '!' : '.';
      return `${u.keywords.join(' ')}${end}`;
    },
  };
}
