/**
 * Perception encoder (seed 003 Sec. III-D2 a): turns content of a supported
 * modality into what the backbone's model accepts, plain text. "Since most
 * LLMs only accept plain text as input, it is necessary to project all data
 * into a unified feature space as language tokens."
 *
 * - text: Unicode NFC, whitespace runs (newlines included) folded to one
 *   space, trimmed; empty text is rejected, and so is text longer than
 *   `maxChars` code points after normalisation (the limit is in the message).
 *   Characters outside the model's alphabet are escaped as `\u{HEX}`, never
 *   dropped, and a backslash is written `\\`, so the escaping is reversible
 *   ({@link unescapeText}) and two different inputs never perceive the same.
 * - attributes: a flat record of strings, finite numbers and booleans becomes
 *   one canonical line `name: value; name: value`, names in `fieldOrder`
 *   first, the rest sorted; `;`, `:` and `\` inside names and values are
 *   backslash-escaped so the line parses back unambiguously.
 * - image: an injected VisionModel describes it, or an injected classifier
 *   names it; the text then goes through the text path.
 */
import { SemcomError } from '../core/errors.js';
import type { ImageInput, VisionModel } from '../generation/contracts/index.js';
import type { AttributeEntry } from './attributes.js';

/** Content of a supported modality, as given to the understanding agent. */
export type Content =
  | { readonly modality: 'text'; readonly text: string }
  | { readonly modality: 'attributes'; readonly attributes: Readonly<Record<string, string | number | boolean>> }
  | { readonly modality: 'image'; readonly image: ImageInput };

/** What the perception encoder hands the backbone. */
export interface Perceived {
  readonly modality: Content['modality'];
  /** The model-ready text. */
  readonly text: string;
  /** The record's entries in canonical order (attributes modality only). */
  readonly attributes?: readonly AttributeEntry[];
}

/** An image classifier: the image's most likely label (e.g. the embedded MNIST classifier). */
export interface ImageClassifier {
  classify(image: ImageInput, options?: { readonly abortSignal?: AbortSignal }): Promise<{ readonly label: string; readonly confidence?: number }>;
}

export interface PerceptionOptions {
  /** Longest accepted text in code points, after normalisation (default 4000). */
  readonly maxChars?: number;
  /**
   * Characters the model accepts (tested one code point at a time); others are
   * escaped. Default: every character except control and format characters
   * (Unicode Cc, Cf) and unassigned or private-use code points.
   */
  readonly alphabet?: (char: string) => boolean;
  /** Field names placed first, in this order, in the canonical attribute line. */
  readonly fieldOrder?: readonly string[];
  /** Describes images (seed 003 Sec. IV uses a multimodal LLM on keyframes). */
  readonly vision?: { readonly model: VisionModel; readonly prompt?: string; readonly timeoutMs?: number };
  /** Names images; used when no vision model is given. */
  readonly classifier?: { readonly model: ImageClassifier; readonly labelText?: (label: string) => string };
}

export interface PerceptionEncoder {
  readonly maxChars: number;
  perceive(content: Content, options?: { readonly abortSignal?: AbortSignal }): Promise<Perceived>;
}

export const DEFAULT_MAX_CHARS = 4000;

/** Default prompt of the vision model: a short factual description that the understanding agent reads next. */
export const DEFAULT_VISION_PROMPT =
  'Describe this image in one or two plain sentences: the main objects or people, their attributes (colours, clothing, ' +
  'sizes) and what they are doing. State only what is visible.';

const DEFAULT_ALPHABET = (c: string): boolean => !/[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}]/u.test(c);

/** NFC, whitespace folded and trimmed, outside-alphabet characters escaped (see the module doc). */
export function normalizeText(text: string, maxChars: number, alphabet: (c: string) => boolean = DEFAULT_ALPHABET): string {
  if (typeof text !== 'string') throw new SemcomError('INVALID_ARGUMENT', `text content must be a string, got ${typeof text}`);
  // Fold whitespace before escaping, so tabs and newlines become spaces instead of escapes.
  const folded = text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  if (folded === '') throw new SemcomError('INVALID_ARGUMENT', 'text content is empty (after folding whitespace); give at least one visible character');
  const chars = [...folded];
  if (chars.length > maxChars) {
    throw new SemcomError('INVALID_ARGUMENT', `text content has ${chars.length} characters, more than the limit maxChars = ${maxChars}; shorten it or raise maxChars`);
  }
  let out = '';
  for (const c of chars) {
    if (c === '\\') out += '\\\\';
    else if (alphabet(c)) out += c;
    else out += `\\u{${c.codePointAt(0)!.toString(16).toUpperCase()}}`;
  }
  return out;
}

/** Inverse of the escaping of {@link normalizeText}: `\\` → `\`, `\u{HEX}` → the character. */
export function unescapeText(text: string): string {
  return text.replace(/\\(\\|u\{([0-9A-F]{1,6})\})/g, (_, esc: string, hex: string | undefined) => (hex ? String.fromCodePoint(parseInt(hex, 16)) : esc));
}

function escapeField(s: string): string {
  return s.replace(/[\\;:]/g, (c) => `\\${c}`);
}

