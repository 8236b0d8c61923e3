/**
 * The receiver's embedded generating model for text: retrieve and adapt.
 * Given keywords and a goal (seed 002 Sec. III-A: the receiver "restore[s]
 * the original content from received keywords and goals given background
 * knowledge"), it tags the keywords (./keyword-tagger.ts), retrieves the
 * train-split sentence whose content-word slots best fit them with the
 * goal's mood and domain (./retrieve.ts), and fills its slots with the
 * keywords (./render.ts). The shared corpus is the background knowledge.
 *
 * It is far weaker than the large generative models the paper puts in the
 * cloud: it cannot invent a structure that no train sentence has, does not
 * inflect words or make verbs agree beyond choosing a template whose slots
 * already have the right forms, and knows nothing beyond WordNet's examples.
 * Its measured quality is in README.md.
 */
import { SemcomError } from '../../../core/errors.js';
import { WORDNET_LEXNAMES } from '../../../datasets/wordnet.js';
import { MAX_TEXT_CHARS, type Mood, type SentenceGenerator, type TextUnderstanding } from '../text-understanding.js';
import { analysedCorpus, type AnalysedSentence } from '../keywords/corpus.js';
import { loadKeywordExtractor } from '../keywords/extractor.js';
import { alignmentSteps } from './alignment.js';
import { defaultSentence } from './defaults.js';
import { trainKeywordTagger, type KeywordTagger } from './keyword-tagger.js';
import { renderTemplate } from './render.js';
import { TemplateSearch, type Retrieval } from './retrieve.js';
import { buildTemplateIndex, MOODS, type TemplateIndex } from './template-index.js';

/** Most keywords one `generate` call accepts (their total length is bounded by `MAX_TEXT_CHARS` too). */
export const MAX_GENERATOR_KEYWORDS = 256;

/** The generator with its parts exposed for inspection. */
export interface RetrievalGenerator extends SentenceGenerator {
  readonly index: TemplateIndex;
  readonly tagger: KeywordTagger;
  /** The template `generate` would adapt (id into `index.templates`) and its cost; template -1 for no keywords. */
  retrieve(understanding: TextUnderstanding): Retrieval;
}

interface CheckedInput {
  readonly keywords: string[];
  readonly mood: number;
  readonly domain: number;
}

function checkUnderstanding(u: unknown): CheckedInput {
  if (typeof u !== 'object' || u === null) throw new SemcomError('INVALID_ARGUMENT', 'understanding must be an object { keywords, goal }');
  const { keywords, goal } = u as { keywords?: unknown; goal?: unknown };
  if (!Array.isArray(keywords)) throw new SemcomError('INVALID_ARGUMENT', 'understanding.keywords must be an array of strings');
  if (keywords.length > MAX_GENERATOR_KEYWORDS) {
    throw new SemcomError('INVALID_ARGUMENT', `understanding.keywords has ${keywords.length} entries, more than the limit of ${MAX_GENERATOR_KEYWORDS}`);
  }
  let chars = 0;
  const clean = keywords.map((k, i) => {
    if (typeof k !== 'string' || k.trim() === '') throw new SemcomError('INVALID_ARGUMENT', `understanding.keywords[${i}] must be a non-empty string`);
    chars += k.length;
    return k.trim().replace(/\s+/gu, ' ');
  });
  if (chars > MAX_TEXT_CHARS) throw new SemcomError('INVALID_ARGUMENT', `the keywords have ${chars} characters in all, more than the limit of ${MAX_TEXT_CHARS}`);
  if (typeof goal !== 'object' || goal === null) throw new SemcomError('INVALID_ARGUMENT', 'understanding.goal must be an object { mood, domain }');
  const { mood, domain } = goal as { mood?: unknown; domain?: unknown };
  const moodIndex = MOODS.indexOf(mood as never);
  if (moodIndex < 0) throw new SemcomError('INVALID_ARGUMENT', `goal.mood must be one of ${MOODS.join(', ')}, got ${String(mood)}`);
  const domainIndex = WORDNET_LEXNAMES.indexOf(domain as string);
  if (domainIndex < 0) throw new SemcomError('INVALID_ARGUMENT', `goal.domain must be a WordNet lexname such as noun.food, got ${String(domain)}`);
  return { keywords: clean, mood: moodIndex, domain: domainIndex };
}

