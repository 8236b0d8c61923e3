import type { Rng } from '../../core/rng.js';
import type { Channel, ChannelOutput } from './types.js';
import { checkApply } from './validate.js';

/** Additive white Gaussian noise: y = x + n, n ~ CN(0, N0). Writes h = ĥ = 1 when asked. */
export function awgn(): Channel {
  return Object.freeze({
    name: 'awgn',
    fading: false,
    model: Object.freeze({ kind: 'awgn' as const }),
    apply(x: Float64Array, n0: number, rng: Rng, out: ChannelOutput): void {
      checkApply('awgn', x, n0, out);
      const { y, h, hEst } = out;
      const sd = Math.sqrt(n0 / 2);
      rng.addNormal(x, y, sd);
      for (const g of [h, hEst]) {
        if (!g) continue;
        for (let i = 0; i < g.length; i += 2) {
          g[i] = 1;
          g[i + 1] = 0;
        }
      }
    },
    pilotOverhead(): number {
      return 0;
    },
  });
}