function checkImage(image: ImageInput): void {
  const ok =
    image !== null &&
    typeof image === 'object' &&
    image.pixels instanceof Uint8Array &&
    Number.isInteger(image.width) &&
    Number.isInteger(image.height) &&
    image.width > 0 &&
    image.height > 0 &&
    (image.channels === 1 || image.channels === 3 || image.channels === 4);
  if (!ok) throw new SemcomError('INVALID_ARGUMENT', 'image content needs pixels (Uint8Array), positive integer width and height, and channels 1, 3 or 4');
  const want = image.width * image.height * image.channels;
  if (image.pixels.length !== want) {
    throw new SemcomError('INVALID_ARGUMENT', `image of ${image.width} × ${image.height} × ${image.channels} needs ${want} pixel bytes, got ${image.pixels.length}`);
  }
}

/** Creates a perception encoder (behaviour in the module doc). */
export function createPerceptionEncoder(options: PerceptionOptions = {}): PerceptionEncoder {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (!Number.isInteger(maxChars) || maxChars < 1) throw new SemcomError('INVALID_ARGUMENT', `maxChars must be an integer ≥ 1, got ${maxChars}`);
  const alphabet = options.alphabet ?? DEFAULT_ALPHABET;
  const order = options.fieldOrder ?? [];

  function text(t: string): string {
    return normalizeText(t, maxChars, alphabet);
  }

  function attributes(record: Readonly<Record<string, unknown>>): Perceived {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw new SemcomError('INVALID_ARGUMENT', 'attribute content must be a flat record of name → string, number or boolean');
    }
    const entries: AttributeEntry[] = [];
    for (const [rawName, raw] of Object.entries(record)) {
      const name = rawName.normalize('NFC').replace(/\s+/gu, ' ').trim().toLowerCase();
      if (name === '') throw new SemcomError('INVALID_ARGUMENT', 'attribute names must be non-empty');
      let value: string;
      if (typeof raw === 'string') value = raw;
      else if (typeof raw === 'boolean') value = String(raw);
      else if (typeof raw === 'number' && Number.isFinite(raw)) value = String(raw);
      else throw new SemcomError('INVALID_ARGUMENT', `attribute "${name}" must be a string, a finite number or a boolean, got ${raw === null ? 'null' : typeof raw}`);
      if (entries.some((e) => e.name === name)) throw new SemcomError('INVALID_ARGUMENT', `attribute "${name}" is given twice (names are compared case-insensitively)`);
      try {
        entries.push({ name, value: normalizeText(value, maxChars, alphabet) });
      } catch (e) {
        throw new SemcomError('INVALID_ARGUMENT', `attribute "${name}": ${(e as Error).message}`, { cause: e });
      }
    }
    if (entries.length === 0) throw new SemcomError('INVALID_ARGUMENT', 'attribute content is empty; give at least one attribute');
    const rank = (n: string): number => {
      const i = order.indexOf(n);
      return i < 0 ? order.length : i;
    };
    entries.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const line = entries.map((e) => `${escapeField(e.name)}: ${escapeField(e.value)}`).join('; ');
    if ([...line].length > maxChars) {
      throw new SemcomError('INVALID_ARGUMENT', `attribute content makes a line of ${[...line].length} characters, more than the limit maxChars = ${maxChars}`);
    }
    return { modality: 'attributes', text: line, attributes: entries };
  }

  async function image(img: ImageInput, abortSignal: AbortSignal | undefined): Promise<Perceived> {
    checkImage(img);
    if (options.vision) {
      const { model, prompt, timeoutMs } = options.vision;
      const r = await model.doDescribe({
        image: img,
        prompt: prompt ?? DEFAULT_VISION_PROMPT,
        ...(abortSignal ? { abortSignal } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      });
      if (typeof r?.text !== 'string') throw new SemcomError('MALFORMED_REPLY', `vision model ${model.provider}:${model.modelId} returned no text`);
      return { modality: 'image', text: text(r.text) };
    }
    if (options.classifier) {
      const { model, labelText } = options.classifier;
      const r = await model.classify(img, abortSignal ? { abortSignal } : {});
      if (typeof r?.label !== 'string') throw new SemcomError('MALFORMED_REPLY', 'image classifier returned no label');
      return { modality: 'image', text: text(labelText ? labelText(r.label) : r.label) };
    }
    throw new SemcomError('UNSUPPORTED', 'image content needs a vision model or an image classifier in the perception options (vision or classifier)');
  }

  return {
    maxChars,
    async perceive(content, o = {}): Promise<Perceived> {
      if (content === null || typeof content !== 'object') throw new SemcomError('INVALID_ARGUMENT', 'content must be an object with a modality');
      switch (content.modality) {
        case 'text':
          return { modality: 'text', text: text(content.text) };
        case 'attributes':
          return attributes(content.attributes);
        case 'image':
          return image(content.image, o.abortSignal);
        default:
          throw new SemcomError('UNSUPPORTED', `modality "${String((content as { modality?: unknown }).modality)}" is not supported; use text, attributes or image`);
      }
    },
  };
}
