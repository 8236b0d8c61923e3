/**
 * What is wrong with a scenario, collected field by field so a user sees every
 * problem of a file at once instead of fixing them one run at a time.
 */
import { SemcomError, type SemcomErrorCode } from '../../core/errors.js';

/** One problem: the field's path (`services[1].scheme`), what is wrong, and what to do. */
export interface ScenarioProblem {
  readonly path: string;
  /** "<what is wrong>; <what to do>", one line. */
  readonly message: string;
}

/** The path shown for a problem of the whole document. */
export const TOP_LEVEL = '(top level)';

/** Stable code of a scenario that fails validation. */
export const INVALID_SCENARIO: SemcomErrorCode = 'INVALID_SCENARIO';

/**
 * A scenario that failed validation: one line per problem,
 * `<source>: <field path>: <what is wrong>; <what to do>`.
 */
export class ScenarioError extends SemcomError {
  readonly problems: readonly ScenarioProblem[];
  readonly source: string;
  constructor(source: string, problems: readonly ScenarioProblem[]) {
    super(INVALID_SCENARIO, formatProblems(source, problems));
    this.name = 'ScenarioError';
    this.source = source;
    this.problems = problems;
  }
}

export function formatProblems(source: string, problems: readonly ScenarioProblem[]): string {
  return problems.map((p) => `${source}: ${p.path}: ${p.message}`).join('\n');
}

/** Collects problems; remembers which paths failed so cross-field checks skip values that were replaced by defaults. */
export class Problems {
  readonly list: ScenarioProblem[] = [];
  private readonly failed = new Set<string>();

  add(path: string, message: string): void {
    // A newline would break the one-line-per-problem format (a YAML key can hold one).
    this.list.push({ path: oneLine(path), message: oneLine(message) });
    this.failed.add(path);
  }

  /** Whether `path` (or a field under it) has a problem. */
  failedAt(path: string): boolean {
    if (this.failed.has(path)) return true;
    for (const f of this.failed) if (f.startsWith(`${path}.`) || f.startsWith(`${path}[`)) return true;
    return false;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** How a value reads in a message: `"abc"`, `-3`, `null`, `a list`, `a map`. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null (an empty value)';
  if (Array.isArray(v)) return `a list of ${v.length}`;
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…` : v);
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'object') return 'a map of fields';
  return String(v);
}

/** The candidate closest to `word` by edit distance, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
