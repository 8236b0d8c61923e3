/** The physical (technical) level: bits and symbols over a wireless channel. */
export * from './crc/index.js';
export * from './ldpc/index.js';
export * from './modulation/index.js';
export * from './channel/index.js';
export * from './theory/index.js';
export * from './montecarlo/index.js';
export * from './link/index.js';
