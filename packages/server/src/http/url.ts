const UNRESERVED = /^[A-Za-z0-9._~-]$/;

/** Decodes `%XX` escapes of unreserved characters (RFC 3986 §6.2.2.2); others stay escaped. */
function decodeUnreserved(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (escaped, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : escaped.toUpperCase();
  });
}

/** Removes `.` and `..` segments (RFC 3986 §5.2.4); `..` never climbs above the root. */
function removeDotSegments(path: string): string {
  const segments = path.split('/');
  const out: string[] = [];
  for (let i = 1; i < segments.length; i += 1) {
    const segment = segments[i] ?? '';
    if (segment === '.' || segment === '..') {
      if (segment === '..') out.pop();
      if (i === segments.length - 1) out.push('');
    } else {
      out.push(segment);
    }
  }
  return `/${out.join('/')}`;
}

/**
 * The request target in canonical form: escaped unreserved characters decoded, runs of slashes
 * collapsed, dot segments removed; the query is kept as sent. The router matches decoded paths,
 * so `/%761/subjects/me` and `/v1//./subjects/me` would otherwise reach a route under a URL that
 * differs from its path; canonical first, every check, log line and answer sees what the
 * router sees. Targets not starting with `/` (`*`, absolute form) are left alone.
 */
export function canonicalUrl(url: string): string {
  if (!url.startsWith('/')) return url;
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt);
  return removeDotSegments(decodeUnreserved(path).replace(/\/{2,}/g, '/')) + query;
}

/** The path of a request target without its query, which may carry tokens: what logs show. */
export function loggedPath(url: string): string {
  const queryAt = url.search(/[?#]/);
  return queryAt === -1 ? url : `${url.slice(0, queryAt)}?[redacted]`;
}
