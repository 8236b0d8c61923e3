/** Plain-text tables for terminal output. */

export interface ErrorRateRow {
  ebN0Db: number;
  snrDb: number;
  frames: number;
  frameErrors: number;
  ber: number;
  fer: number;
  berCi: readonly [number, number] | number[];
  avgIterations: number;
}

const sci = (x: number): string => (x === 0 ? '0' : x.toExponential(2));

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatPointTable(points: readonly ErrorRateRow[]): string {
  return formatTable(
    ['Eb/N0 dB', 'Es/N0 dB', 'frames', 'frame err', 'BER', 'BER 95% CI', 'FER', 'avg it'],
    points.map((p) => [
      p.ebN0Db.toFixed(2),
      p.snrDb.toFixed(2),
      String(p.frames),
      String(p.frameErrors),
      sci(p.ber),
      `[${sci(p.berCi[0])}, ${sci(p.berCi[1])}]`,
      sci(p.fer),
      p.avgIterations.toFixed(2),
    ]),
  );
}
