import { describe, expect, it } from 'vitest';
import { SemcomError } from '../../../core/errors.js';
import { ieee80211nCode } from '../ieee80211n.js';
import { codeFromQcShifts } from '../sparse.js';
import { createDecoder, DEFAULT_DECODER_SPEC } from './spec.js';

describe('createDecoder', () => {
  const code = ieee80211nCode(648, '1/2');

  it('parses every accepted form into the named decoder', () => {
    const cases: [string, string][] = [
      ['layered-minsum', 'layered-minsum'],
      ['layered-nms', 'layered-nms:0.75'],
      ['layered-nms:0.8', 'layered-nms:0.8'],
      ['layered-nms:1', 'layered-nms:1'],
      ['layered-oms', 'layered-oms:0.15'],
      ['layered-oms:0', 'layered-oms:0'],
      ['layered-oms:0.5', 'layered-oms:0.5'],
      ['flooding-spa', 'flooding-spa'],
      [' Layered-NMS:0.625 ', 'layered-nms:0.625'],
      [DEFAULT_DECODER_SPEC, 'layered-nms:0.75'],
    ];
    for (const [spec, name] of cases) {
      const dec = createDecoder(code, spec);
      expect(dec.name).toBe(name);
      expect(dec.code).toBe(code);
    }
  });

  it('the parameter reaches the check rule (one check of degree 3, all inputs 4)', () => {
    // APP = 4 + message, message = 4 (min-sum), 0.5·4 (α = 0.5), 4 − 0.5 (β = 0.5), BP: 2 atanh(tanh(2)²).
    const spc = codeFromQcShifts('spc3:4', 4, 1, 3, [0, 0, 0]);
    const llr = new Float32Array(spc.n).fill(4);
    const out = new Uint8Array(spc.n);
    const cases: [string, number][] = [
      ['layered-minsum', 8],
      ['layered-nms:0.5', 6],
      ['layered-oms:0.5', 7.5],
      ['flooding-spa', 4 + 2 * Math.atanh(Math.tanh(2) ** 2)],
    ];
    for (const [spec, expected] of cases) {
      const post = new Float32Array(spc.n);
      createDecoder(spc, spec).decode(llr, out, { maxIterations: 1, earlyStop: false }, post);
      for (const v of post) expect(v).toBeCloseTo(expected, 5);
    }
  });

  it('rejects anything else with UNKNOWN_DECODER listing the accepted forms', () => {
    for (const spec of ['', 'bp', 'layered', 'layered-nms:0', 'layered-nms:1.2', 'layered-nms:-0.5', 'layered-nms:abc',
      'layered-oms:-1', 'layered-oms:x', 'layered-minsum:0.5', 'flooding-spa:3', 'layered-nms:', 'layered-nms:0.5:1']) {
      let err: unknown;
      try {
        createDecoder(code, spec);
      } catch (e) {
        err = e;
      }
      expect(err, spec).toBeInstanceOf(SemcomError);
      expect((err as SemcomError).code).toBe('UNKNOWN_DECODER');
      expect((err as SemcomError).message).toContain('layered-nms[:alpha]');
      expect((err as SemcomError).message).toContain('flooding-spa');
    }
  });
});
