/**
 * `semcom kb` subcommands over the store itself: statistics and checks,
 * versions (create, list, diff, revert), audits, sync between two files,
 * matching degree, and graph queries.
 */
import { writeFileSync } from 'node:fs';
import { SemcomError } from '../../../core/errors.js';
import { applyDelta, auditKnowledgeBase, createVersion, decodeDelta, deltaSince, encodeDelta, diffVersions, listVersions, type ChangeInput, matchingDegree, neighbourhood, revertTo, shortestPath, syncKnowledge } from '../../../knowledge/store/index.js';
import { intFlag, numberFlag, UsageError } from '../../args.js';
import { dbFlag, jsonFlag, print, readInput, requireDb, withKb, type KbSubcommand } from './shared.js';

const DAY_MS = 86_400_000;

export const statsCommand: KbSubcommand = {
  name: 'stats',
  usage: 'stats --db PATH [--json]',
  summary: 'Counts of entities, relations, triples (asserted and inferred), items, log entries, versions and vectors; the head and state hash.',
  flags: { db: dbFlag, json: jsonFlag },
  async run(f) {
    return withKb(requireDb(f), 'read', (kb) => {
      const out = { ...kb.counts(), head: kb.head() };
      print(out, Boolean(f.json), () => Object.entries({ ...kb.counts(), seq: out.head.seq, hash: out.head.hash }).map(([k, v]) => `${k.padEnd(12)} ${v}`).join('\n'));
      return 0;
    });
  },
};

export const checkCommand: KbSubcommand = {
  name: 'check',
  usage: 'check --db PATH',
  summary: "Checks the file (SQLite's integrity check), the state hash against the records, and the derived tables. Exit status 1 when a problem is found.",
  flags: { db: dbFlag, json: jsonFlag },
  async run(f) {
    return withKb(requireDb(f), 'write', (kb) => {
      const problems = kb.verify();
      print({ ok: problems.length === 0, problems }, Boolean(f.json), () => (problems.length ? problems.join('\n') : 'ok'));
      return problems.length ? 1 : 0;
    });
  },
};

export const versionCommand: KbSubcommand = {
  name: 'version',
  usage: 'version create NAME [--note TEXT] --db PATH | version list --db PATH [--json]',
  summary: 'Names the current state as a version (one row: versions are log positions), or lists the versions.',
  flags: { db: dbFlag, note: { type: 'string', valueName: '<text>', help: 'what this version is' }, json: jsonFlag },
  async run(f, p) {
    const action = p[0];
    if (action === 'create') {
      if (p.length !== 2) throw new UsageError('usage: semcom kb version create NAME --db PATH');
      return withKb(requireDb(f), 'write', (kb) => {
        const v = createVersion(kb, p[1]!, typeof f.note === 'string' ? f.note : '');
        print(v, Boolean(f.json), () => `version ${v.name} at log position ${v.seq}, state ${v.hash.slice(0, 16)}…`);
        return 0;
      });
    }
    if (action === 'list' && p.length === 1) {
      return withKb(requireDb(f), 'read', (kb) => {
        const vs = listVersions(kb);
        print(vs, Boolean(f.json), () => (vs.length ? vs.map((v) => `${v.name.padEnd(20)} seq ${String(v.seq).padStart(8)}  ${new Date(v.at).toISOString()}  ${v.hash.slice(0, 16)}…  ${v.note}`).join('\n') : 'no versions yet'));
        return 0;
      });
    }
    throw new UsageError(`usage: semcom kb ${this.usage}`);
  },
};

export const diffCommand: KbSubcommand = {
  name: 'diff',
  usage: 'diff FROM [TO] --db PATH [--json] [--limit N]',
  summary: "What changed between two versions (names, log positions or 'head'; TO defaults to head): one line per record added (+), removed (-) or changed (~).",
  flags: { db: dbFlag, json: jsonFlag, limit: { type: 'string', valueName: '<N>', help: 'lines to print', default: '200' } },
  async run(f, p) {
    const limit = intFlag('limit', String(f.limit), 1);
    return withKb(requireDb(f), 'read', (kb) => {
      const d = diffVersions(kb, p[0]!, p[1] ?? 'head');
      print({ from: p[0], to: p[1] ?? 'head', changes: d.length, entries: d.slice(0, limit) }, Boolean(f.json), () =>
        [`${d.length} records differ`, ...d.slice(0, limit).map((e) => `${e.before === null ? '+' : e.after === null ? '-' : '~'} ${e.kind} ${e.key}`)].join('\n'),
      );
      return 0;
    });
  },
};

export const revertCommand: KbSubcommand = {
  name: 'revert',
  usage: 'revert VERSION --db PATH',
  summary: 'Makes the store equal to VERSION again, by appending the changes that undo everything after it (the log keeps the history).',
  flags: { db: dbFlag, json: jsonFlag },
  async run(f, p) {
    return withKb(requireDb(f), 'write', (kb) => {
      const r = revertTo(kb, p[0]!);
      print(r, Boolean(f.json), () => `reverted to ${p[0]}: ${r.changed} records changed; state ${r.hash.slice(0, 16)}…`);
      return 0;
    });
  },
};

