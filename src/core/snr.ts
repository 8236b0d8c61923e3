/**
 * SNR conventions, in one place (DESIGN.md, Conventions).
 *
 * - `snrDb` is Es/N0 per complex channel use, in dB. Constellations have unit
 *   average energy (Es = 1), so the complex noise variance is N0 = 10^(-snrDb/10),
 *   i.e. N0/2 per real dimension.
 * - `ebN0Db` is the energy per information bit: Es = R · m · Eb for a code of
 *   rate R and m bits per symbol, so Es/N0 [dB] = Eb/N0 [dB] + 10 log10(R · m).
 *
 * Finite SNRs between -50 dB and +100 dB are accepted; anything else is rejected
 * as a mistake (a noise variance of 1e-10 or 1e5 says more about a typo than a link).
 */
import { SemcomError } from './errors.js';

export const SNR_DB_MIN = -50;
export const SNR_DB_MAX = 100;

export function dbToLinear(db: number): number {
  return Math.pow(10, db / 10);
}

export function linearToDb(x: number): number {
  return 10 * Math.log10(x);
}

/** Throws `INVALID_SNR` unless `db` is finite and within [-50, 100] dB. */
export function checkSnrDb(db: number, what = 'SNR'): number {
  if (typeof db !== 'number' || !Number.isFinite(db)) {
    throw new SemcomError('INVALID_SNR', `${what} must be a finite number of dB, got ${String(db)}`);
  }
  if (db < SNR_DB_MIN || db > SNR_DB_MAX) {
    throw new SemcomError('INVALID_SNR', `${what} = ${db} dB is outside [${SNR_DB_MIN}, ${SNR_DB_MAX}] dB`);
  }
  return db;
}

/** Es/N0 [dB] from Eb/N0 [dB] for `bitsPerSymbol` coded bits per channel use and code rate `codeRate`. */
export function ebN0ToSnrDb(ebN0Db: number, bitsPerSymbol: number, codeRate = 1): number {
  checkSnrDb(ebN0Db, 'Eb/N0');
  checkRate(bitsPerSymbol, codeRate);
  return ebN0Db + linearToDb(bitsPerSymbol * codeRate);
}

/** Eb/N0 [dB] from Es/N0 [dB]; inverse of {@link ebN0ToSnrDb}. */
export function snrToEbN0Db(snrDb: number, bitsPerSymbol: number, codeRate = 1): number {
  checkSnrDb(snrDb, 'Es/N0');
  checkRate(bitsPerSymbol, codeRate);
  return snrDb - linearToDb(bitsPerSymbol * codeRate);
}

/** Complex noise variance N0 for unit-energy symbols at Es/N0 = `snrDb`. */
export function noiseVarianceFromSnrDb(snrDb: number, symbolEnergy = 1): number {
  checkSnrDb(snrDb, 'Es/N0');
  return symbolEnergy / dbToLinear(snrDb);
}

function checkRate(bitsPerSymbol: number, codeRate: number): void {
  if (!(bitsPerSymbol > 0) || !Number.isFinite(bitsPerSymbol)) {
    throw new SemcomError('INVALID_ARGUMENT', `bits per symbol must be positive, got ${bitsPerSymbol}`);
  }
  if (!(codeRate > 0 && codeRate <= 1)) {
    throw new SemcomError('INVALID_ARGUMENT', `code rate must be in (0, 1], got ${codeRate}`);
  }
}
