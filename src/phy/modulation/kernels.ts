/**
 * Hot loops of the demappers and detectors. Square M-QAM (QPSK included) is
 * handled as two independent Gray-labelled √M-PAMs after coherent equalisation:
 *
 *   |y − h·s|² = |h|²·|z − s|² + (terms without s),   z = conj(h)·y / |h|²,
 *
 * so the metric splits into Re and Im parts with effective noise N0/|h|² per
 * complex dimension, and the bits of the real part depend only on Re(z) (and
 * likewise for Im). Per-dimension computations are therefore exact, not an
 * approximation, for both max-log and exact LLRs.
 *
 * PAM labelling (3GPP TS 38.211 §5.1): with s_j = 1 − 2c_j, the k-bit level in
 * units of the minimum half-distance d is A(c_0..c_{k−1}) = s_0·(2^{k−1} − A(c_1..c_{k−1})),
 * A(c) = s for one bit. Folding u → 2^{k−1} − |u| maps the max-log problem of
 * bits c_1.. onto the same problem for a (k−1)-bit PAM, and for the sign bit of a
 * k-bit PAM the max-log distance difference is
 *
 *   D(u) = sign(u)·(1 + q)·(2|u| + 1 − q),   q = min(2^k − 1, 2⌊|u|/2⌋ + 1),
 *
 * (q is the nearest positive level; the nearest level of the other sign is ∓1).
 * That gives true max-log LLRs in O(k) per dimension with no search.
 */

/** LLR of BPSK (real ±1): 4·Re(conj(h)·y)/N0; max-log and exact coincide. */
export function demapBpsk(
  y: Float64Array,
  n0: number,
  out: Float32Array,
  h: Float64Array | undefined,
  n0s: Float64Array | undefined,
): void {
  const S = out.length;
  for (let s = 0; s < S; s++) {
    const yr = y[2 * s];
    const x = h ? h[2 * s] * yr + h[2 * s + 1] * y[2 * s + 1] : yr;
    out[s] = (4 * x) / (n0s ? n0s[s] : n0);
  }
}

export function hardBpsk(y: Float64Array, out: Uint8Array, h: Float64Array | undefined): void {
  const S = out.length;
  if (!h) {
    // The decision is the sign bit of Re(y), read from the high word of the float64
    // (little-endian, as on every platform Node runs on). A `y < 0 ? 1 : 0` compiles
    // to a branch that noise makes unpredictable (data bits are coin flips), which
    // cost half the time of an uncoded BPSK Monte-Carlo frame. Re(y) = −0 decides 1
    // here and 0 in the branch below; it lies on the boundary, where both are right.
    const words = new Int32Array(y.buffer, y.byteOffset, 2 * y.length);
    for (let s = 0; s < S; s++) out[s] = words[4 * s + 1] >>> 31;
    return;
  }
  for (let s = 0; s < S; s++) {
    const yr = y[2 * s];
    const x = h ? h[2 * s] * yr + h[2 * s + 1] * y[2 * s + 1] : yr;
    out[s] = x < 0 ? 1 : 0;
  }
}

/**
 * Max-log LLRs of square QAM with k bits per dimension and level spacing 2d
 * (levels ±d, ±3d, ...). Symbol bit 2j is bit j of the in-phase PAM, bit 2j+1
 * of the quadrature PAM (38.211 interleaving).
 */
export function demapQamMaxLog(
  k: number,
  d: number,
  y: Float64Array,
  n0: number,
  out: Float32Array,
  h: Float64Array | undefined,
  n0s: Float64Array | undefined,
): void {
  const m = 2 * k;
  const S = y.length >> 1;
  const top = 1 << (k - 1);
  const d2 = d * d;
  for (let s = 0; s < S; s++) {
    const yr = y[2 * s];
    const yi = y[2 * s + 1];
    let xr = yr;
    let xi = yi;
    let g = 1;
    if (h) {
      const hr = h[2 * s];
      const hi = h[2 * s + 1];
      g = hr * hr + hi * hi;
      xr = hr * yr + hi * yi;
      xi = hr * yi - hi * yr;
    }
    const base = s * m;
    if (!(g > 0)) {
      for (let b = 0; b < m; b++) out[base + b] = 0;
      continue;
    }
    const scale = (d2 * g) / (n0s ? n0s[s] : n0);
    const inv = 1 / (g * d);
    let uI = xr * inv;
    let uQ = xi * inv;
    let half = top;
    for (let j = 0; j < k; j++) {
      const P = 2 * half - 1;
      const aI = uI < 0 ? -uI : uI;
      const aQ = uQ < 0 ? -uQ : uQ;
      let qI = 2 * Math.floor(aI * 0.5) + 1;
      let qQ = 2 * Math.floor(aQ * 0.5) + 1;
      if (qI > P) qI = P;
      if (qQ > P) qQ = P;
      const dI = scale * (1 + qI) * (2 * aI + 1 - qI);
      const dQ = scale * (1 + qQ) * (2 * aQ + 1 - qQ);
      out[base + 2 * j] = uI < 0 ? -dI : dI;
      out[base + 2 * j + 1] = uQ < 0 ? -dQ : dQ;
      uI = half - aI;
      uQ = half - aQ;
      half >>= 1;
    }
  }
}

/**
 * Max-log LLRs of QPSK (k = 1): the exact LLR 4·d·Re(conj(h)y)/N0 per dimension, d = 1/√2.
 */
