/**
 * Role prompts: what makes one backbone an understanding agent or a
 * generating agent (seed 003 Sec. III-D2: "the two AI agents are delineated
 * by an embedded role prompt"). The role prompt is the `system` message of
 * every call the backbone makes.
 *
 * The structured-attribute prompts are quoted verbatim from seed 003 Sec. IV
 * (case study, video retrieval). The text prompts are this project's own.
 */
import { WORDNET_LEXNAMES } from '../datasets/wordnet.js';
import { MOODS } from './text-understanding.js';

/** The agent a role prompt makes of a backbone. */
export type AgentRole = 'understanding' | 'generating';

/** What is understood and regenerated: free text, or the structured person attributes of seed 003 Sec. IV. */
export type AgentTask = 'text' | 'attributes';

/** Seed 003 Sec. III-D2, the generic transmitter role prompt (the "(domain)" slot left as printed). */
export const SEED003_GENERIC_UNDERSTANDING_PROMPT = 'please act as a (domain) expert, understand the input information and provide an accurate description.';

/** Seed 003 Sec. III-D2, the generic receiver role prompt. */
export const SEED003_GENERIC_GENERATING_PROMPT = 'please generate content based on the input information to meet the task requirement.';

/** Seed 003 Sec. IV, "[Understanding Prompt]" given to InternVL-1.5 at the transmitter (verbatim). */
export const SEED003_UNDERSTANDING_PROMPT =
  'You are a video attribute extraction expert. Your task is to analyze a given video frame and accurately extract the attributes ' +
  'related to a person’s appearance. Please provide the output as a concise list of keywords following this format as output. ' +
  'Ensure the output is a single line and does not span multiple lines: [gender], [shirt color], [shirt length], [pants color], ' +
  '[pants length], [shoe color].';

/** Seed 003 Sec. IV, "[Generating Prompt]" given to Qwen at the receiver (verbatim). */
export const SEED003_GENERATING_PROMPT =
  'You are a semantic expansion assistant. Given an input in the format: [time], [location], [gender], [shirt color], ' +
  '[shirt length], [pants color], [pants length], [shoe color], your task is to expand it into a complete sentence using the ' +
  'following structure: “This is a [gender] person wearing a [shirt color] [shirt length] shirt, [pants color] [pants length] ' +
  'pants, and [shoe color] shoes. [He/She] appeared at [location] at [time].”';

/** Largest number of keywords the text understanding prompt asks for (and the language head keeps). */
export const MAX_TEXT_KEYWORDS = 8;

/**
 * Understanding role prompt of the text task: keywords in order plus the
 * communication goal, as one JSON object. The domain list is the 45 WordNet
 * lexicographer files, the project's domain labels (src/datasets/wordnet.ts).
 */
export const TEXT_UNDERSTANDING_PROMPT =
  'You are the understanding agent at the transmitter of a semantic communication link. The receiver will rewrite the message ' +
  'from what you extract, so extract exactly what it needs to convey the same meaning, and nothing else.\n' +
  `1. keywords: the 1 to ${MAX_TEXT_KEYWORDS} content words or short phrases that carry the meaning (names, nouns, main verbs, ` +
  'key adjectives and numbers), in the order they appear in the text, copied as written. Leave out articles, pronouns, auxiliaries ' +
  'and other function words.\n' +
  `2. goal.mood: what the sentence does, one of ${MOODS.join(', ')}.\n` +
  '3. goal.domain: the topic, as the one WordNet lexicographer file that fits best, from this list: ' +
  `${WORDNET_LEXNAMES.join(', ')}.\n` +
  'Reply with one JSON object and no other text: {"keywords": [string, ...], "goal": {"mood": string, "domain": string}}';

/** Generating role prompt of the text task: one sentence from the keywords and the goal, as one JSON object. */
export const TEXT_GENERATING_PROMPT =
  'You are the generating agent at the receiver of a semantic communication link. You receive the understanding of a message: ' +
  'its keywords, in their original order, and its communication goal (mood and WordNet domain). Write exactly one fluent English ' +
  'sentence that conveys it:\n' +
  '- use every keyword, in the given order, in its given form where grammar allows;\n' +
  '- add only the function words and the few common words needed to join them; do not add facts, names or numbers;\n' +
  '- match the mood: a statement ends with a period, a question with a question mark, a command is in the imperative, an ' +
  'exclamation ends with an exclamation mark;\n' +
  '- stay within the domain.\n' +
  'Reply with one JSON object and no other text: {"sentence": string}';

/** Role prompts of one backbone, per role and task. */
export type RolePrompts = Readonly<Record<AgentRole, Readonly<Record<AgentTask, string>>>>;

/** The default role prompts: this project's for the text task, seed 003 Sec. IV's for the attribute task. */
export const DEFAULT_ROLE_PROMPTS: RolePrompts = Object.freeze({
  understanding: Object.freeze({ text: TEXT_UNDERSTANDING_PROMPT, attributes: SEED003_UNDERSTANDING_PROMPT }),
  generating: Object.freeze({ text: TEXT_GENERATING_PROMPT, attributes: SEED003_GENERATING_PROMPT }),
});
