/**
 * The renderer's Content-Security-Policy, sent as a header by the app protocol and by the
 * web host. Styles allow 'unsafe-inline' because the UI kit sets CSS variables at run time;
 * scripts come only from the app's own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
