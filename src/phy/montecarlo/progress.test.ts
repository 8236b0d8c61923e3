import { describe, expect, it } from 'vitest';
import { ProgressBar, progressEnabled, type ProgressState } from './progress.js';

class FakeStream {
  writes: string[] = [];
  constructor(
    readonly isTTY: boolean,
    readonly columns = 200,
  ) {}
  write(s: string): boolean {
    this.writes.push(s);
    return true;
  }
}

const state: ProgressState = {
  point: 2,
  points: 5,
  ebN0Db: 1.5,
  frames: 640,
  frameErrors: 37,
  minFrameErrors: 100,
  totalFrames: 1000,
};

describe('progress bar', () => {
  it('is shown only on a TTY outside CI in auto mode', () => {
    expect(progressEnabled('auto', new FakeStream(true), {})).toBe(true);
    expect(progressEnabled('auto', new FakeStream(true), { CI: 'true' })).toBe(false);
    expect(progressEnabled('auto', new FakeStream(false), {})).toBe(false);
    expect(progressEnabled('tty', new FakeStream(false), { CI: '1' })).toBe(true);
    expect(progressEnabled('none', new FakeStream(true), {})).toBe(false);
  });

  it('draws one line, throttles redraws and clears at the end', () => {
    const s = new FakeStream(true);
    const bar = new ProgressBar(true, s, 60_000);
    bar.update(state);
    bar.update({ ...state, frames: 700 }); // within the interval: not drawn
    expect(s.writes).toHaveLength(1);
    expect(s.writes[0].startsWith('\r\x1b[2Kpoint 2/5 Eb/N0 1.50 dB | frames 640 | frame errors 37/100 | ')).toBe(true);
    expect(s.writes[0]).not.toContain('\n');
    bar.clear();
    expect(s.writes[1]).toBe('\r\x1b[2K');
  });

  it('fits the terminal width and writes nothing when disabled', () => {
    const narrow = new FakeStream(true, 30);
    new ProgressBar(true, narrow).update(state);
    expect(narrow.writes[0].replace('\r\x1b[2K', '').length).toBe(29);
    const off = new FakeStream(true);
    const bar = new ProgressBar(false, off);
    bar.update(state);
    bar.clear();
    expect(off.writes).toEqual([]);
  });
});
