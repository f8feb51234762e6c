/**
 * Which pages main trusts, compared by scheme and host, never by `URL.origin`: in Node (and so
 * in Electron's main process) every non-special scheme such as `app:` has the opaque origin
 * "null", so an origin comparison refuses the app's own window.
 */
export interface TrustedPage {
  /** Without the colon: `app`, `http`. */
  scheme: string;
  /** Host with its port when it has one: `renderer`, `localhost:5173`. */
  host: string;
}

/** The app scheme at its host, plus the dev server in development. */
export function trustedPages(appScheme: string, appHost: string, devServerUrl: string | undefined): TrustedPage[] {
  const pages: TrustedPage[] = [{ scheme: appScheme, host: appHost }];
  if (devServerUrl) {
    const dev = new URL(devServerUrl);
    pages.push({ scheme: dev.protocol.slice(0, -1), host: dev.host });
  }
  return pages;
}

export function isTrustedUrl(url: string, pages: readonly TrustedPage[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.username !== '' || parsed.password !== '') return false;
  return pages.some((page) => parsed.protocol === `${page.scheme}:` && parsed.host === page.host);
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** IPC is answered only for our own page's top frame — never an iframe or a foreign page. */
export function isTrustedSender(frame: SenderFrame | null | undefined, pages: readonly TrustedPage[]): boolean {
  if (!frame || frame.parent !== null) return false;
  return isTrustedUrl(frame.url, pages);
}
