export type { Channel, ChannelModel, ChannelOutput, Coherence, Csi } from './types.js';
export { awgn } from './awgn.js';
export { rayleigh, rician, type FadingOptions, type RicianOptions } from './fading.js';
export { erasureChannel, type ErasureChannel } from './erasure.js';
export { parseChannelSpec } from './spec.js';
export {
  dbmToWatts,
  freeSpacePathLossDb,
  losPathLossDb,
  pathLossDb,
  shadowingDb,
  thermalNoiseWatts,
  wattsToDbm,
  type PathLossModel,
  type PathLossOptions,
} from './path-loss.js';
export { blockFadingGain, makeBlockFadingSampler, type BlockFadingSampler } from './block-fading.js';
