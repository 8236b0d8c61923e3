/**
 * Writing a resolved scenario back as a file. Parsing what this writes gives
 * the same scenario (parse.test.ts checks the round trip on random scenarios).
 */
import { stringify } from 'yaml';
import type { ScenarioFormat } from './read.js';
import type { Scenario } from './types.js';

/** The scenario as JSON (two-space indent) or YAML text, ending with a newline. */
export function serializeScenario(scenario: Scenario, format: ScenarioFormat = 'yaml'): string {
  if (format === 'json') return `${JSON.stringify(scenario, null, 2)}\n`;
  // lineWidth 0: never fold long strings (a folded name would still parse back, but diffs read worse).
  return stringify(scenario, { lineWidth: 0 });
}
