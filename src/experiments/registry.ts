/**
 * The case studies the CLI (and anyone else) can run by name. A study is
 * registered as a factory, so `--quick` can shrink it (fewer items, fewer
 * SNR points) without a second definition.
 */
import { SemcomError } from '../core/errors.js';
import type { CaseStudy } from './types.js';

/** Options every case-study factory accepts. */
export interface CaseStudyOptions {
  /** A small version of the study that runs in seconds (smoke tests, CI), not for publishing numbers. */
  quick: boolean;
  /**
   * Model specs for studies whose schemes use models (`openai-compatible:…`,
   * `transformers:…`, `llama-cpp:…`, `embedded:…`): `text` for the agents,
   * `embedding` for the similarity measure. Studies without models ignore them.
   */
  models?: { text?: string; embedding?: string };
}

/** Builds a case study. */
export type CaseStudyFactory = (opts: CaseStudyOptions) => CaseStudy;

/** A registered case study, for listings. */
export interface CaseStudyEntry {
  name: string;
  /** The full study's title and description (from calling the factory with quick: false). */
  title: string;
  description: string;
}

const registry = new Map<string, CaseStudyFactory>();

/** Registers a case study under `name`; a name may be registered once (a second time is a mistake: INVALID_ARGUMENT). */
export function registerCaseStudy(name: string, factory: CaseStudyFactory): void {
  if (typeof name !== 'string' || !/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
    throw new SemcomError('INVALID_ARGUMENT', `case study name ${JSON.stringify(name)} must be lower-case letters, digits, '.', '_' or '-' (it names a folder)`);
  }
  if (typeof factory !== 'function') throw new SemcomError('INVALID_ARGUMENT', `case study ${name}: the factory must be a function`);
  if (registry.has(name)) throw new SemcomError('INVALID_ARGUMENT', `case study ${name} is already registered`);
  registry.set(name, factory);
}

/** Removes a registration (for tests); returns whether there was one. */
export function unregisterCaseStudy(name: string): boolean {
  return registry.delete(name);
}

/** Names of the registered studies, sorted. */
export function caseStudyNames(): string[] {
  return [...registry.keys()].sort();
}

/** Builds the study registered as `name`. Unknown name: INVALID_ARGUMENT listing the registered ones. */
export function getCaseStudy(name: string, opts: CaseStudyOptions = { quick: false }): CaseStudy {
  const factory = registry.get(name);
  if (!factory) {
    const names = caseStudyNames();
    throw new SemcomError(
      'INVALID_ARGUMENT',
      `unknown experiment '${name}'; registered: ${names.length ? names.join(', ') : '(none)'}`,
    );
  }
  const study = factory({ quick: opts.quick, ...(opts.models ? { models: opts.models } : {}) });
  if (!study || study.name !== name) {
    throw new SemcomError('INTERNAL', `the factory registered as ${name} built a study named ${JSON.stringify(study?.name)}`);
  }
  return study;
}

/** Every registered study with its title and description, sorted by name. */
export function listCaseStudies(): CaseStudyEntry[] {
  return caseStudyNames().map((name) => {
    const s = getCaseStudy(name);
    return { name, title: s.title, description: s.description };
  });
}
