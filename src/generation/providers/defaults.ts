/** Defaults every provider shares. */

/**
 * Deadline of one provider call that sets no `timeoutMs`, ms. Generous for a
 * small model on a CPU (a 0.5 B model writes a few hundred tokens in it),
 * short enough that a dead server is reported within a minute.
 */
export const DEFAULT_PROVIDER_TIMEOUT_MS = 60_000;
