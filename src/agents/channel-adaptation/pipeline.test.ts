/**
 * The chain the channel adaptation sits in (seed 003 Sec. III-D):
 * `createUnderstandingAgent({ embedding })` → `encode` → analog link (AWGN)
 * → `decode` → `createGeneratingAgent({ interpreter })`. The understanding
 * agent hands over the embedding model's vector as it is (norm 2.7 to 5 for
 * the shared word-vectors model); `encode` scales it to unit length, and the
 * interpreter compares the decoded vector with its candidates by cosine.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import { wordnetTexts } from '../../datasets/wordnet.js';
import { createWordVectorEmbeddingModel } from '../../generation/embedded/word-vectors/index.js';
import { awgn } from '../../phy/channel/index.js';
import { createAnalogLink } from '../../phy/link/analog-link.js';
import { createEmbeddedBackbone } from '../embedded-backbone.js';
import { createNearestEntriesInterpreter } from '../embedding-interpreter.js';
import { createGeneratingAgent } from '../generating-agent.js';
import { fakeKeywordExtractor, fakeSentenceGenerator } from '../test-support.js';
import { createUnderstandingAgent } from '../understanding-agent.js';
import { createChannelAdaptation } from './channel-adaptation.js';

describe('understanding agent → channel adaptation → generating agent', () => {
  it('recovers the sent entries among 20 held-out candidates at 10 dB', async () => {
    const backbone = createEmbeddedBackbone({ keywordExtractor: fakeKeywordExtractor(), sentenceGenerator: fakeSentenceGenerator() });
    const tx = createUnderstandingAgent({ backbone, embedding: createWordVectorEmbeddingModel() });
    const sent = [];
    for (const text of wordnetTexts('test').slice(0, 20)) sent.push(await tx.understand({ modality: 'text', text }));
    // The receiver's shared knowledge: the same entries with their embeddings (as the model returns them).
    const rx = createGeneratingAgent({ backbone, interpreter: createNearestEntriesInterpreter(sent.map((r) => ({ entries: r.entries, embedding: r.embedding! }))) });
    const ca = await createChannelAdaptation();
    const link = createAnalogLink({ channel: awgn() });
    const rng = Rng.stream(5, 10);
    let recovered = 0;
    for (const r of sent) {
      expect(Math.hypot(...r.embedding!)).toBeGreaterThan(2);
      const rxSignal = link.transmitComplex(ca.encode(r.embedding!), 10, rng);
      const g = await rx.generate(ca.decode(rxSignal.y, { n0: rxSignal.n0 }), { task: 'text' });
      if (JSON.stringify(g.entries) === JSON.stringify(r.entries)) recovered++;
    }
    // Measured: 20 of 20 (49 of 50 with the first 50 test sentences). Feeding the unscaled
    // vectors to the maps instead recovers 4 of 20, so this fails if the scaling is lost.
    expect(recovered).toBeGreaterThanOrEqual(18);
  });
});
