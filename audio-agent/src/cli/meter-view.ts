/** The live terminal view: five band meters, beat flash, BPM, frames/s, link state and latency. */
import type { AnalysisResult } from '../analysis';

const BAND_NAMES = ['bass', 'low', 'mid', 'high', 'air'] as const;
const METER_WIDTH = 16;

/** What the view shows besides the analysis. */
export interface LinkStatus {
  readonly state: string;
  readonly latencyMs: number | null;
  readonly framesPerSecond: number;
}

function meter(level: number): string {
  const filled = Math.round(Math.max(0, Math.min(1, level)) * METER_WIDTH);
  return '█'.repeat(filled) + '·'.repeat(METER_WIDTH - filled);
}

/** Renders one screen (a few lines) for a TTY. */
export function renderMeters(r: AnalysisResult, link: LinkStatus, beatLit: boolean): string {
  const lines = BAND_NAMES.map((name, i) => `${name.padEnd(5)} ${meter(r.bands[i]!)}`);
  const beat = beatLit ? '\x1b[7m BEAT \x1b[0m' : '      ';
  const bpm = r.bpm === null ? '  ---' : r.bpm.toFixed(1).padStart(5);
  const latency = link.latencyMs === null ? '--' : `${Math.round(link.latencyMs)} ms`;
  lines.push(
    `${beat} ${bpm} BPM  conf ${r.tempoConfidence.toFixed(2)}  ${link.framesPerSecond.toFixed(0).padStart(3)} fps`,
  );
  lines.push(`link  ${link.state.padEnd(14)} latency ${latency}`);
  return lines.join('\n');
}

/** Redraws in place on a TTY: moves the cursor up over the previous screen. */
export class MeterView {
  private drawnLines = 0;

  constructor(private readonly out: NodeJS.WriteStream) {}

  /** Prints a line above the meters (they are redrawn below it on the next `draw`). */
  log(line: string): void {
    const up = this.drawnLines > 0 ? `\x1b[${this.drawnLines}F\x1b[J` : '';
    this.out.write(`${up}${line}\n`);
    this.drawnLines = 0;
  }

  draw(text: string): void {
    const up = this.drawnLines > 0 ? `\x1b[${this.drawnLines}F` : '';
    this.out.write(
      up +
        text
          .split('\n')
          .map((l) => `${l}\x1b[K`)
          .join('\n') +
        '\n',
    );
    this.drawnLines = text.split('\n').length;
  }
}
