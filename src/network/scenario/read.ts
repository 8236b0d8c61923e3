/**
 * Reading a scenario file into plain data: `.json` as JSON, `.yaml`/`.yml` as
 * YAML 1.2 (package `yaml`), anything else JSON first and YAML if that fails.
 * A missing file, an unreadable one and a syntax error each give one message
 * naming the file (and the line and column of a syntax error).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseDocument } from 'yaml';
import { SemcomError } from '../../core/errors.js';
import { jsonErrorOffset, lineColumn } from './json-position.js';

/** Largest scenario file read, bytes: a trace of a million arrivals fits well below it. */
export const MAX_SCENARIO_BYTES = 64 * 1024 * 1024;

export type ScenarioFormat = 'json' | 'yaml';

/** The format a path's extension names, or undefined (try JSON, then YAML). */
export function formatOf(path: string): ScenarioFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.yaml' || ext === '.yml') return 'yaml';
  return undefined;
}

/** Parses JSON text; a syntax error becomes MALFORMED_INPUT with its line and column. */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const offset = jsonErrorOffset(text);
    const where = offset >= 0 ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineColumn(text, offset)) : '';
    throw new SemcomError('MALFORMED_INPUT', `${source}: JSON syntax error${where}: ${(e as Error).message.split('\n')[0]}; fix the file (or write it as YAML with a .yaml extension)`, { cause: e });
  }
}

/** Parses YAML text; a syntax error (including a repeated key) becomes MALFORMED_INPUT with its line and column. */
export function parseYamlText(text: string, source: string): unknown {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    const where = pos ? ` at line ${pos.line}, column ${pos.col}` : '';
    const what = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new SemcomError('MALFORMED_INPUT', `${source}: YAML syntax error${where}: ${what}; fix the file`, { cause: err });
  }
  // An alias-heavy document ("billion laughs") fails here rather than exhausting memory: yaml caps alias expansion.
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    throw new SemcomError('MALFORMED_INPUT', `${source}: YAML error: ${(e as Error).message}; fix the file`, { cause: e });
  }
}

/** Parses scenario text of a given format, or JSON then YAML when the format is unknown. */
export function parseScenarioText(text: string, source: string, format: ScenarioFormat | undefined): unknown {
  if (format === 'json') return parseJsonText(text, source);
  if (format === 'yaml') return parseYamlText(text, source);
  try {
    return JSON.parse(text);
  } catch {
    return parseYamlText(text, source);
  }
}

/** Reads and parses a scenario file to plain data (not yet validated). */
export async function readScenarioFile(path: string): Promise<unknown> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new SemcomError('IO_ERROR', `scenario ${path} is a directory; give a .yaml or .json file`);
    size = st.size;
  } catch (e) {
    if (e instanceof SemcomError) throw e;
    const err = e as NodeJS.ErrnoException;
    const hint = err.code === 'ENOENT' ? `no such file; check the path, or write an example with \`semcom network init ${path}\`` : `${err.message}; check the path and its permissions`;
    throw new SemcomError('IO_ERROR', `cannot read scenario ${path}: ${hint}`, { cause: e });
  }
  if (size > MAX_SCENARIO_BYTES) {
    throw new SemcomError('MALFORMED_INPUT', `scenario ${path} is ${size} bytes, more than the ${MAX_SCENARIO_BYTES} accepted; split a long trace into several runs`);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new SemcomError('IO_ERROR', `cannot read scenario ${path}: ${(e as Error).message}; check the path and its permissions`, { cause: e });
  }
  if (text.trim() === '') throw new SemcomError('MALFORMED_INPUT', `scenario ${path} is empty; write the fields to change (an empty map {} takes every default), or start from \`semcom network init\``);
  return parseScenarioText(text.replace(/^\uFEFF/, ''), path, formatOf(path));
}
