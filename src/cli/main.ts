/**
 * Entry of the `semcom` command. Each subcommand lives in its own module and
 * exports `{ name, summary, run(argv) }`; errors from bad input are printed on
 * one line and give exit status 2 (DESIGN.md, Conventions).
 */
import { isSemcomError } from '../core/errors.js';
import { berCommand } from './commands/ber.js';
import { codesCommand } from './commands/codes.js';
import { demoCommand } from './commands/demo.js';
import { experimentCommand } from './commands/experiment.js';
import { kbCommand } from './commands/kb/index.js';
import { networkCommand } from './commands/network.js';
import { textCommand } from './commands/text.js';
import type { Command } from './command.js';

export const commands: readonly Command[] = [berCommand, demoCommand, codesCommand, experimentCommand, textCommand, kbCommand, networkCommand];

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'semcom: generative semantic communication toolkit',
    '',
    'Usage: semcom <command> [flags]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    "Run 'semcom <command> --help' for the flags of a command.",
  ].join('\n');
}

/** Runs the CLI; returns the process exit status. Output goes to stdout/stderr. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    process.stdout.write('semcom 0.1.0\n');
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`semcom: unknown command '${name}'; commands: ${commands.map((c) => c.name).join(', ')}\n`);
    return 2;
  }
  try {
    if ((rest.includes('--help') || rest.includes('-h')) && !(command.handlesHelp && rest[0] !== '--help' && rest[0] !== '-h')) {
      process.stdout.write(command.help() + '\n');
      return 0;
    }
    return await command.run(rest);
  } catch (e) {
    if (isSemcomError(e)) {
      process.stderr.write(`semcom ${command.name}: ${e.message}\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`semcom ${command.name}: internal error: ${msg}\n`);
    if (process.env.SEMCOM_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
