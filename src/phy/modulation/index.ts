export { createModulation, pamLevel } from './modulation.js';
export { MODULATION_NAMES, type ModulationName, type Modulation, type DemapMethod, type DemapOptions } from './types.js';
