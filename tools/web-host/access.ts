import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * Who may talk to the web host: a loopback server is still reachable by every local program and
 * by any web page the browser opens (DNS rebinding, cross-site posts). So every request must name
 * our exact host, and carry the random token printed at start-up (query `?token=`, or the header
 * the test browser sends) or the HttpOnly, SameSite=Strict browser-session cookie the host set
 * when the token was shown. Anything else gets 403.
 */
export const TOKEN_HEADER = 'x-tms-host-token';
export const SESSION_COOKIE = 'tms_browser';

export function newSecret(): string {
  return randomBytes(24).toString('hex');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

export function sessionCookie(id: string): string {
  return `${SESSION_COOKIE}=${id}; HttpOnly; SameSite=Strict; Path=/`;
}

export class HostAccess {
  private readonly browsers = new Set<string>();

  constructor(readonly token: string) {}

  /** The Host header names this server exactly (no DNS rebinding through another name). */
  hostAllowed(req: IncomingMessage, port: number): boolean {
    return req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
  }

  /** The browser session of a request: an existing one, a new one when the token is shown, or null (refuse). */
  browserOf(req: IncomingMessage, url: URL): { id: string; isNew: boolean } | null {
    const cookie = cookieValue(req, SESSION_COOKIE);
    if (cookie && this.browsers.has(cookie)) return { id: cookie, isNew: false };
    const header = req.headers[TOKEN_HEADER];
    const shown = (typeof header === 'string' ? header : null) ?? url.searchParams.get('token');
    if (shown === null || !sameSecret(shown, this.token)) return null;
    return { id: this.issue(), isNew: true };
  }

  /** A new browser session (also for the host's own print browser). */
  issue(): string {
    const id = newSecret();
    this.browsers.add(id);
    return id;
  }

  revoke(id: string): void {
    this.browsers.delete(id);
  }
}
