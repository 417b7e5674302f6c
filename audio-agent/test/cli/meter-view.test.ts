import assert from 'node:assert/strict';
import { createAnalysisResult } from '../../src/analysis';
import { MeterView, renderMeters } from '../../src/cli/meter-view';

describe('renderMeters', () => {
  it('draws five band meters, the beat flash, BPM, frames/s, link state and latency', () => {
    const r = createAnalysisResult();
    r.bands.set([1, 0.5, 0, 0.25, 0.75]);
    r.bpm = 128;
    const text = renderMeters(r, { state: 'connected', latencyMs: 12.4, framesPerSecond: 60 }, true);
    const lines = text.split('\n');
    assert.equal(lines.length, 7);
    assert.match(lines[0]!, /^bass {2}█{16}$/);
    assert.match(lines[1]!, /^low {3}█{8}·{8}$/);
    assert.match(lines[5]!, /BEAT.*128\.0 BPM.*60 fps/);
    assert.match(lines[6]!, /connected.*latency 12 ms/);
  });

  it('shows no tempo and no latency before they are known', () => {
    const text = renderMeters(
      createAnalysisResult(),
      { state: 'connecting', latencyMs: null, framesPerSecond: 0 },
      false,
    );
    assert.match(text, /--- BPM/);
    assert.match(text, /latency --/);
    assert.doesNotMatch(text, /BEAT/);
  });
});

describe('MeterView', () => {
  it('redraws in place and prints log lines above the meters', () => {
    let written = '';
    const view = new MeterView({ write: (s: string) => (written += s) } as unknown as NodeJS.WriteStream);
    view.draw('a\nb');
    view.draw('c\nd');
    view.log('linked');
    view.draw('e\nf');
    assert.equal(
      written,
      'a\x1b[K\nb\x1b[K\n\x1b[2Fc\x1b[K\nd\x1b[K\n\x1b[2F\x1b[Jlinked\ne\x1b[K\nf\x1b[K\n',
    );
  });
});
