// Redirects the Dune SDK's hard-coded https://api.dune.com origin to a Strata
// server by wrapping globalThis.fetch. The SDK looks `fetch` up as a global at
// call time (dist/cjs/api/router.js: `fetch(url + pathParams, requestData)`),
// so replacing globalThis.fetch is enough; the SDK itself stays unmodified.
//
// Only URLs whose origin is exactly https://api.dune.com are rewritten. The
// rest of the URL (path, query string, fragment) is kept byte for byte by
// string replacement (no URL re-serialisation), and method, headers and body
// are passed through untouched. Every other URL, in particular the absolute
// `next_uri` values a Strata server hands out, goes to the original fetch as is.
//
// Round-robin mode (`nodes`, several Strata nodes behind no real load
// balancer): `baseUrl` names a virtual balancer (the nodes' STRATA_PUBLIC_BASE_URL,
// so their next_uri values point at it too), and every request to api.dune.com
// or under `baseUrl` goes to the next node in turn, as a round-robin balancer
// would send it.

const DUNE_ORIGIN = /^https:\/\/api\.dune\.com(?::443)?(?=[/?#]|$)/i;

/**
 * Normalises a base URL such as "http://127.0.0.1:5123" or
 * "http://host:5123/prefix/" to "scheme://host[:port][/prefix]" (no trailing
 * slash). Throws on anything that is not an absolute http(s) URL.
 */
export function normaliseBaseUrl(baseUrl) {
  let parsed;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new Error(`not an absolute URL: ${JSON.stringify(baseUrl)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new Error(`not an http(s) URL: ${JSON.stringify(baseUrl)}`);
  }
  if (parsed.search || parsed.hash) {
    throw new Error(`base URL must not carry a query or fragment: ${JSON.stringify(baseUrl)}`);
  }
  return parsed.origin + parsed.pathname.replace(/\/+$/, '');
}

/**
 * Returns the URL to use instead of `url`, or null when `url` is not an
 * api.dune.com URL and must be left alone.
 */
export function rewriteDuneUrl(url, baseUrl) {
  const text = String(url);
  const match = DUNE_ORIGIN.exec(text);
  if (!match) return null;
  return normaliseBaseUrl(baseUrl) + text.slice(match[0].length);
}

/**
 * The rest of `url` (path, query, fragment) when it lies under the base URL
 * `base` (already normalised), else null. Byte for byte, like rewriteDuneUrl.
 */
export function underBaseUrl(url, base) {
  const text = String(url);
  if (!text.startsWith(base)) return null;
  const rest = text.slice(base.length);
  return rest === '' || /^[/?#]/.test(rest) ? rest : null;
}

/**
 * Returns a function that picks the base URL of each rewritten request: `base`
 * alone, or with `nodes` each node in turn (round robin).
 */
function targets(base, nodes) {
  if (!nodes || nodes.length === 0) return () => base;
  const list = nodes.map(normaliseBaseUrl);
  let next = 0;
  return () => list[next++ % list.length];
}

/**
 * Replaces globalThis.fetch with a wrapper that sends api.dune.com requests to
 * `baseUrl`. Returns a function that restores the previous fetch.
 *
 * `onRequest`, if given, is called with {originalUrl, url, method} for every
 * request that passes through the wrapper (rewritten or not).
 *
 * `nodes`, if given (a list of base URLs), turns on round-robin mode: requests
 * to api.dune.com and to URLs under `baseUrl` (the virtual balancer) go to
 * each node in turn.
 */
export function installDuneRedirect(baseUrl, { onRequest, nodes } = {}) {
  const base = normaliseBaseUrl(baseUrl);
  const next = targets(base, nodes);
  const balanced = nodes && nodes.length > 0;
  const originalFetch = globalThis.fetch;
  if (typeof originalFetch !== 'function') {
    throw new Error('globalThis.fetch is not available (Node 18+ is required)');
  }

  function rewrite(url) {
    const match = DUNE_ORIGIN.exec(String(url));
    const rest = match ? String(url).slice(match[0].length) : balanced ? underBaseUrl(url, base) : null;
    return rest === null ? null : next() + rest;
  }

  async function redirectingFetch(input, init) {
    const isRequest = typeof Request !== 'undefined' && input instanceof Request;
    const originalUrl = isRequest ? input.url : String(input);
    const rewritten = rewrite(originalUrl);
    const method = (init?.method ?? (isRequest ? input.method : 'GET')).toUpperCase();
    onRequest?.({ originalUrl, url: rewritten ?? originalUrl, method });

    if (rewritten === null) {
      return originalFetch(input, init);
    }
    if (!isRequest) {
      // The SDK's case: a string URL plus an init object; reuse init unchanged.
      return originalFetch(rewritten, init);
    }
    // A Request object: rebuild it on the new URL with the same method,
    // headers and body (buffered so no streaming duplex option is needed).
    const hasBody = input.body !== null && input.method !== 'GET' && input.method !== 'HEAD';
    const copy = new Request(rewritten, {
      method: input.method,
      headers: input.headers,
      body: hasBody ? await input.arrayBuffer() : undefined,
      redirect: input.redirect,
      signal: input.signal,
    });
    return originalFetch(copy, init);
  }

  globalThis.fetch = redirectingFetch;
  return function restore() {
    if (globalThis.fetch === redirectingFetch) {
      globalThis.fetch = originalFetch;
    }
  };
}
