/**
 * The semantic packet: what crosses the link in generative semantic
 * communication (seed 002 Sec. III, seed 004 Sec. IV-A): a class label and a few
 * quantized latent numbers, keyword indices, text or a prompt, instead of the
 * content's bits. The wire format is described in ./README.md; these are the
 * in-memory types that `encodePacket` takes and `decodePacket` returns.
 */

/** The one wire-format version this module writes and reads. */
export const PACKET_VERSION = 1;

/**
 * Transmission scheme that produced the packet (4 bits inline, 0..14; 15..65535
 * through an extension varint). Ids not named here are legal on the wire: the
 * receiver decides whether it can handle them.
 */
export const Scheme = Object.freeze({
  /** Traditional separation: source codec bytes (carried in a `bytes` field). */
  raw: 0,
  /** Learned joint source-channel coding (classical semantic communication). */
  jscc: 1,
  /** Generative semantic communication with a VAE decoder at the receiver. */
  generativeVae: 2,
  /** Generative semantic communication with a diffusion model at the receiver. */
  generativeDiffusion: 3,
  /** Only the class label crosses the link; the receiver generates a prototype. */
  labelOnly: 4,
  /** Text or a prompt for a language model at the receiver. */
  textLlm: 5,
} as const);

/** Largest scheme id the header can carry. */
export const MAX_SCHEME_ID = 0xffff;

/**
 * Kind of content the packet describes (3 bits on the wire, 0..7). Unnamed
 * ids 5..7 are legal on the wire and reserved for future kinds.
 */
export const ContentType = Object.freeze({
  image: 0,
  text: 1,
  video: 2,
  structured: 3,
  audio: 4,
} as const);

/** Largest content-type id the header can carry (3 bits). */
export const MAX_CONTENT_TYPE = 7;

/**
 * Integrity check appended to the packet: CRC-16/CCITT-FALSE (2 bytes, the
 * default for tiny packets) or CRC-32/ISO-HDLC (4 bytes, for long packets
 * where 2^-16 undetected-error probability is too high).
 */
export type PacketCrc = 'crc16' | 'crc32';

/**
 * Range of a uniform quantizer: one of the shared presets ({@link QUANTIZER_RANGES},
 * 1 byte on the wire together with the bit depth) or an explicit pair of float32
 * bounds (8 more bytes).
 */
export type QuantizerRange = { readonly kind: 'preset'; readonly id: number } | { readonly kind: 'explicit'; readonly lo: number; readonly hi: number };

/** A class label (index into the class list both ends share). */
export interface LabelField {
  readonly kind: 'label';
  /** Class id, an integer in 0..2^32−1. */
  readonly classId: number;
}

/** Several class labels (e.g. the objects of a scene), in order. */
export interface LabelsField {
  readonly kind: 'labels';
  /** Class ids, integers in 0..2^32−1. */
  readonly classIds: readonly number[];
}

/**
 * Latent vector quantized with a mid-rise uniform quantizer (see
 * `quantizeUniform`): `codes.length` dimensions of `bits` bits each.
 */
export interface QuantizedLatentField {
  readonly kind: 'quantizedLatent';
  /** Bits per dimension, 1..16. */
  readonly bits: number;
  /** Quantizer cells, each in 0..2^bits−1; at least one dimension. */
  readonly codes: Uint16Array;
  /** The quantizer's range. */
  readonly range: QuantizerRange;
}

/** Keywords as indices into a vocabulary both ends share. */
export interface KeywordsField {
  readonly kind: 'keywords';
  /** Vocabulary indices, integers in 0..2^32−1. */
  readonly indices: readonly number[];
}

/** Text or a prompt, UTF-8 on the wire. */
export interface TextField {
  readonly kind: 'text';
  /** Well-formed Unicode (no lone surrogates). */
  readonly text: string;
}

/** Unquantized float32 values (e.g. a continuous latent, an embedding). */
export interface FloatsField {
  readonly kind: 'floats';
  readonly values: Float32Array;
}

/** Opaque bytes (e.g. the source codec's output in the traditional scheme). */
export interface BytesField {
  readonly kind: 'bytes';
  readonly data: Uint8Array;
}

/**
 * A model-defined code: bit-packed symbols whose layout both ends know from
 * the scheme and its shared model (e.g. the generative scheme's 4-bit class
 * label followed by its latent cells), so no dimension, bit depth or range
 * travels with it. It has no length prefix: it runs to the end of the fields,
 * so it can only be the last field. That is what lets a label and an
 * 8-dimensional latent fit in a 9-byte packet, header and CRC included.
 */
export interface CodeField {
  readonly kind: 'code';
  /** At least one byte. */
  readonly data: Uint8Array;
}

/**
 * A non-critical field of a type this version does not know, kept verbatim so
 * that a relay forwards it unchanged (forward compatibility).
 */
export interface UnknownField {
  readonly kind: 'unknown';
  /** Type id, 1..63, not one of the ids of {@link FIELD_TYPE_IDS}. */
  readonly typeId: number;
  /** The field's value bytes. */
  readonly data: Uint8Array;
}

/** One typed field of a packet. */
export type Field = LabelField | LabelsField | QuantizedLatentField | KeywordsField | TextField | FloatsField | BytesField | CodeField | UnknownField;

/** The kind names of {@link Field}. */
export type FieldKind = Field['kind'];

/** Wire type ids (low 6 bits of the tag byte) of the fields version 1 defines. */
export const FIELD_TYPE_IDS = Object.freeze({
  label: 1,
  labels: 2,
  quantizedLatent: 3,
  keywords: 4,
  text: 5,
  floats: 6,
  bytes: 7,
  code: 8,
} as const satisfies Record<Exclude<FieldKind, 'unknown'>, number>);

/** A semantic packet. */
export interface SemanticPacket {
  /** Wire-format version; must be {@link PACKET_VERSION}. */
  readonly version: number;
  /** Scheme id, 0..65535 ({@link Scheme} names the assigned ones). */
  readonly scheme: number;
  /** Content type, 0..7 ({@link ContentType} names the assigned ones). */
  readonly contentType: number;
  /** Integrity check; `encodePacket` uses 'crc16' when absent, `decodePacket` always sets it. */
  readonly crc?: PacketCrc;
  /** The fields, in wire order. */
  readonly fields: readonly Field[];
}

/** Largest encoded packet, in bytes (1 MiB): bounds what a hostile header can make a receiver allocate. */
export const MAX_PACKET_BYTES = 1 << 20;

/** Largest number of fields in one packet. */
export const MAX_FIELDS = 4096;