export const syncCommand: KbSubcommand = {
  name: 'sync',
  usage: 'sync --from SENDER --to RECEIVER [--since VERSION] [--json]',
  summary: "Brings RECEIVER to SENDER's state: the delta since VERSION when RECEIVER holds it, otherwise bucket-hash reconciliation. Prints the bytes each way.",
  flags: { from: { type: 'string', valueName: '<path>', help: 'the sending knowledge base' }, to: { type: 'string', valueName: '<path>', help: 'the receiving knowledge base' }, since: { type: 'string', valueName: '<version>', help: "a version of the sender's that the receiver holds" }, json: jsonFlag },
  async run(f) {
    const from = requireDb(f, 'from');
    const to = requireDb(f, 'to');
    if (from === to) throw new UsageError('--from and --to name the same file');
    return withKb(from, 'read', (sender) =>
      withKb(to, 'write', (receiver) => {
        const r = syncKnowledge(sender, receiver, typeof f.since === 'string' ? { baseVersion: f.since } : {});
        print(r, Boolean(f.json), () => `${r.mode}: ${r.changes} changes, ${r.bytesUp} bytes up, ${r.bytesDown} bytes down; receiver state ${r.result.hash.slice(0, 16)}…`);
        return 0;
      }),
    );
  },
};

export const matchCommand: KbSubcommand = {
  name: 'match',
  usage: 'match A B [--kinds entity,relation,triple,item] [--json]',
  summary: 'Knowledge-matching degree between two knowledge bases: the Jaccard index of their records (a stale record counts on both sides).',
  flags: { kinds: { type: 'string', valueName: '<list>', help: 'record kinds to compare', default: 'entity,relation,triple,item' }, json: jsonFlag },
  async run(f, p) {
    const kinds = String(f.kinds).split(',').map((k) => k.trim());
    for (const k of kinds) if (!['entity', 'relation', 'triple', 'item'].includes(k)) throw new UsageError(`--kinds got '${k}'; it accepts entity, relation, triple, item`);
    return withKb(p[0]!, 'read', (a) =>
      withKb(p[1]!, 'read', (b) => {
        const m = matchingDegree(a, b, { kinds: kinds as ('entity' | 'relation' | 'triple' | 'item')[] });
        print(m, Boolean(f.json), () => `matching degree ${m.degree.toFixed(4)} (shared ${m.shared}, only in A ${m.onlyA}, only in B ${m.onlyB}, stale keys ${m.staleKeys})`);
        return 0;
      }),
    );
  },
};

export const auditCommand: KbSubcommand = {
  name: 'audit',
  usage: 'audit --db PATH [--max-age-days D] [--json]',
  summary: 'Facts older than the freshness bound, and functional relations holding two values for one head.',
  flags: { db: dbFlag, 'max-age-days': { type: 'string', valueName: '<D>', help: 'freshness bound in days', default: '365' }, json: jsonFlag },
  async run(f) {
    const days = numberFlag('max-age-days', String(f['max-age-days']), 'a number of days ≥ 0', (x) => x >= 0);
    return withKb(requireDb(f), 'read', (kb) => {
      const r = auditKnowledgeBase(kb, { maxAgeMs: days * DAY_MS, now: Date.now(), limit: 50 });
      print(r, Boolean(f.json), () =>
        [
          `${r.staleCount} facts older than ${days} days`,
          `${r.contradictions.length} contradictions`,
          ...r.contradictions.map((c) => `  ${c.head} ${c.relation}: ${c.triples.map((t) => t.tail).join(' | ')} (${c.scope})`),
        ].join('\n'),
      );
      return 0;
    });
  },
};

const walkFlags = {
  db: dbFlag,
  depth: { type: 'string', valueName: '<k>', help: 'hops', default: '2' },
  relations: { type: 'string', valueName: '<list>', help: 'only these relations (comma-separated)' },
  directed: { type: 'boolean', help: 'follow head → tail only' },
  inferred: { type: 'boolean', help: 'also follow inferred triples' },
  json: jsonFlag,
} as const;

function walkOptions(f: Record<string, string | boolean | undefined>, depthDefault: string) {
  return {
    maxDepth: intFlag('depth', String(f.depth === '2' ? depthDefault : f.depth), 1, 12),
    directed: Boolean(f.directed),
    includeInferred: Boolean(f.inferred),
    ...(typeof f.relations === 'string' ? { relations: f.relations.split(',').map((s) => s.trim()) } : {}),
  };
}

export const neighboursCommand: KbSubcommand = {
  name: 'neighbours',
  usage: 'neighbours ENTITY --db PATH [--depth k] [--relations a,b] [--directed] [--json]',
  summary: 'Entities within k hops of ENTITY (recursive SQL), nearest first.',
  flags: { ...walkFlags, limit: { type: 'string', valueName: '<N>', help: 'most entities printed', default: '50' } },
  async run(f, p) {
    return withKb(requireDb(f), 'read', (kb) => {
      const n = neighbourhood(kb, p[0]!, { ...walkOptions(f, '2'), limit: intFlag('limit', String(f.limit), 1) });
      print(n, Boolean(f.json), () => n.map((x) => `${x.depth} ${x.id} ${x.label}`).join('\n'));
      return 0;
    });
  },
};

