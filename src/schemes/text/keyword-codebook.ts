/**
 * The keyword codebook both ends of the semantic text schemes hold: built once
 * per process from what the embedded understanding model extracts from the
 * WordNet train split (every content word, up to the wire format's 15 per
 * sentence, so the shared vocabulary holds every keyword the extractor can
 * send for a training sentence), never from test sentences. It reads the
 * train split's analyses that loading the extractor already made (wink-nlp
 * runs once per sentence per process, not twice).
 */
import { analysedCorpus, loadKeywordExtractor } from '../../generation/embedded/keywords/index.js';
import { buildKeywordCodebook, MAX_CODED_KEYWORDS, type KeywordCodebook } from './keyword-code.js';

let cached: Promise<KeywordCodebook> | null = null;

export function loadKeywordCodebook(): Promise<KeywordCodebook> {
  cached ??= (async () => {
    const extractor = loadKeywordExtractor();
    return buildKeywordCodebook(analysedCorpus('train').map((s) => extractor.understand(s.analysis, { maxKeywords: MAX_CODED_KEYWORDS })));
  })();
  return cached;
}
