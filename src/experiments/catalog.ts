/**
 * The case studies shipped with semcom. Importing this module registers them
 * (each study module calls registerCaseStudy when imported); the CLI imports
 * it so that `semcom experiment list` and `run` see them.
 */
import './image/index.js';
import './text/index.js';
import './knowledge/index.js';
import './network/index.js';
