/**
 * The keyword codebook both ends of the semantic text schemes hold: built once
 * per process from what the embedded understanding model extracts from the
 * WordNet train split (every content word, up to the wire format's 15 per
 * sentence, so the shared vocabulary holds every keyword the extractor can
 * send for a training sentence), never from test sentences.
 */
import { wordnetTexts } from '../../datasets/wordnet.js';
import { loadKeywordExtractor } from '../../generation/embedded/keywords/index.js';
import { buildKeywordCodebook, MAX_CODED_KEYWORDS, type KeywordCodebook } from './keyword-code.js';

let cached: Promise<KeywordCodebook> | null = null;

export function loadKeywordCodebook(): Promise<KeywordCodebook> {
  cached ??= (async () => {
    const extractor = await loadKeywordExtractor();
    return buildKeywordCodebook(wordnetTexts('train').map((t) => extractor.extract(t, { maxKeywords: MAX_CODED_KEYWORDS })));
  })();
  return cached;
}
