/**
 * A small, strict flag parser for the `semcom` command.
 *
 * Why not node:util parseArgs alone: its errors are generic ("Unknown option")
 * while a user needs to hear which flag was wrong and what it accepts, on one
 * line, with exit status 2. Every value is validated where it is declared.
 */
import { SemcomError } from '../core/errors.js';

/** A usage error: printed on one line, exit status 2, never a stack trace. */
export class UsageError extends SemcomError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
    this.name = 'UsageError';
  }
}

export interface FlagSpec {
  /** `boolean` flags take no value. */
  type: 'string' | 'boolean';
  /** One line for --help. */
  help: string;
  /** Value shown in --help, e.g. `<N>`. */
  valueName?: string;
  default?: string | boolean;
}

export type FlagSpecs = Record<string, FlagSpec>;
export type ParsedFlags = Record<string, string | boolean | undefined>;

export function parseFlags(argv: readonly string[], specs: FlagSpecs): { flags: ParsedFlags; positionals: string[] } {
  const flags: ParsedFlags = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const spec = specs[name];
    if (!spec) {
      throw new UsageError(`unknown flag --${name}; accepted: ${Object.keys(specs).map((k) => `--${k}`).join(', ')}`);
    }
    if (spec.type === 'boolean') {
      if (eq >= 0) throw new UsageError(`--${name} takes no value`);
      flags[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i++;
    }
    if (value === undefined || (value.startsWith('--') && eq < 0)) {
      throw new UsageError(`--${name} needs a value ${spec.valueName ?? '<value>'}: ${spec.help}`);
    }
    flags[name] = value;
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (flags[name] === undefined && spec.default !== undefined) flags[name] = spec.default;
  }
  return { flags, positionals };
}

export function formatFlagHelp(specs: FlagSpecs): string {
  const rows = Object.entries(specs).map(([name, s]) => {
    const left = `  --${name}${s.type === 'string' ? ` ${s.valueName ?? '<value>'}` : ''}`;
    const def = s.default !== undefined && s.type === 'string' ? ` (default ${String(s.default)})` : '';
    return [left, `${s.help}${def}`] as const;
  });
  const width = Math.max(...rows.map((r) => r[0].length)) + 2;
  return rows.map(([l, r]) => l.padEnd(width) + r).join('\n');
}

/** Parses a number flag; `check` returns an error suffix when the value is out of range. */
export function numberFlag(name: string, raw: string, accepts: string, check?: (x: number) => boolean): number {
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(x) || (check && !check(x))) {
    throw new UsageError(`--${name} got '${raw}'; it accepts ${accepts}`);
  }
  return x;
}

export function intFlag(name: string, raw: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  return numberFlag(name, raw, `an integer from ${min} to ${max}`, (x) => Number.isInteger(x) && x >= min && x <= max);
}

/**
 * Parses a list of numbers: `a,b,c` or a range `a:step:b` (inclusive of b
 * within half a step, so 0:0.5:3 gives 0, 0.5, ..., 3), or a mix joined by commas.
 */
export function numberListFlag(name: string, raw: string): number[] {
  const accepts = "a comma-separated list like '0,1,2' or a range 'start:step:stop' like '0:0.5:4'";
  const out: number[] = [];
  for (const part of raw.split(',')) {
    const p = part.trim();
    if (p.includes(':')) {
      const bits = p.split(':');
      if (bits.length !== 3) throw new UsageError(`--${name} got '${p}'; it accepts ${accepts}`);
      const [a, step, b] = bits.map((s) => numberFlag(name, s, accepts));
      if (!(step > 0) || b < a) throw new UsageError(`--${name} range '${p}' needs step > 0 and stop ≥ start`);
      const count = Math.floor((b - a) / step + 0.5) + 1;
      if (count > 1000) throw new UsageError(`--${name} range '${p}' has ${count} points; at most 1000 are accepted`);
      for (let i = 0; i < count; i++) out.push(Math.round((a + i * step) * 1e9) / 1e9);
    } else {
      out.push(numberFlag(name, p, accepts));
    }
  }
  if (out.length === 0) throw new UsageError(`--${name} is empty; it accepts ${accepts}`);
  return out;
}
