/**
 * What the receiver of the semantic text scheme reads from its own knowledge
 * base: its lexicon (code index → word) and its background corpus, turned
 * into the retrieval generator it regenerates with, plus the store as the
 * generating agent's long-term memory (seed 003 Sec. III-D2 c). A receiver
 * whose store holds exactly the transmitter's text knowledge
 * (./text-knowledge.ts) regenerates exactly what the built-in generator does.
 */
import type { KnowledgeStore } from '../../agents/knowledge-store.js';
import { analysedCorpus, analyseKeywords, type AnalysedSentence } from '../../generation/embedded/keywords/index.js';
import { createRetrievalGenerator, type RetrievalGenerator } from '../../generation/embedded/retrieval-generator/index.js';
import type { WordnetPos, WordnetSentence } from '../../datasets/wordnet.js';
import type { ItemRecord, Scope } from '../records.js';
import { knowledgeBaseMemory, type KnowledgeBase } from '../store/index.js';
import { SENTENCE_PREFIX, vocabularyIndexOf, WORD_KIND } from './text-knowledge.js';

export interface ReceiverTextKnowledge {
  /** Code index → the receiver's word; an index missing here is a word it lacks. */
  readonly lexicon: ReadonlyMap<number, string>;
  /** Its background corpus, train sentences in train order, then any other sentences by item id. */
  readonly templates: readonly AnalysedSentence[];
  /** The retrieval generator over those templates (the shared tagger and domain classifier). */
  readonly generator: RetrievalGenerator;
  /** The store as long-term memory, for the generating agent's knowledgeLookup tool. */
  readonly memory: KnowledgeStore;
}

let trainIndex: Map<string, { position: number; sentence: AnalysedSentence }> | null = null;

/** Train sentences by text, with their position: the analyses already made once per process, looked up instead of redone. */
function trainByText(): Map<string, { position: number; sentence: AnalysedSentence }> {
  if (trainIndex) return trainIndex;
  trainIndex = new Map();
  analysedCorpus('train').forEach((sentence, position) => {
    if (!trainIndex!.has(sentence.sentence.text)) trainIndex!.set(sentence.sentence.text, { position, sentence });
  });
  return trainIndex;
}

const POS = new Set<string>(['n', 'v', 'a', 's', 'r']);

/** A sentence the train split does not hold (written by hand or by another version): analysed here, once per call. */
function analyseItem(item: ItemRecord): AnalysedSentence {
  const m = item.metadata ?? {};
  const sentence: WordnetSentence = {
    text: item.text,
    synset: m.synset ?? '',
    pos: (POS.has(m.pos ?? '') ? m.pos : 'n') as WordnetPos,
    lexname: m.lexname ?? 'noun.Tops',
    split: 'train',
  };
  return { sentence, analysis: analyseKeywords(item.text) };
}

/** Reads the receiver's text knowledge from `kb` (records of `scope`, default `common`), in one snapshot. */
export function receiverKnowledgeFrom(kb: KnowledgeBase, options: { readonly scope?: Scope } = {}): ReceiverTextKnowledge {
  const scope = options.scope ?? 'common';
  const { entities, items } = kb.read(() => ({ entities: [...kb.records('entity', { scope })], items: [...kb.records('item', { scope })] }));
  const lexicon = new Map<number, string>();
  for (const e of entities) {
    const index = e.kind === WORD_KIND ? vocabularyIndexOf(e.id) : undefined;
    if (index !== undefined) lexicon.set(index, e.label);
  }
  const known = trainByText();
  const fromTrain: { position: number; sentence: AnalysedSentence }[] = [];
  const others: AnalysedSentence[] = [];
  // Items come in id order; the unknown ones keep it.
  for (const item of items) {
    if (!item.id.startsWith(SENTENCE_PREFIX)) continue;
    const hit = known.get(item.text);
    if (hit) fromTrain.push(hit);
    else others.push(analyseItem(item));
  }
  fromTrain.sort((a, b) => a.position - b.position);
  const templates = [...fromTrain.map((t) => t.sentence), ...others];
  return { lexicon, templates, generator: createRetrievalGenerator(templates), memory: knowledgeBaseMemory(kb, { scope }) };
}
