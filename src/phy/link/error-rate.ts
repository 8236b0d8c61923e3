/**
 * `simulateErrorRate`: the BER/FER sweep of a coded link, the library form of
 * `semcom ber`. It validates the whole configuration in the calling thread
 * (so a bad code name fails at once with a clear message, not inside a worker)
 * and hands the frames to the Monte-Carlo engine.
 */
import { SemcomError } from '../../core/errors.js';
import { siblingModule } from '../../core/threads.js';
import { checkSnrDb, ebN0ToSnrDb, snrToEbN0Db } from '../../core/snr.js';
import { parseChannelSpec } from '../channel/index.js';
import { createDecoder } from '../ldpc/decoders/index.js';
import { resolveCode } from '../ldpc/registry.js';
import { createModulation, type ModulationName } from '../modulation/index.js';
import { runMonteCarlo } from '../montecarlo/engine.js';
import type { MonteCarloResult, SweepPoint } from '../montecarlo/types.js';
import type { BerSimulatorConfig } from './ber-simulator.js';

export interface ErrorRateOptions {
  code: string;
  modulation: ModulationName;
  channel: string;
  /** Sweep in Eb/N0 (dB); give this or `snrDb`. */
  ebN0Db?: number[];
  /** Sweep in Es/N0 per complex channel use (dB). */
  snrDb?: number[];
  decoder?: string;
  demapper?: 'maxlog' | 'exact';
  maxIterations?: number;
  earlyStop?: boolean;
  minFrameErrors?: number;
  maxFrames?: number;
  seed?: number;
  workers?: number;
  progress?: 'auto' | 'tty' | 'none';
  signal?: AbortSignal;
}

export interface ErrorRateResult extends MonteCarloResult {
  config: MonteCarloResult['config'] & { label: string; codeRate: number; bitsPerSymbol: number };
}

export async function simulateErrorRate(options: ErrorRateOptions): Promise<ErrorRateResult> {
  const code = resolveCode(options.code);
  const mod = createModulation(options.modulation);
  parseChannelSpec(options.channel);
  const decoderSpec = options.decoder ?? 'layered-nms';
  if (code) createDecoder(code, decoderSpec);
  const rate = code ? code.k / code.n : 1;
  const m = mod.bitsPerSymbol;
  const hasEb = options.ebN0Db !== undefined;
  if (hasEb === (options.snrDb !== undefined)) {
    throw new SemcomError('INVALID_ARGUMENT', 'give exactly one of ebN0Db or snrDb');
  }
  const list = (hasEb ? options.ebN0Db : options.snrDb) ?? [];
  if (list.length === 0) throw new SemcomError('INVALID_SNR', 'the SNR list is empty');
  const points: SweepPoint[] = list.map((v, index) => {
    checkSnrDb(v, hasEb ? 'Eb/N0' : 'Es/N0');
    const snrDb = hasEb ? ebN0ToSnrDb(v, m, rate) : v;
    return { index, snrDb, ebN0Db: hasEb ? v : snrToEbN0Db(v, m, rate) };
  });
  const config: BerSimulatorConfig = {
    code: options.code,
    modulation: options.modulation,
    channel: options.channel,
    decoder: decoderSpec,
    demapper: options.demapper ?? 'maxlog',
    maxIterations: options.maxIterations ?? 50,
    earlyStop: options.earlyStop ?? true,
  };
  const result = await runMonteCarlo({
    simulator: { module: siblingModule(import.meta.url, 'ber-simulator'), exportName: 'createBerSimulator', config },
    points,
    seed: options.seed ?? 1,
    minFrameErrors: options.minFrameErrors ?? 100,
    maxFrames: options.maxFrames ?? 100_000,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    progress: options.progress ?? 'none',
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const label = `${options.code} ${options.modulation} ${options.channel}${code ? ` ${decoderSpec}` : ''}`;
  return { ...result, config: { ...result.config, ...config, label, codeRate: rate, bitsPerSymbol: m } };
}
