/** Fixtures for the store's tests: temporary files and a small graph. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChangeInput } from './knowledge-base.js';
import { KnowledgeBase, type KnowledgeBaseOptions } from './knowledge-base.js';

/** A fresh directory under the system temp dir, and a function that removes it. */
export function tempDir(prefix = 'semcom-kb-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A clock that starts at `start` ms and advances `step` ms per call. */
export function steppingClock(start = 1_700_000_000_000, step = 1000): () => number {
  let t = start - step;
  return () => (t += step);
}

export function openTemp(dir: string, name: string, options: KnowledgeBaseOptions = {}): KnowledgeBase {
  return KnowledgeBase.open(join(dir, name), { clock: steppingClock(), ...options });
}

/**
 * A small animal taxonomy:
 *   dog —hypernym→ canine —hypernym→ carnivore —hypernym→ animal
 *   cat —hypernym→ feline —hypernym→ carnivore;  dog —part_meronym... (none)
 *   rex —instance_of→ dog;  rex —lives_in→ paris (functional)
 */
export function smallGraph(): ChangeInput[] {
  const entities = ['dog', 'canine', 'carnivore', 'animal', 'cat', 'feline', 'rex', 'paris', 'london'];
  return [
    ...entities.map((id) => ({ kind: 'entity' as const, put: { id, label: id, kind: 'concept' } })),
    { kind: 'relation', put: { id: 'hypernym', label: 'is a kind of', inverseOf: 'hyponym' } },
    { kind: 'relation', put: { id: 'instance_of', label: 'is an instance of' } },
    { kind: 'relation', put: { id: 'lives_in', label: 'lives in', functional: true } },
    ...[
      ['dog', 'hypernym', 'canine'],
      ['canine', 'hypernym', 'carnivore'],
      ['carnivore', 'hypernym', 'animal'],
      ['cat', 'hypernym', 'feline'],
      ['feline', 'hypernym', 'carnivore'],
      ['rex', 'instance_of', 'dog'],
      ['rex', 'lives_in', 'paris'],
    ].map(([head, relation, tail]) => ({ kind: 'triple' as const, put: { head, relation, tail, source: 'test' } })),
    { kind: 'item', put: { id: 's1', text: 'The dog barked at the cat.' } },
    { kind: 'item', put: { id: 's2', text: 'Carnivores eat meat.' } },
  ];
}
