/**
 * `semcom kb`: knowledge bases (seed 000 Sec. VI-B) on the command line:
 * build, train and evaluate representation models, complete, version,
 * diff, revert, audit, sync, match and query.
 */
import type { Command } from '../../command.js';
import { UsageError } from '../../args.js';
import { buildCommand, extractCommand } from './build-commands.js';
import { completeCommand, evalCommand, similarCommand, trainCommand } from './learning-commands.js';
import { parseSub, subHelp, type KbSubcommand } from './shared.js';
import { auditCommand, deltaCommand, importCommand, checkCommand, diffCommand, matchCommand, neighboursCommand, pathCommand, POSITIONALS, revertCommand, statsCommand, syncCommand, versionCommand } from './store-commands.js';

const subcommands: readonly KbSubcommand[] = [buildCommand, extractCommand, trainCommand, evalCommand, completeCommand, similarCommand, importCommand, statsCommand, checkCommand, versionCommand, diffCommand, revertCommand, auditCommand, syncCommand, deltaCommand, matchCommand, neighboursCommand, pathCommand];
const positionals: Record<string, [number, number]> = { ...POSITIONALS, build: [1, 1], extract: [1, 1], train: [0, 0], eval: [0, 0], complete: [0, 0], similar: [1, 1] };

function help(): string {
  const width = Math.max(...subcommands.map((s) => s.name.length)) + 2;
  return [
    'Usage: semcom kb <subcommand> [flags]',
    '',
    'Knowledge bases: SQLite files holding a knowledge graph, text items and vectors, with an append-only change log.',
    '',
    'Subcommands:',
    ...subcommands.map((s) => `  ${s.name.padEnd(width)}${s.summary.split('. ')[0]!.replace(/\.$/, '')}`),
    '',
    "Run 'semcom kb <subcommand> --help' for its flags.",
  ].join('\n');
}

export const kbCommand: Command = {
  name: 'kb',
  summary: 'knowledge bases: build, train, eval, complete, version, diff, revert, audit, sync, match, query',
  handlesHelp: true,
  help,
  async run(argv) {
    const [name, ...rest] = argv;
    const sub = subcommands.find((s) => s.name === name);
    if (!sub) throw new UsageError(name === undefined ? `semcom kb needs a subcommand: ${subcommands.map((s) => s.name).join(', ')}` : `unknown kb subcommand '${name}'; subcommands: ${subcommands.map((s) => s.name).join(', ')}`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`${subHelp(sub)}\n`);
      return 0;
    }
    const { flags, positionals: p } = parseSub(sub, rest, positionals[sub.name] ?? [0, 0]);
    return sub.run(flags, p);
  },
};
