/** What the `semcom kb` subcommands share: the --db flag, opening, printing. */
import { readFileSync } from 'node:fs';
import { SemcomError } from '../../../core/errors.js';
import { KnowledgeBase } from '../../../knowledge/store/index.js';
import { formatFlagHelp, parseFlags, UsageError, type FlagSpecs, type ParsedFlags } from '../../args.js';

export interface KbSubcommand {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly flags: FlagSpecs;
  run(flags: ParsedFlags, positionals: string[]): Promise<number>;
}

export const dbFlag = { type: 'string', valueName: '<path>', help: 'the knowledge-base file (SQLite)' } as const;
export const jsonFlag = { type: 'boolean', help: 'print JSON instead of text' } as const;

export function requireDb(flags: ParsedFlags, name = 'db'): string {
  const v = flags[name];
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`--${name} <path> is required: the knowledge-base file`);
  return v;
}

/** How a command opens its store: read-only, for writing an existing file, or for writing a file it may create. */
export type KbAccess = 'read' | 'write' | 'create';

/** Opens the store at `path`, runs `fn` and closes it, whatever `fn` does. */
export async function withKb<T>(path: string, access: KbAccess, fn: (kb: KnowledgeBase) => T | Promise<T>): Promise<T> {
  const kb = KnowledgeBase.open(path, { readonly: access === 'read', create: access === 'create' });
  try {
    return await fn(kb);
  } finally {
    kb.close();
  }
}

/** The bytes of an input file, or an IO_ERROR naming it. */
export function readInput(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new SemcomError('IO_ERROR', `cannot read ${path}: ${(e as Error).message}`);
  }
}

export function print(value: unknown, json: boolean, text: () => string): void {
  process.stdout.write(`${json ? JSON.stringify(value, null, 2) : text()}\n`);
}

export function parseSub(sub: KbSubcommand, argv: readonly string[], positionalCount: [number, number]): { flags: ParsedFlags; positionals: string[] } {
  const parsed = parseFlags(argv, sub.flags);
  const [min, max] = positionalCount;
  if (parsed.positionals.length < min || parsed.positionals.length > max) throw new UsageError(`usage: semcom kb ${sub.usage}`);
  return parsed;
}

export function subHelp(sub: KbSubcommand): string {
  return [`Usage: semcom kb ${sub.usage}`, '', sub.summary, '', 'Flags:', formatFlagHelp(sub.flags)].join('\n');
}
