/** `semcom codes`: the built-in channel codes and their parameters. */
import { listIeee80211nCodes } from '../../phy/ldpc/registry.js';
import { formatFlagHelp, parseFlags, UsageError, type FlagSpecs } from '../args.js';
import type { Command } from '../command.js';
import { formatTable } from '../table.js';

const flags: FlagSpecs = { json: { type: 'boolean', help: 'print JSON instead of a table' } };

export const codesCommand: Command = {
  name: 'codes',
  summary: 'list the built-in LDPC codes (IEEE 802.11n) and their parameters',
  help: () => ['Usage: semcom codes [--json]', '', 'Flags:', formatFlagHelp(flags)].join('\n'),
  async run(argv) {
    const { flags: f, positionals } = parseFlags(argv, flags);
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'; see semcom codes --help`);
    const rows = listIeee80211nCodes().map((c) => ({
      name: c.name,
      n: c.n,
      k: c.k,
      rate: c.k / c.n,
      z: c.qc?.z ?? null,
      edges: c.colIdx.length,
    }));
    if (f.json) process.stdout.write(JSON.stringify(rows) + '\n');
    else {
      process.stdout.write(
        formatTable(
          ['code', 'n', 'k', 'rate', 'Z', 'edges'],
          rows.map((r) => [r.name, String(r.n), String(r.k), r.rate.toFixed(3), String(r.z ?? '-'), String(r.edges)]),
        ) + '\n',
      );
      process.stdout.write("\nAlso: 'uncoded', and any code in alist format as 'alist:<path>'.\n");
    }
    return 0;
  },
};
