import assert from 'node:assert/strict';
import { renderMetrics } from '../../src/health/metrics';

describe('metrics', () => {
  it('renders every health figure in Prometheus text format', () => {
    const text = renderMetrics({
      health: {
        dj_connects: 3,
        dj_disconnects: 1,
        browser_connects: 5,
        browser_disconnects: 2,
        mc_reconnect_count: 4,
        current_djs: 2,
        current_browsers: 3,
        mc_connected: true,
      },
      uptimeS: 12.5,
      framesDropped: 7,
      rejected: { dj: 1, browser: 2, minecraft: 3 },
      minecraftLinks: [{ url: 'ws://a"b:8765', connected: true }],
    });
    for (const line of [
      'audioviz_hub_dj_connects_total 3',
      'audioviz_hub_dj_disconnects_total 1',
      'audioviz_hub_browser_connects_total 5',
      'audioviz_hub_browser_disconnects_total 2',
      'audioviz_hub_mc_reconnects_total 4',
      'audioviz_hub_current_djs 2',
      'audioviz_hub_current_browsers 3',
      'audioviz_hub_mc_connected 1',
      'audioviz_hub_uptime_seconds 12.5',
      'audioviz_hub_dj_frames_dropped_total 7',
      'audioviz_hub_messages_rejected_total{port="minecraft"} 3',
      'audioviz_hub_mc_link_up{url="ws://a\\"b:8765"} 1',
      '# TYPE audioviz_hub_dj_connects_total counter',
    ]) {
      assert.ok(text.split('\n').includes(line), `missing: ${line}`);
    }
    assert.ok(text.endsWith('\n'));
    for (const line of text.trim().split('\n'))
      assert.match(line, /^(# (HELP|TYPE) \w+ .+|\w+(\{[^}]*\})? -?[0-9.e+]+)$/);
  });
});
