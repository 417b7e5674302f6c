/**
 * The :8080 HTTP server: the web UI's pages and assets from vj-hub/public/ (`/`, `/preview`, `/dj`), `GET /health`
 * (docs/protocol.md "Keeping a link alive" fields plus `uptime_s`), `GET /metrics` (Prometheus text) and `GET /api/config`
 * (the ports the pages connect to).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Health } from '@audioviz/shared-types';
import type { Logger } from '../logger';
import { METRICS_CONTENT_TYPE, renderMetrics, type MetricsInput } from '../health/metrics';
import { resolveStaticFile } from './static-files';

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  /** Folder of the built web UI. */
  readonly publicDir: string;
  readonly health: () => Health & { uptime_s: number };
  readonly metrics: () => MetricsInput;
  /** What the pages need to reach the hub's sockets. */
  readonly pageConfig: () => { browser_port: number; dj_port: number; auth_required: boolean };
  readonly logger: Logger;
}

/** URLs longer than this are refused before any work (414). */
const MAX_URL_LENGTH = 2048;

export class HttpServer {
  private server: http.Server | null = null;
  private boundPort = 0;

  constructor(private readonly options: HttpServerOptions) {}

  get port(): number {
    return this.boundPort;
  }

  start(): Promise<number> {
    const server = http.createServer((req, res) => {
      try {
        this.handle(req, res);
      } catch (err) {
        // A bug must cost one request, not the hub.
        this.options.logger.error('internal error while answering a request', {
          url: req.url,
          error: String(err),
        });
        if (!res.headersSent) text(res, 500, 'Internal error; it was logged\n');
        else res.destroy();
      }
    });
    server.requestTimeout = 10_000;
    server.headersTimeout = 10_000;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        this.boundPort = (server.address() as AddressInfo).port;
        this.options.logger.info('HTTP server listening', { port: this.boundPort });
        resolve(this.boundPort);
      });
    });
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server === null) return Promise.resolve();
    return new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const rawUrl = req.url ?? '/';
    if (rawUrl.length > MAX_URL_LENGTH) return text(res, 414, 'URL too long\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return text(res, 405, 'Only GET and HEAD are served\n');
    }
    const pathname = rawUrl.split('?', 1)[0]!;
    switch (pathname) {
      case '/health':
        return json(res, this.options.health());
      case '/metrics':
        res.writeHead(200, { 'Content-Type': METRICS_CONTENT_TYPE, 'Cache-Control': 'no-store' });
        return void res.end(req.method === 'HEAD' ? undefined : renderMetrics(this.options.metrics()));
      case '/api/config':
        return json(res, this.options.pageConfig());
      default:
        return this.serveFile(req, res, pathname);
    }
  }

  private serveFile(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): void {
    const found = resolveStaticFile(this.options.publicDir, pathname);
    if (found === null) {
      const hint = pathname === '/' ? 'The web UI is not built yet: run "npm run build".\n' : 'Not found\n';
      return text(res, 404, hint);
    }
    res.writeHead(200, {
      'Content-Type': found.contentType,
      'Content-Length': found.size,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    const stream = fs.createReadStream(found.file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }
}

function json(res: http.ServerResponse, body: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function text(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
}
