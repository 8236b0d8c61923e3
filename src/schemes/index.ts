/** End-to-end schemes: traditional separation, learned JSCC, generative SemCom. */
export type { ImageItem, ImageScheme, LinkConditions, SchemeOutcome, TransmissionCost } from './types.js';
export { createTraditionalScheme, type TraditionalSchemeOptions } from './traditional/traditional-scheme.js';
export { createSourceCodec, type SourceCodec, type SourceCodecName } from './traditional/source-codec.js';
export { createJsccScheme, type JsccSchemeOptions } from './jscc/jscc-scheme.js';
export { createGenerativeScheme, type GenerativeMode, type GenerativeSchemeOptions } from './generative/generative-scheme.js';
export { MCS_TABLE, selectMcs, type Mcs, type LinkAdaptationOptions } from './link-adaptation.js';
export { createImageScheme, IMAGE_SCHEME_NAMES } from './registry.js';
export { mnistMeanImage } from './fallback.js';
export * from './text/index.js';
