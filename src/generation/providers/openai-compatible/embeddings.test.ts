import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SemcomError } from '../../../core/errors.js';
import { embed } from '../../helpers/embed.js';
import { createOpenAICompatibleEmbeddingModel } from './embeddings.js';
import { embeddingsReply, sendJson, startFakeServer, type FakeServer } from './test-support.js';

let server: FakeServer;
beforeAll(async () => {
  server = await startFakeServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** A deterministic 3-dimensional vector per text: [length, code of first char, 1]. */
function vec(text: string): number[] {
  return [text.length, text.charCodeAt(0), 1];
}

function echo(): void {
  server.handle((req, res) => sendJson(res, 200, embeddingsReply((req.body.input as string[]).map(vec))));
}

async function failure(texts: string[], batchSize?: number): Promise<SemcomError> {
  const model = createOpenAICompatibleEmbeddingModel({ baseURL: server.baseURL, model: 'all-minilm' });
  const err = await embed(model, texts, { batchSize, maxRetries: 0 }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SemcomError);
  return err as SemcomError;
}

describe('openai-compatible embeddings', () => {
  it('posts the texts in batches and returns one Float32Array per text, in order', async () => {
    echo();
    const model = createOpenAICompatibleEmbeddingModel({ baseURL: server.baseURL, model: 'all-minilm' });
    const texts = ['storm', 'at', 'the coast'];
    const out = await embed(model, texts, { batchSize: 2 });
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/embeddings', '/v1/embeddings']);
    expect(server.requests.map((r) => r.body)).toEqual([
      { model: 'all-minilm', input: ['storm', 'at'], encoding_format: 'float' },
      { model: 'all-minilm', input: ['the coast'], encoding_format: 'float' },
    ]);
    expect(out.embeddings.every((v) => v instanceof Float32Array)).toBe(true);
    expect(out.embeddings.map((v) => [...v])).toEqual(texts.map(vec));
    expect(out.dimensions).toBe(3);
    expect(out.batches).toBe(2);
    expect(out.attempts).toBe(2);
  });

  it('puts vectors back in input order by their index', async () => {
    server.handle((req, res) => {
      const input = req.body.input as string[];
      sendJson(res, 200, embeddingsReply([...input].reverse().map(vec), input.map((_, i) => input.length - 1 - i)));
    });
    const model = createOpenAICompatibleEmbeddingModel({ baseURL: server.baseURL, model: 'm' });
    const out = await embed(model, ['a', 'bb', 'ccc']);
    expect(out.embeddings.map((v) => v[0])).toEqual([1, 2, 3]);
  });

  it('rejects duplicate indices', async () => {
    server.handle((_req, res) => sendJson(res, 200, embeddingsReply([vec('a'), vec('b')], [0, 0])));
    const err = await failure(['a', 'b']);
    expect(err.code).toBe('MALFORMED_REPLY');
    expect(err.message).toContain('indices');
  });

  it('rejects a wrong number of vectors', async () => {
    server.handle((_req, res) => sendJson(res, 200, embeddingsReply([vec('a')])));
    const err = await failure(['a', 'b']);
    expect(err.code).toBe('MALFORMED_REPLY');
    expect(err.message).toContain('asked for 2 vectors');
  });

  it('rejects vectors of unequal dimension, within and across batches', async () => {
    server.handle((_req, res) => sendJson(res, 200, embeddingsReply([[1, 2, 3], [1, 2]])));
    const within = await failure(['a', 'b']);
    expect(within.code).toBe('MALFORMED_REPLY');
    expect(within.message).toContain('vector 1 has 2 dimensions, expected 3');
    let n = 0;
    server.handle((_req, res) => sendJson(res, 200, embeddingsReply([n++ === 0 ? [1, 2, 3] : [1, 2, 3, 4]])));
    const across = await failure(['a', 'b'], 1);
    expect(across.message).toContain('vector 1 has 4 dimensions, expected 3');
  });

  it('rejects values that are not finite in float32', async () => {
    server.handle((_req, res) => sendJson(res, 200, '{"data":[{"index":0,"embedding":[0.5,1e39]}]}'));
    const err = await failure(['a']);
    expect(err.code).toBe('MALFORMED_REPLY');
    expect(err.message).toContain('non-finite');
  });

  it('rejects a reply without data', async () => {
    server.handle((_req, res) => sendJson(res, 200, { embeddings: [[1, 2]] }));
    const err = await failure(['a']);
    expect(err.code).toBe('MALFORMED_REPLY');
    expect(err.message).toContain('at data');
  });
});