export function demapQpsk(
  d: number,
  y: Float64Array,
  n0: number,
  out: Float32Array,
  h: Float64Array | undefined,
  n0s: Float64Array | undefined,
): void {
  const S = y.length >> 1;
  const c0 = (4 * d) / n0;
  for (let s = 0; s < S; s++) {
    const yr = y[2 * s];
    const yi = y[2 * s + 1];
    let xr = yr;
    let xi = yi;
    if (h) {
      const hr = h[2 * s];
      const hi = h[2 * s + 1];
      xr = hr * yr + hi * yi;
      xi = hr * yi - hi * yr;
    }
    const c = n0s ? (4 * d) / n0s[s] : c0;
    out[2 * s] = c * xr;
    out[2 * s + 1] = c * xi;
  }
}

/**
 * Max-log LLRs of 16-QAM, the k = 2 case of {@link demapQamMaxLog} written in
 * units of x = Re(conj(h)y) so that it needs no division: with c = 4d/N0 and
 * t = |h|²·d (the scaled level unit),
 *   sign bit:  c·x            if |x| ≤ 2t,  2c·(x ∓ t) beyond (∓: sign of x),
 *   inner bit: c·(2t − |x|).
 */
export function demap16QamMaxLog(
  d: number,
  y: Float64Array,
  n0: number,
  out: Float32Array,
  h: Float64Array | undefined,
  n0s: Float64Array | undefined,
): void {
  const S = y.length >> 1;
  const c0 = (4 * d) / n0;
  for (let s = 0; s < S; s++) {
    const yr = y[2 * s];
    const yi = y[2 * s + 1];
    let xr = yr;
    let xi = yi;
    let t = d;
    if (h) {
      const hr = h[2 * s];
      const hi = h[2 * s + 1];
      t = (hr * hr + hi * hi) * d;
      xr = hr * yr + hi * yi;
      xi = hr * yi - hi * yr;
    }
    const c = n0s ? (4 * d) / n0s[s] : c0;
    const t2 = 2 * t;
    const b = 4 * s;
    // Branch-free form of the sign bit: c·(2x − clamp(x, −2t, 2t)).
    out[b] = c * (2 * xr - Math.max(-t2, Math.min(t2, xr)));
    out[b + 1] = c * (2 * xi - Math.max(-t2, Math.min(t2, xi)));
    out[b + 2] = c * (t2 - Math.abs(xr));
    out[b + 3] = c * (t2 - Math.abs(xi));
  }
}

/**
 * Exact LLRs of square QAM, per dimension: L = ln Σ_{c_j=0} e^{−μ} − ln Σ_{c_j=1} e^{−μ},
 * μ = |h|²(Re z − a)²/N0, computed as (min₁ − min₀) + ln Σ₀ e^{−(μ−min₀)} − ln Σ₁ e^{−(μ−min₁)}
 * so neither sum underflows. `levels[i]` is the level of per-dimension label i.
 */
export function demapQamExact(
  k: number,
  levels: Float64Array,
  y: Float64Array,
  n0: number,
  out: Float32Array,
  h: Float64Array | undefined,
  n0s: Float64Array | undefined,
  metric: Float64Array,
): void {
  const m = 2 * k;
  const L = 1 << k;
  const S = y.length >> 1;
  for (let s = 0; s < S; s++) {
    const yr = y[2 * s];
    const yi = y[2 * s + 1];
    let xr = yr;
    let xi = yi;
    let g = 1;
    if (h) {
      const hr = h[2 * s];
      const hi = h[2 * s + 1];
      g = hr * hr + hi * hi;
      xr = hr * yr + hi * yi;
      xi = hr * yi - hi * yr;
    }
    const base = s * m;
    if (!(g > 0)) {
      for (let b = 0; b < m; b++) out[base + b] = 0;
      continue;
    }
    const w = g / (n0s ? n0s[s] : n0);
    for (let dim = 0; dim < 2; dim++) {
      const z = (dim === 0 ? xr : xi) / g;
      for (let i = 0; i < L; i++) {
        const e = z - levels[i];
        metric[i] = w * e * e;
      }
      for (let j = 0; j < k; j++) {
        const mask = 1 << (k - 1 - j);
        let min0 = Infinity;
        let min1 = Infinity;
        for (let i = 0; i < L; i++) {
          const v = metric[i];
          if (i & mask) {
            if (v < min1) min1 = v;
          } else if (v < min0) min0 = v;
        }
        let s0 = 0;
        let s1 = 0;
        for (let i = 0; i < L; i++) {
          if (i & mask) s1 += Math.exp(min1 - metric[i]);
          else s0 += Math.exp(min0 - metric[i]);
        }
        out[base + 2 * j + dim] = min1 - min0 + Math.log(s0 / s1);
      }
    }
  }
}

/** Minimum-distance decisions of square QAM by the same folding as the max-log demapper (no division). */
export function hardQam(k: number, d: number, y: Float64Array, out: Uint8Array, h: Float64Array | undefined): void {
  const m = 2 * k;
  const S = y.length >> 1;
  const top = 1 << (k - 1);
  for (let s = 0; s < S; s++) {
    const yr = y[2 * s];
    const yi = y[2 * s + 1];
    let xr = yr;
    let xi = yi;
    let t = d;
    if (h) {
      const hr = h[2 * s];
      const hi = h[2 * s + 1];
      t = (hr * hr + hi * hi) * d;
      xr = hr * yr + hi * yi;
      xi = hr * yi - hi * yr;
    }
    // Thresholds in units of conj(h)·y: level spacing scaled by |h|²·d.
    let half = top;
    const base = s * m;
    for (let j = 0; j < k; j++) {
      out[base + 2 * j] = xr < 0 ? 1 : 0;
      out[base + 2 * j + 1] = xi < 0 ? 1 : 0;
      const th = half * t;
      xr = th - (xr < 0 ? -xr : xr);
      xi = th - (xi < 0 ? -xi : xi);
      half >>= 1;
    }
  }
}
