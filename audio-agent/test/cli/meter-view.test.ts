import assert from 'node:assert/strict';
import { createAnalysisResult } from '../../src/analysis';
import { renderMeters } from '../../src/cli/meter-view';

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
