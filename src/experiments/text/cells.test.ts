import { describe, expect, it } from 'vitest';
import { caseStudyNames, getCaseStudy } from '../registry.js';
import '../catalog.js';
import { createTextCellRunner } from './cells.js';

describe('text cells', () => {
  it('scores lossless delivery as 1 on every metric and costs raw text exactly 8 bits per character', async () => {
    const runner = await createTextCellRunner({ items: 12, wholeSet: true });
    const raw = await runner.runCell({ index: 0, scheme: 'raw', channel: 'awgn', modulation: '16qam', snrDb: 20 }, 1);
    expect(raw.extra).toMatchObject({ bleu1: 1, bleu4: 1, similarity: 1, exactMatch: 1, erasureRate: 0, bitsPerChar: 8, wholeSetBitsPerChar: 8 });
    expect(raw).toMatchObject({ items: 12, failedItems: 0, psnr: null, ssim: null, semanticAccuracy: null });
    const lost = await runner.runCell({ index: 1, scheme: 'brotli', channel: 'awgn', modulation: '16qam', snrDb: -5 }, 1);
    // Nothing arrives: every metric is 0, the bits were still spent.
    expect(lost.extra).toMatchObject({ bleu1: 0, similarity: 0, exactMatch: 0, erasureRate: 1 });
    expect(lost.payloadBitsPerItem).toBeGreaterThan(100);
    // The whole set as one stream costs less per character than the messages one by one (brotli's header and window).
    const brotli = await runner.runCell({ index: 2, scheme: 'brotli', channel: 'awgn', modulation: '16qam', snrDb: 20 }, 1);
    expect(Number(brotli.extra?.wholeSetBitsPerChar)).toBeLessThan(Number(brotli.extra?.bitsPerChar));
  });

  it('registers text-snr and text-cost with the issue’s grid', () => {
    expect(caseStudyNames()).toEqual(expect.arrayContaining(['text-snr', 'text-cost']));
    const snr = getCaseStudy('text-snr');
    expect([...new Set(snr.cells.map((c) => c.channel))]).toEqual(['awgn', 'rayleigh']);
    expect(Math.min(...snr.cells.map((c) => c.snrDb))).toBe(0);
    expect(Math.max(...snr.cells.map((c) => c.snrDb))).toBe(18);
    expect(getCaseStudy('text-cost').cells.map((c) => c.scheme)).toEqual(['raw', 'gzip', 'brotli', 'shared-model', 'semantic', 'semantic-calibrated']);
  });

  it('passes model specs from the command line into the cells and states them in the conditions', () => {
    const spec = 'openai-compatible:http://localhost:11434/v1#qwen2.5:0.5b';
    const study = getCaseStudy('text-snr', { quick: true, models: { text: spec, embedding: 'embedded:word-vectors' } });
    expect(study.runner.config).toMatchObject({ models: { understanding: spec, generating: spec, similarity: 'embedded:word-vectors' } });
    expect(study.conditions.join(' ')).toContain(spec);
    // Without models the config has none, so rows made with an LLM never resume into an embedded run.
    expect(getCaseStudy('text-snr', { quick: true }).runner.config).not.toHaveProperty('models');
  });
});
