/**
 * A one-line progress bar on stderr, redrawn at most 10 times a second and
 * cleared at the end. Only on a TTY and never when env CI is set ('auto'),
 * so logs and pipes stay clean.
 */
import type { ProgressMode } from './types.js';

/** What the bar shows. */
export interface ProgressState {
  /** 1-based position of the current point and the number of points. */
  point: number;
  points: number;
  ebN0Db: number;
  /** Committed frames and frame errors of the current point. */
  frames: number;
  frameErrors: number;
  minFrameErrors: number;
  /** All frames simulated so far (including speculative ones), for the rate. */
  totalFrames: number;
}

/** The subset of a writable TTY stream the bar needs. */
export interface ProgressStream {
  write(s: string): boolean;
  isTTY?: boolean;
  columns?: number;
}

/** Whether `mode` shows a bar on `stream` given the environment. */
export function progressEnabled(mode: ProgressMode, stream: ProgressStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (mode === 'none') return false;
  if (mode === 'tty') return true;
  return stream.isTTY === true && !env.CI;
}

export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;
  private readonly start = Date.now();

  constructor(
    private readonly enabled: boolean,
    private readonly stream: ProgressStream = process.stderr,
    private readonly minIntervalMs = 100,
  ) {}

  /** Redraws if enabled and the last draw is older than the interval. */
  update(s: ProgressState): void {
    this.updateLine((secs) => {
      const rate = s.totalFrames / secs;
      return (
        `point ${s.point}/${s.points} Eb/N0 ${s.ebN0Db.toFixed(2)} dB | frames ${s.frames} | ` +
        `frame errors ${s.frameErrors}/${s.minFrameErrors} | ${rate >= 100 ? Math.round(rate) : rate.toPrecision(3)} frames/s`
      );
    });
  }

  /**
   * Redraws with a line of the caller's own (for runs that are not error-rate
   * sweeps), under the same rules as {@link update}; `line` gets the seconds
   * since the bar was created and is only called when a redraw is due.
   */
  updateLine(line: (elapsedSeconds: number) => string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (this.drawn && now - this.lastDraw < this.minIntervalMs) return;
    this.lastDraw = now;
    let text = line(Math.max(1e-3, (now - this.start) / 1000));
    const cols = this.stream.columns ?? 0;
    if (cols > 1 && text.length > cols - 1) text = text.slice(0, cols - 1);
    // \r returns to column 0, ESC[2K clears the line before drawing.
    this.stream.write(`\r\x1b[2K${text}`);
    this.drawn = true;
  }

  /** Erases the bar (if one was drawn). */
  clear(): void {
    if (this.enabled && this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}
