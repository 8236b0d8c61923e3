/**
 * Image schemes by name, so that case studies (plain data) can name them:
 * `traditional-deflate`, `traditional-png`, `traditional-jpeg:<q>`,
 * `jscc-k49`, `jscc-k98`, `generative-vae`, `generative-diffusion`,
 * `generative-label-only`.
 */
import { SemcomError } from '../core/errors.js';
import { createGenerativeScheme } from './generative/generative-scheme.js';
import { createJsccScheme } from './jscc/jscc-scheme.js';
import { createTraditionalScheme } from './traditional/traditional-scheme.js';
import type { ImageScheme } from './types.js';

export const IMAGE_SCHEME_NAMES = [
  'traditional-deflate',
  'traditional-png',
  'traditional-jpeg:<quality>',
  'jscc-k49',
  'jscc-k98',
  'generative-vae',
  'generative-diffusion',
  'generative-label-only',
] as const;

export function createImageScheme(name: string): ImageScheme {
  const trad = /^traditional-(deflate|png|jpeg:\d+)$/.exec(name);
  if (trad) return createTraditionalScheme({ codec: trad[1] });
  if (name === 'jscc-k49') return createJsccScheme({ k: 49 });
  if (name === 'jscc-k98') return createJsccScheme({ k: 98 });
  if (name === 'generative-vae') return createGenerativeScheme({ mode: 'vae' });
  if (name === 'generative-diffusion') return createGenerativeScheme({ mode: 'diffusion' });
  if (name === 'generative-label-only') return createGenerativeScheme({ mode: 'label-only' });
  throw new SemcomError('INVALID_ARGUMENT', `unknown image scheme '${name}'; accepted: ${IMAGE_SCHEME_NAMES.join(', ')}`);
}
