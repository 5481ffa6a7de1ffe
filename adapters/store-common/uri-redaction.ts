/**
 * MongoDB URIs may carry a password (mongodb://user:secret@host/); it must never reach a log line, an
 * error message or /readyz. WHATWG URL cannot parse multi-host URIs, so this works on the text, and
 * takes the credentials up to the LAST '@' so that a password with a stray '@' is still hidden whole.
 */
const SCHEME = /^([a-z][a-z0-9+.-]*:\/\/)/i;

function split(uri: string): { scheme: string; userinfo: string | undefined; rest: string } {
  const scheme = SCHEME.exec(uri)?.[1] ?? '';
  const tail = uri.slice(scheme.length);
  const at = tail.lastIndexOf('@');
  return at < 0 ? { scheme, userinfo: undefined, rest: tail } : { scheme, userinfo: tail.slice(0, at), rest: tail.slice(at + 1) };
}

export function redactUri(uri: string): string {
  const { scheme, userinfo, rest } = split(uri);
  if (userinfo === undefined) return uri;
  const user = userinfo.includes(':') ? userinfo.slice(0, userinfo.indexOf(':')) : '';
  return `${scheme}${user ? `${user}:***` : '***'}@${rest}`;
}

/** Just the host list, e.g. "db1:27017,db2:27017", for "cannot reach ..." messages. */
export function uriHosts(uri: string): string {
  return split(uri).rest.split(/[/?#]/)[0] ?? '';
}