export const pathCommand: KbSubcommand = {
  name: 'path',
  usage: 'path FROM TO --db PATH [--depth k] [--relations a,b] [--directed] [--json]',
  summary: 'A shortest path between two entities (recursive SQL); exit status 1 when there is none within k hops.',
  flags: walkFlags,
  async run(f, p) {
    return withKb(requireDb(f), 'read', (kb) => {
      const steps = shortestPath(kb, p[0]!, p[1]!, walkOptions(f, '6'));
      const label = (id: string): string => kb.entity(id)?.label ?? id;
      print(steps, Boolean(f.json), () => (steps ? steps.map((s) => `${label(s.from)} —${s.relation}${s.reversed ? '⁻¹' : ''}→ ${label(s.to)}`).join('\n') || '(same entity)' : 'no path'));
      return steps ? 0 : 1;
    });
  },
};

/** Subcommands whose positional count is fixed. */
export const POSITIONALS: Record<string, [number, number]> = {
  stats: [0, 0],
  check: [0, 0],
  version: [1, 2],
  diff: [1, 2],
  revert: [1, 1],
  sync: [0, 0],
  match: [2, 2],
  audit: [0, 0],
  neighbours: [1, 1],
  path: [2, 2],
  import: [1, 1],
  delta: [1, 2],
};

export const importCommand: KbSubcommand = {
  name: 'import',
  usage: 'import FILE --db PATH [--author NAME]',
  summary: 'Applies a JSON-lines file of changes ({"kind":"entity|relation|triple|item","put":{...}} or {"kind":...,"delete":"key"}) as one atomic batch; creates the store if it is new.',
  flags: { db: dbFlag, author: { type: 'string', valueName: '<name>', help: 'recorded in the log', default: 'import' }, json: jsonFlag },
  async run(f, p) {
    const file = p[0]!;
    const text = readInput(file).toString('utf8');
    const changes: ChangeInput[] = [];
    text.split('\n').forEach((line, i) => {
      if (line.trim() === '') return;
      try {
        changes.push(JSON.parse(line) as ChangeInput);
      } catch (e) {
        throw new SemcomError('MALFORMED_INPUT', `${file} line ${i + 1} is not JSON (${(e as Error).message}); nothing was imported`);
      }
    });
    return withKb(requireDb(f), 'create', (kb) => {
      let r;
      try {
        r = kb.apply(changes, { author: String(f.author) });
      } catch (e) {
        if (e instanceof SemcomError) throw new SemcomError(e.code, `${file}: ${e.message.replace(/^change (\d+)/, (_, n: string) => `change on line ${Number(n) + 1}`)}; nothing was imported`);
        throw e;
      }
      print(r, Boolean(f.json), () => `${r.applied} changes applied; head ${r.seq}, state ${r.hash.slice(0, 16)}…`);
      return 0;
    });
  },
};

export const deltaCommand: KbSubcommand = {
  name: 'delta',
  usage: 'delta export --since VERSION --db PATH --out FILE | delta apply FILE --db PATH',
  summary: 'Knowledge sync across machines: writes the changes since one of this store\'s versions to a file (brotli-compressed JSON with base and target state hashes and a digest), or applies such a file atomically (refused, with the store unchanged, when the store is not at the base or the file was altered).',
  flags: { db: dbFlag, since: { type: 'string', valueName: '<version>', help: 'export: the version the receiver holds' }, out: { type: 'string', valueName: '<file>', help: 'export: where to write the delta' }, json: jsonFlag },
  async run(f, p) {
    if (p[0] === 'export' && p.length === 1) {
      if (typeof f.since !== 'string') throw new UsageError('delta export needs --since VERSION (a version the receiver holds)');
      if (typeof f.out !== 'string') throw new UsageError('delta export needs --out FILE');
      const out = f.out;
      return withKb(requireDb(f), 'read', (kb) => {
        const d = deltaSince(kb, f.since as string);
        const bytes = encodeDelta(d);
        try {
          writeFileSync(out, bytes);
        } catch (e) {
          throw new SemcomError('IO_ERROR', `cannot write ${out}: ${(e as Error).message}`);
        }
        print({ changes: d.changes.length, bytes: bytes.length, base: d.base, target: d.target }, Boolean(f.json), () => `${d.changes.length} changes since ${String(f.since)} → ${out} (${bytes.length} bytes)`);
        return 0;
      });
    }
    if (p[0] === 'apply' && p.length === 2) {
      const bytes = readInput(p[1]!);
      return withKb(requireDb(f), 'write', (kb) => {
        const r = applyDelta(kb, decodeDelta(bytes));
        print(r, Boolean(f.json), () => `${r.applied} changes applied; state ${r.hash.slice(0, 16)}…`);
        return 0;
      });
    }
    throw new UsageError(`usage: semcom kb ${this.usage}`);
  },
};
