import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SemcomError } from '../core/errors.js';
import type { ImageInput, VisionModel } from '../generation/contracts/index.js';
import { createPerceptionEncoder, normalizeText, unescapeText } from './perception.js';

const image: ImageInput = { pixels: new Uint8Array(2 * 3 * 3), width: 2, height: 3, channels: 3 };
const ascii = (c: string): boolean => c >= ' ' && c <= '~';

describe('perception encoder: text', () => {
  const p = createPerceptionEncoder({ maxChars: 20 });

  it('normalises to NFC and folds whitespace', async () => {
    const r = await p.perceive({ modality: 'text', text: '  cafe\u0301\n\tis\u00a0 open  ' });
    expect(r).toEqual({ modality: 'text', text: 'café is open' });
    expect(r.text.length).toBe(12);
  });

  it('rejects empty text and text over the limit, naming the limit', async () => {
    await expect(p.perceive({ modality: 'text', text: ' \n ' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/empty/) });
    await expect(p.perceive({ modality: 'text', text: 'x'.repeat(21) })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringMatching(/maxChars = 20/) });
    // The limit counts code points, so 20 astral characters fit.
    await expect(p.perceive({ modality: 'text', text: '😀'.repeat(20) })).resolves.toBeTruthy();
  });

  it('escapes characters outside the alphabet instead of dropping them', () => {
    expect(normalizeText('naïve \\ 😀', 100, ascii)).toBe('na\\u{EF}ve \\\\ \\u{1F600}');
    // Control characters are escaped by the default alphabet.
    expect(normalizeText('a\u0007b', 100)).toBe('a\\u{7}b');
  });

  it('escaping is reversible and only alphabet characters remain outside escapes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (s) => {
        const folded = s.normalize('NFC').replace(/\s+/gu, ' ').trim();
        fc.pre(folded !== '');
        const out = normalizeText(s, 1000, ascii);
        expect(unescapeText(out)).toBe(folded);
        expect([...out.replace(/\\\\|\\u\{[0-9A-F]+\}/g, '')].every(ascii)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('perception encoder: attributes', () => {
  const p = createPerceptionEncoder({ fieldOrder: ['time', 'location'] });

  it('gives one canonical line whatever the key order', async () => {
    const a = await p.perceive({ modality: 'attributes', attributes: { gender: 'male', time: '10:32', 'Shirt  Color': 'white', location: 'gate 3', age: 30 } });
    const b = await p.perceive({ modality: 'attributes', attributes: { age: 30, location: 'gate 3', 'shirt color': 'white', gender: 'male', time: '10:32' } });
    expect(a.text).toBe(b.text);
    expect(a.text).toBe('time: 10\\:32; location: gate 3; age: 30; gender: male; shirt color: white');
    expect(a.attributes?.map((e) => e.name)).toEqual(['time', 'location', 'age', 'gender', 'shirt color']);
  });

  it('escapes separators inside values', async () => {
    const r = await p.perceive({ modality: 'attributes', attributes: { note: 'a;b:c' } });
    expect(r.text).toBe('note: a\\;b\\:c');
  });

  it('rejects empty records, nested values, non-finite numbers and duplicate names', async () => {
    const bad = [{}, { a: { b: 1 } }, { a: Number.NaN }, { a: null }, { A: 'x', a: 'y' }, { a: '  ' }];
    for (const attributes of bad) {
      await expect(p.perceive({ modality: 'attributes', attributes: attributes as never })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    }
  });
});

describe('perception encoder: images', () => {
  it('describes an image with the vision model and normalises the text', async () => {
    const prompts: string[] = [];
    const vision: VisionModel = {
      provider: 'fake',
      modelId: 'vision',
      async doDescribe(call) {
        prompts.push(call.prompt);
        expect(call.image).toBe(image);
        return { text: ' A man\nin a white shirt. ' };
      },
    };
    const p = createPerceptionEncoder({ vision: { model: vision, prompt: 'describe' } });
    expect(await p.perceive({ modality: 'image', image })).toEqual({ modality: 'image', text: 'A man in a white shirt.' });
    expect(prompts).toEqual(['describe']);
  });

  it('names an image with the classifier', async () => {
    const p = createPerceptionEncoder({ classifier: { model: { classify: async () => ({ label: '7' }) }, labelText: (l) => `the digit ${l}` } });
    expect((await p.perceive({ modality: 'image', image })).text).toBe('the digit 7');
  });

  it('needs a vision model or a classifier, and a consistent image', async () => {
    await expect(createPerceptionEncoder().perceive({ modality: 'image', image })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    const p = createPerceptionEncoder({ classifier: { model: { classify: async () => ({ label: 'x' }) } } });
    await expect(p.perceive({ modality: 'image', image: { ...image, width: 5 } })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(p.perceive({ modality: 'audio' } as never)).rejects.toBeInstanceOf(SemcomError);
  });
});
