// Progress of a long run (a synthetic seed, an import, a backup) for the command line: a bar redrawn
// in place when the stream is a terminal, otherwise occasional plain lines ("20 000 / 100 000 (20%)")
// that a log file or a CI transcript can keep. Knows nothing of what is counted: the caller gives
// the label, already translated.

export interface ProgressStream {
  write(chunk: string): unknown;
  /** Set by Node on a terminal's stream; anything else gets plain lines. */
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** Plain lines: the first report (the run has begun), each further `step` percent (default 10), the end. */
  step?: number;
  /** Milliseconds since some origin; a terminal's bar is redrawn at most every 100 ms. */
  now?: () => number;
}

/** Reports `done` of `total`; `end()` closes a bar left unfinished (a run that failed midway). */
export type Progress = ((done: number, total: number) => void) & { end(): void };

const BAR_WIDTH = 30;
const REDRAW_MS = 100;

/** 100000 → "100 000": digits grouped by threes with a space, readable in Polish and English alike. */
export function groupDigits(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function progress(stream: ProgressStream, label: string, opts: ProgressOptions = {}): Progress {
  const now = opts.now ?? (() => performance.now());
  const step = opts.step ?? 10;
  const tty = stream.isTTY === true;
  const started = now();
  let lastDraw = -Infinity;
  let shownStep = -1;
  let open = false; // a bar is on the screen without its final newline
  let finished = false;

  const report = (done: number, total: number) => {
    if (finished) return;
    const complete = done >= total;
    const percent = total <= 0 ? 100 : Math.min(100, Math.floor((done / total) * 100));
    const counts = `${groupDigits(done)} / ${groupDigits(total)}`;
    if (tty) {
      const t = now();
      if (!complete && t - lastDraw < REDRAW_MS) return;
      lastDraw = t;
      const filled = Math.round((percent / 100) * BAR_WIDTH);
      const seconds = ((t - started) / 1000).toFixed(1);
      // \x1b[K clears what a longer previous line left to the right
      stream.write(
        `\r${label} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}% ${counts} · ${seconds} s\x1b[K${complete ? '\n' : ''}`,
      );
      open = !complete;
    } else {
      const reached = Math.floor(percent / step);
      if (!complete && reached <= shownStep) return;
      shownStep = reached;
      stream.write(`${label}: ${counts} (${percent}%)\n`);
    }
    if (complete) finished = true;
  };
  return Object.assign(report, {
    end() {
      if (open) stream.write('\n');
      open = false;
      finished = true;
    },
  });
}
