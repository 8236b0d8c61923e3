/**
 * Task success: the share of items whose meaning arrived intact.
 *
 * Seed 000 Sec. V-1 ("Task-Oriented Systems") judges a semantic link by whether the task
 * at the receiver succeeds, not by its bit error rate; seed 003 Sec. IV-A4 scores
 * its case study by retrieval accuracy, "the proportion of keyframes that
 * contain the target object among all retrieved keyframes". For a classifier
 * at the receiver (the digit class of an MNIST image, a keyword) this is the
 * fraction of items whose predicted label equals the true one.
 *
 * Items are independent trials with a common success probability, so the count
 * of successes is binomial and the exact Clopper–Pearson interval applies
 * (Clopper and Pearson, Biometrika 26, 1934). It is the one the Monte-Carlo
 * engine uses for frame errors, imported from there rather than duplicated
 * (metrics and phy are siblings below schemes; DESIGN.md allows the import).
 */
import { SemcomError } from '../core/errors.js';
import { clopperPearson } from '../phy/montecarlo/confidence.js';

/** Fraction of items right, with its exact binomial confidence interval. */
export interface SemanticAccuracy {
  /** correct / total. */
  readonly accuracy: number;
  /** Items whose prediction equals the truth. */
  readonly correct: number;
  /** Items compared. */
  readonly total: number;
  /** Clopper–Pearson interval [lower, upper] for the success probability at confidence 1 − alpha. */
  readonly interval: readonly [number, number];
  /** The confidence level of `interval`, 1 − alpha (0.95 by default). */
  readonly confidence: number;
}

/**
 * Semantic (task) accuracy: the share of positions where `predicted` equals
 * `truth` (compared with `===`, so NaN never counts as right), with a
 * Clopper–Pearson interval at confidence 1 − `alpha` (default 95 %).
 *
 * @example semanticAccuracy(decodedLabels, trueLabels) // { accuracy: 0.93, interval: [0.91, 0.95], ... }
 * @throws SemcomError `LENGTH_MISMATCH` if the two arrays differ in length;
 *   `INVALID_ARGUMENT` if they are empty or alpha is not in (0, 1).
 */
export function semanticAccuracy<T extends number | string | boolean | bigint>(
  predicted: ArrayLike<T>,
  truth: ArrayLike<T>,
  alpha = 0.05,
): SemanticAccuracy {
  if (predicted == null || truth == null || typeof predicted.length !== 'number' || typeof truth.length !== 'number') {
    throw new SemcomError('INVALID_ARGUMENT', 'semanticAccuracy: predicted and truth must be arrays of labels');
  }
  if (predicted.length !== truth.length) {
    throw new SemcomError(
      'LENGTH_MISMATCH',
      `semanticAccuracy: ${predicted.length} predictions for ${truth.length} true labels; pass one prediction per item`,
    );
  }
  const total = truth.length;
  if (total === 0) throw new SemcomError('INVALID_ARGUMENT', 'semanticAccuracy: no items to score (empty arrays)');
  if (!(alpha > 0 && alpha < 1)) throw new SemcomError('INVALID_ARGUMENT', `semanticAccuracy: alpha must be in (0, 1), got ${alpha}`);
  let correct = 0;
  for (let i = 0; i < total; i++) if (predicted[i] === truth[i]) correct++;
  const [lower, upper] = clopperPearson(correct, total, alpha);
  return { accuracy: correct / total, correct, total, interval: [lower, upper], confidence: 1 - alpha };
}