/** The models every retrieval generator shares, whatever its templates: trained on the train split once per process. */
interface SharedModels {
  readonly tagger: KeywordTagger;
  /** The shared domain classifier's prediction for a template (memoised per sentence object). */
  readonly domainOf: (s: AnalysedSentence) => number;
}

let shared: SharedModels | null = null;

function sharedModels(): SharedModels {
  if (shared) return shared;
  const train = analysedCorpus('train');
  // The receiver shares the transmitter's domain classifier (seed 002 Sec. III-B: both ends hold the same trained models).
  const classifier = loadKeywordExtractor().domainClassifier;
  const domains = new WeakMap<AnalysedSentence, number>();
  shared = {
    tagger: trainKeywordTagger(train.map((s) => s.analysis)),
    domainOf: (s) => {
      let d = domains.get(s);
      if (d === undefined) domains.set(s, (d = classifier.top(s.analysis, 1)[0] as number));
      return d;
    },
  };
  return shared;
}

/**
 * A retrieval generator whose background knowledge is `templates` (seed 002
 * Sec. II-C: the receiver regenerates with the knowledge it holds, which may
 * differ from the transmitter's). The keyword tagger and the domain
 * classifier stay the ones trained on the whole train split: they are models
 * both ends share, not knowledge. Sentences without keywords are skipped;
 * template ids follow the order given, so ties go to the earlier sentence.
 * With no template at all, every message gets the goal's default sentence.
 */
export function createRetrievalGenerator(templates: readonly AnalysedSentence[]): RetrievalGenerator {
  if (!Array.isArray(templates)) throw new SemcomError('INVALID_ARGUMENT', 'templates must be an array of analysed sentences (analysedCorpus)');
  const { tagger, domainOf } = sharedModels();
  const index = buildTemplateIndex(templates, domainOf);
  const search = new TemplateSearch(index);
  const prepare = (input: CheckedInput): { tags: Uint8Array; words: Int32Array } => ({
    tags: tagger.tag(input.keywords),
    words: Int32Array.from(input.keywords, (k) => index.wordId(k.toLowerCase())),
  });
  const retrieve = (u: TextUnderstanding): Retrieval => {
    const input = checkUnderstanding(u);
    if (input.keywords.length === 0 || index.templates.length === 0) return { template: -1, cost: 0 };
    const { tags, words } = prepare(input);
    return search.best(tags, words, input.mood, input.domain);
  };
  return {
    index,
    tagger,
    retrieve,
    generate(u) {
      const input = checkUnderstanding(u);
      const fallback = (): string => defaultSentence({ mood: MOODS[input.mood] as Mood, domain: WORDNET_LEXNAMES[input.domain] as string });
      if (input.keywords.length === 0 || index.templates.length === 0) return fallback();
      const { tags, words } = prepare(input);
      const { template } = search.best(tags, words, input.mood, input.domain);
      if (template < 0) return fallback();
      const t = (index.templates[template] as AnalysedSentence).analysis;
      const start = index.slotStart[template] as number;
      const slots = { tags: index.slotTags, words: index.slotWords, start, length: (index.slotStart[template + 1] as number) - start };
      return renderTemplate(t, alignmentSteps(slots, tags, words), input.keywords, tags);
    },
  };
}

let cached: RetrievalGenerator | null = null;

/**
 * The embedded retrieval generator over the whole train split, built on
 * first call and cached per process. Synchronous: the first call loads the
 * keyword extractor (whose analysis of the train split and domain classifier
 * it shares) and builds the tagger and the template index; after that one
 * sentence takes about a millisecond (README.md has the measurements).
 */
export function loadRetrievalGenerator(): RetrievalGenerator {
  cached ??= createRetrievalGenerator(analysedCorpus('train'));
  return cached;
}
