// Shared set-up for the tests that drive a running Strata server with the
// unmodified Dune TypeScript SDK.
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import assert from 'node:assert/strict';
import { DuneClient, DuneError } from '@duneanalytics/client-sdk';
import { installDuneRedirect, normaliseBaseUrl } from './redirect-fetch.js';

const REQUIRED_ENV = {
  STRATA_BASE_URL: 'base URL of a running Strata server, e.g. http://127.0.0.1:5123',
  STRATA_API_KEY: 'a valid API key of the handle "alice"',
  STRATA_OTHER_API_KEY: 'a valid API key of another handle, "bob"',
};

/** Reads the environment inputs; throws one clear error naming everything that is missing. */
export function readEnv() {
  const missing = Object.keys(REQUIRED_ENV).filter((name) => !process.env[name]);
  if (missing.length > 0) {
    const lines = missing.map((name) => `  ${name}: ${REQUIRED_ENV[name]}`);
    throw new Error(
      `Strata client-compat tests need a running server. Missing environment variable(s):\n${lines.join('\n')}\n` +
        'See tests/client-compat/README.md.',
    );
  }
  if (process.env.STRATA_API_KEY === process.env.STRATA_OTHER_API_KEY) {
    throw new Error('STRATA_API_KEY and STRATA_OTHER_API_KEY must belong to two different handles (alice, bob)');
  }
  let baseUrl;
  try {
    baseUrl = normaliseBaseUrl(process.env.STRATA_BASE_URL);
  } catch (err) {
    throw new Error(`STRATA_BASE_URL is invalid: ${err.message}`);
  }
  // Optional: several nodes behind the virtual balancer STRATA_BASE_URL, sent requests in turn.
  let nodes;
  if (process.env.STRATA_NODE_URLS) {
    try {
      nodes = process.env.STRATA_NODE_URLS.split(',').map((url) => normaliseBaseUrl(url.trim()));
    } catch (err) {
      throw new Error(`STRATA_NODE_URLS is invalid: ${err.message}`);
    }
  }
  return {
    baseUrl,
    nodes,
    apiKey: process.env.STRATA_API_KEY,
    otherApiKey: process.env.STRATA_OTHER_API_KEY,
  };
}

// The SDK logs every failed request through `loglevel` at level "error"
// (router.js _handleResponse). Tests provoke errors on purpose, so silence it
// unless STRATA_SDK_LOG asks for a level (e.g. STRATA_SDK_LOG=debug prints
// every URL the SDK requests). Resolve loglevel from the SDK's own location so
// this is the very instance the SDK uses.
export function configureSdkLogging() {
  const requireFromSdk = createRequire(createRequire(import.meta.url).resolve('@duneanalytics/client-sdk'));
  const log = requireFromSdk('loglevel');
  log.setLevel(process.env.STRATA_SDK_LOG || 'silent');
}

/**
 * Reads the environment, redirects api.dune.com to the server, checks that the
 * server answers at all, and returns clients for alice and bob. Call it from a
 * `before` hook; call `restore` from `after`.
 */
export async function setUpStrata() {
  const env = readEnv();
  configureSdkLogging();
  const restore = installDuneRedirect(env.baseUrl, { nodes: env.nodes });
  // Any HTTP answer will do; a connection error is reported clearly here
  // rather than as the SDK's "Response TypeError: fetch failed". With several
  // nodes, each is probed. A cold server's first answer can take seconds under load
  // (5 s failed the first file of a run three times in a row at load 25-45, nested2).
  for (const url of env.nodes ?? [env.baseUrl]) {
    try {
      const probe = await fetch(`${url}/api/v1/usage`, { signal: AbortSignal.timeout(30_000) });
      await probe.arrayBuffer();
    } catch (err) {
      restore();
      throw new Error(`cannot reach Strata at ${url}: ${err.cause?.message ?? err.message}`);
    }
  }
  return {
    ...env,
    alice: new DuneClient(env.apiKey),
    bob: new DuneClient(env.otherApiKey),
    restore,
  };
}

export const TERMINAL_STATES = new Set([
  'QUERY_STATE_COMPLETED',
  'QUERY_STATE_COMPLETED_PARTIAL',
  'QUERY_STATE_FAILED',
  'QUERY_STATE_CANCELLED',
  'QUERY_STATE_EXPIRED',
]);

/**
 * Polls client.exec.getExecutionStatus until the execution is in a terminal
 * state, as a client would (the SDK's own loop, DuneClient.refreshResults,
 * only exists for saved queries and sleeps a whole second between polls).
 * Returns the final status object.
 */
// The waits' defaults are generous: they return as soon as the state comes, and a loaded machine (load 88 on two
// cores) left a syntax error's execution EXECUTING past 30 s (suite-speed5). Bounds a test asserts are its own.
export async function waitForTerminal(client, executionId, { timeoutMs = 120_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let status = await client.exec.getExecutionStatus(executionId);
  while (!TERMINAL_STATES.has(status.state)) {
    if (Date.now() > deadline) {
      throw new Error(
        `execution ${executionId} still ${status.state} after ${timeoutMs} ms: ${JSON.stringify(status)}`,
      );
    }
    await sleep(intervalMs);
    status = await client.exec.getExecutionStatus(executionId);
  }
  return status;
}

/** Polls until the status satisfies `predicate` (or the deadline passes). */
export async function waitForStatus(client, executionId, predicate, { timeoutMs = 60_000, intervalMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let status = await client.exec.getExecutionStatus(executionId);
  while (!predicate(status)) {
    if (Date.now() > deadline) {
      throw new Error(`execution ${executionId}: condition not met after ${timeoutMs} ms: ${JSON.stringify(status)}`);
    }
    await sleep(intervalMs);
    status = await client.exec.getExecutionStatus(executionId);
  }
  return status;
}

/** Runs ad-hoc SQL with the SDK and waits for a terminal state; returns {executionId, status}. */
export async function runSqlToTerminal(client, sql, options) {
  const { execution_id: executionId } = await client.exec.executeSql({ sql });
  const status = await waitForTerminal(client, executionId, options);
  return { executionId, status };
}

/**
 * GETs an absolute URL (a next_uri) the way a client does: as is, with the
 * API key header. Goes through the (wrapped) global fetch.
 */
export function getWithKey(url, apiKey) {
  return fetch(url, { method: 'GET', headers: { 'x-dune-api-key': apiKey } });
}

/** ULID as the contract requires: 26 chars, uppercase Crockford base32, starting with 01. */
export const EXECUTION_ID = /^01[0-9A-HJKMNP-TV-Z]{24}$/;

/** RFC 3339, UTC, Z, microseconds. */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * A validator for assert.rejects: the SDK call failed with HTTP `status`.
 * The SDK (router.js _handleResponse) reads the body as text on any non-2xx
 * answer and throws `new DuneError("Response Error: HTTP - Status: <status>, Message: <body>")`.
 * When `body` is given, the response body must equal it exactly.
 */
export function duneHttpError(status, body) {
  return (err) => {
    assert.ok(err instanceof DuneError, `expected a DuneError, got ${err?.stack ?? err}`);
    const prefix = `Response Error: HTTP - Status: ${status}, Message: `;
    assert.ok(err.message.startsWith(prefix), `expected an HTTP ${status} error, got: ${err.message}`);
    if (body !== undefined) {
      assert.equal(err.message.slice(prefix.length), body);
    }
    return true;
  };
}
