/**
 * Network scenarios (issue 6): the resolved {@link Scenario} type, its
 * defaults, parsing and validation of user files (YAML or JSON), and the
 * commented example `semcom network init` writes.
 */
export type * from './types.js';
export { DEFAULT_SCENARIO, DEFAULT_SCHEME, DEFAULT_SERVICE_CLASS, DEFAULT_WORKLOADS, defaultScenario, defaultWorkload, type Workload } from './defaults.js';
export { exampleScenario, FIELD_NOTES } from './example.js';
export { fadingProblem } from './checks.js';
export { loadScenario, parseScenario, resolveScenario, type LoadScenarioOptions, type ParseScenarioOptions } from './parse.js';
export { INVALID_SCENARIO, ScenarioError, type ScenarioProblem } from './problems.js';
export { formatOf, parseScenarioText, readScenarioFile, type ScenarioFormat } from './read.js';
export { serializeScenario } from './serialize.js';
