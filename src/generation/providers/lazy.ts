/**
 * A value computed on first use and shared by later calls. A failure is not
 * kept: the next call tries again, so installing a missing package or
 * copying a missing model file takes effect without a restart.
 */
export function lazy<T>(compute: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | null = null;
  return () => {
    if (pending) return pending;
    const p = compute();
    pending = p;
    p.catch(() => {
      if (pending === p) pending = null;
    });
    return p;
  };
}
