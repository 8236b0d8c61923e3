import { SemcomError } from '../../core/errors.js';
import { parseChannelSpec } from '../channel/spec.js';
import type { Channel, ChannelModel } from '../channel/types.js';
import { MODULATION_NAMES, type Modulation, type ModulationName } from '../modulation/types.js';
import { berSquareQamAwgn, berSquareQamRayleigh, berSquareQamRician } from './ber.js';

const ORDER: Record<ModulationName, number> = { bpsk: 2, qpsk: 4, '16qam': 16, '64qam': 64, '256qam': 256 };

/**
 * Uncoded BER of a modulation over a channel at mean Eb/N0 = `ebN0Db` (Es = m·Eb),
 * coherent detection with perfect CSI; the fading coherence does not matter for
 * uncoded BER. Returns null where no closed form is implemented (pilot-estimated CSI).
 *
 * `channel` is a spec string ("awgn", "rayleigh", "rician:6dB", ...), a Channel or its model.
 */
export function theoreticalBer(
  modulation: ModulationName | Modulation,
  channel: string | Channel | ChannelModel,
  ebN0Db: number,
): number | null {
  const name = typeof modulation === 'string' ? modulation : modulation.name;
  if (!Object.prototype.hasOwnProperty.call(ORDER, name)) {
    throw new SemcomError('UNKNOWN_MODULATION', `unknown modulation "${String(name)}"; accepted: ${MODULATION_NAMES.join(', ')}`);
  }
  const order = ORDER[name];
  const model: ChannelModel =
    typeof channel === 'string' ? parseChannelSpec(channel).model : 'kind' in channel ? channel : channel.model;
  switch (model.kind) {
    case 'awgn':
      return berSquareQamAwgn(order, ebN0Db);
    case 'rayleigh':
      return model.csi === 'perfect' ? berSquareQamRayleigh(order, ebN0Db) : null;
    case 'rician':
      return model.csi === 'perfect' ? berSquareQamRician(order, model.k, ebN0Db) : null;
  }
}
