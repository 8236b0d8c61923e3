/** Links: the digital link (bits in, bits or erasure out), the analog link, and the BER/FER sweep. */
export { createDigitalLink, MAX_PAYLOAD_BITS, type DigitalLink, type DigitalLinkOptions, type DigitalReception } from './digital-link.js';
export { createAnalogLink, type AnalogLink, type AnalogLinkOptions, type AnalogReception, type Equalizer } from './analog-link.js';
export { simulateErrorRate, type ErrorRateOptions, type ErrorRateResult } from './error-rate.js';
export { createBerSimulator, UNCODED_FRAME_BITS, type BerSimulatorConfig } from './ber-simulator.js';
