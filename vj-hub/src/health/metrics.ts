/** `GET /metrics`: the health figures and a few more in Prometheus text exposition format (version 0.0.4). */
import type { Health } from '@audioviz/shared-types';

export interface MetricsInput {
  readonly health: Health;
  readonly uptimeS: number;
  readonly framesDropped: number;
  readonly rejected: { readonly dj: number; readonly browser: number; readonly minecraft: number };
  readonly minecraftLinks: readonly { readonly url: string; readonly connected: boolean }[];
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

export function renderMetrics(m: MetricsInput): string {
  const lines: string[] = [];
  const metric = (name: string, type: 'counter' | 'gauge', help: string, samples: [string, number][]) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    for (const [labels, value] of samples) lines.push(`${name}${labels} ${value}`);
  };
  const h = m.health;
  metric('audioviz_hub_uptime_seconds', 'gauge', 'Seconds since the hub started.', [['', m.uptimeS]]);
  metric('audioviz_hub_dj_connects_total', 'counter', 'DJs that authenticated.', [['', h.dj_connects]]);
  metric('audioviz_hub_dj_disconnects_total', 'counter', 'DJs that left.', [['', h.dj_disconnects]]);
  metric('audioviz_hub_browser_connects_total', 'counter', 'Browser connections opened.', [
    ['', h.browser_connects],
  ]);
  metric('audioviz_hub_browser_disconnects_total', 'counter', 'Browser connections closed.', [
    ['', h.browser_disconnects],
  ]);
  metric('audioviz_hub_mc_reconnects_total', 'counter', 'Minecraft links re-established after a loss.', [
    ['', h.mc_reconnect_count],
  ]);
  metric('audioviz_hub_current_djs', 'gauge', 'DJs connected now.', [['', h.current_djs]]);
  metric('audioviz_hub_current_browsers', 'gauge', 'Browsers connected now.', [['', h.current_browsers]]);
  metric('audioviz_hub_mc_connected', 'gauge', '1 when at least one Minecraft server is linked.', [
    ['', h.mc_connected ? 1 : 0],
  ]);
  metric('audioviz_hub_dj_frames_dropped_total', 'counter', 'DJ frames dropped by the 120/s limit.', [
    ['', m.framesDropped],
  ]);
  metric('audioviz_hub_messages_rejected_total', 'counter', 'Malformed messages refused, by port.', [
    ['{port="dj"}', m.rejected.dj],
    ['{port="browser"}', m.rejected.browser],
    ['{port="minecraft"}', m.rejected.minecraft],
  ]);
  metric(
    'audioviz_hub_mc_link_up',
    'gauge',
    '1 when this Minecraft link is connected.',
    m.minecraftLinks.map((l) => [`{url="${escapeLabel(l.url)}"}`, l.connected ? 1 : 0]),
  );
  return `${lines.join('\n')}\n`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}
