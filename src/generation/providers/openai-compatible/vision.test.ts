import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageInput } from '../../contracts/vision-model.js';
import { describeImage } from '../../helpers/describe-image.js';
import { resolveVisionModel } from '../../registry.js';
import { encodePng } from './png.js';
import { chatReply, sendJson, startFakeServer, type FakeServer } from './test-support.js';

function image(channels: 1 | 3 | 4, width = 3, height = 2): ImageInput {
  const pixels = new Uint8Array(width * height * channels);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37 + 11) & 255;
  return { pixels, width, height, channels };
}

/** The samples of a decoded PNG (pngjs decodes to RGBA) back in the image's own channel layout. */
function decode(png: Buffer, channels: 1 | 3 | 4): Uint8Array {
  const img = PNG.sync.read(png);
  const out = new Uint8Array(img.width * img.height * channels);
  for (let p = 0; p < img.width * img.height; p++) for (let c = 0; c < channels; c++) out[p * channels + c] = img.data[p * 4 + c];
  return out;
}

describe('PNG encoding', () => {
  it.each([1, 3, 4] as const)('round-trips %i-channel pixels exactly', (channels) => {
    const im = image(channels);
    expect(decode(encodePng(im), channels)).toEqual(im.pixels);
  });
});

describe('openai-compatible vision', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer();
  });
  afterAll(() => server.close());

  it('sends the prompt and the image as a PNG data URL in one user message', async () => {
    server.handle((_req, res) => sendJson(res, 200, chatReply('{"objects":["car"]}')));
    const model = resolveVisionModel(`openai-compatible:${server.baseURL}#llava`, { env: {} });
    const im = image(3);
    const out = await describeImage(model, { image: im, prompt: 'List the objects.', maxTokens: 64 });
    expect(out.text).toBe('{"objects":["car"]}');
    expect(out.attempts).toBe(1);
    const body = server.requests[0].body as { model: string; max_tokens: number; messages: { role: string; content: { type: string; text?: string; image_url?: { url: string } }[] }[] };
    expect(body.model).toBe('llava');
    expect(body.max_tokens).toBe(64);
    expect(body.messages).toHaveLength(1);
    const [text, img] = body.messages[0].content;
    expect(text).toEqual({ type: 'text', text: 'List the objects.' });
    expect(img.type).toBe('image_url');
    const prefix = 'data:image/png;base64,';
    expect(img.image_url?.url.startsWith(prefix)).toBe(true);
    expect(decode(Buffer.from(img.image_url!.url.slice(prefix.length), 'base64'), 3)).toEqual(im.pixels);
  });

  it('rejects an image whose samples do not match its size before sending', async () => {
    const model = resolveVisionModel(`openai-compatible:${server.baseURL}#llava`, { env: {} });
    const before = server.requests.length;
    const bad = { ...image(3), width: 4 };
    await expect(describeImage(model, { image: bad, prompt: 'x' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(server.requests.length).toBe(before);
  });
});
