/** What every benchmark reports the same way: the machine it ran on and the median of its rounds. */
import { arch, cpus, platform, totalmem } from 'node:os';

/** CPU model, core count, memory (GiB, one decimal) and platform. */
export function machineInfo() {
  return { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)), platform: `${platform()}-${arch()}` };
}

/** The median of `xs` (the mean of the two middle values for an even count). */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}
