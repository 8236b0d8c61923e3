/**
 * The provider-facing contract of a vision model: an image in, text or
 * structured attributes out. Seed 003 Sec. IV uses a multimodal LLM
 * (InternVL-1.5) as the understanding agent's model, prompted to extract a
 * fixed list of attributes from each keyframe; seed 002 Sec. IV uses BLIP to
 * turn an image into a text prompt.
 */
import type { JsonResponseFormat } from './text-model.js';

export interface ImageInput {
  /** Row-major 8-bit samples, `channels` per pixel (1 grey, 3 RGB, 4 RGBA). */
  readonly pixels: Uint8Array;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3 | 4;
}

export interface VisionDescribeCall {
  readonly image: ImageInput;
  /** The role prompt (what to extract and in which form). */
  readonly prompt: string;
  readonly maxTokens?: number;
  readonly temperature?: number;
  readonly seed?: number;
  readonly responseFormat?: JsonResponseFormat;
  readonly abortSignal?: AbortSignal;
  readonly timeoutMs?: number;
}

export interface VisionDescribeResult {
  readonly text: string;
}

export interface VisionModel {
  readonly provider: string;
  readonly modelId: string;
  doDescribe(call: VisionDescribeCall): Promise<VisionDescribeResult>;
}
