/**
 * `describeImage`: text (or JSON, with `responseFormat`) about one image from
 * a {@link VisionModel}, with the retries, deadline and cancellation of
 * {@link CallControl}. Seed 003 Sec. IV: the understanding agent prompts a
 * multimodal LLM for a fixed list of attributes of each keyframe; seed 002
 * Sec. IV turns an image into a text prompt with BLIP.
 */
import type { ImageInput, VisionDescribeCall, VisionDescribeResult, VisionModel } from '../contracts/vision-model.js';
import { guarded, invalid, modelLabel, policyOf, runInfo, timeoutOf, type CallControl, type HelperRun } from './call-control.js';
import { withRetries } from './retry.js';

export type DescribeImageOptions = Omit<VisionDescribeCall, 'timeoutMs' | 'abortSignal'> & CallControl;

export type DescribeImageResult = VisionDescribeResult & HelperRun;

/** Checks the image's geometry against its samples (`INVALID_ARGUMENT`). */
export function checkImage(image: ImageInput, what: string): void {
  if (image === null || typeof image !== 'object' || !(image.pixels instanceof Uint8Array)) {
    throw invalid(what, 'image must be { pixels: Uint8Array, width, height, channels }');
  }
  const { width, height, channels, pixels } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw invalid(what, `image width and height must be positive integers, got ${String(width)}×${String(height)}`);
  }
  if (channels !== 1 && channels !== 3 && channels !== 4) throw invalid(what, `image channels must be 1, 3 or 4, got ${String(channels)}`);
  if (pixels.length !== width * height * channels) {
    throw invalid(what, `image has ${pixels.length} samples, expected ${width}×${height}×${channels} = ${width * height * channels}`);
  }
}

/** Describes `options.image` as `options.prompt` asks; rejects with a `SemcomError`. */
export async function describeImage(model: VisionModel, options: DescribeImageOptions): Promise<DescribeImageResult> {
  const what = `${modelLabel(model)} describeImage`;
  const { maxRetries: _m, retry: _r, timeoutMs: _t, abortSignal, ...call } = options;
  checkImage(call.image, what);
  if (typeof call.prompt !== 'string' || call.prompt.trim() === '') throw invalid(what, 'prompt must be a non-empty string');
  const timeoutMs = timeoutOf(options, what);
  const run = await withRetries(
    () => guarded(() => model.doDescribe({ ...call, abortSignal, timeoutMs }), timeoutMs, abortSignal, what),
    { what, abortSignal, policy: policyOf(options) },
  );
  return { ...run.value, ...runInfo(run) };
}
