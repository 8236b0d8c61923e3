/**
 * Register sizes of the arithmetic coder (Witten, Neal & Cleary 1987,
 * "Arithmetic coding for data compression", CACM 30(6), Sec. "Implementing
 * arithmetic coding", with CODE_VALUE_BITS = 32).
 *
 * `low` and `high` are 32-bit unsigned integers held in JavaScript numbers
 * (doubles), so the products range × cumulative count are computed exactly as
 * long as they stay below 2^53. With range ≤ 2^32 and a total ≤ 2^20 they stay
 * below 2^52, where Math.floor of the double quotient is the exact integer
 * quotient (for integers a, b with a + b < 2^53 the rounded quotient never
 * crosses an integer), so encoder and decoder compute the same intervals on
 * any IEEE-754 machine.
 */

/** Bits in the `low`/`high` registers. */
export const CODE_BITS = 32;
/** 2^32 − 1, the largest register value. */
export const TOP = 4294967295;
/** 2^30: after renormalisation the range always exceeds this. */
export const QUARTER = 1073741824;
/** 2^31. */
export const HALF = 2147483648;
/** 3 · 2^30. */
export const THREE_QUARTERS = 3221225472;

/**
 * Largest total of a frequency table: 2^20. Every symbol keeps a non-empty
 * interval because the range after renormalisation exceeds 2^30 ≥ total, and
 * the exact-arithmetic bound above holds. The cost of integer truncation is at
 * most log2(1 / (1 − total / (range · freq))) ≤ 2^-10 / ln 2 ≈ 0.0014 bits per
 * symbol at this total, and ≤ 9·10^-5 bits at totals ≤ 2^16.
 */
export const MAX_TOTAL = 1048576;
