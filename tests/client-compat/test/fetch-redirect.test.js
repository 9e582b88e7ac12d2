// Checks the globalThis.fetch wrapper (lib/redirect-fetch.js) and what the
// unmodified SDK puts on the wire, against a tiny local HTTP stub. Needs no
// Strata server and no environment variables.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { DuneClient, DuneError, QueryParameter } from '@duneanalytics/client-sdk';
import { installDuneRedirect, rewriteDuneUrl, normaliseBaseUrl, underBaseUrl } from '../lib/redirect-fetch.js';
import { configureSdkLogging, duneHttpError } from '../lib/strata.js';

const EXEC_ID = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
const API_KEY = 'stub-key-alice';

describe('rewriteDuneUrl (pure)', () => {
  const base = 'http://127.0.0.1:5123';

  test('keeps path, query and fragment byte for byte', () => {
    assert.equal(
      rewriteDuneUrl('https://api.dune.com/api/v1/execution/X/results?limit=5&filters=a+%3E+1&x=%2F..%2F#f', base),
      'http://127.0.0.1:5123/api/v1/execution/X/results?limit=5&filters=a+%3E+1&x=%2F..%2F#f',
    );
    assert.equal(rewriteDuneUrl('https://api.dune.com/api/v1/query/', base), 'http://127.0.0.1:5123/api/v1/query/');
    assert.equal(rewriteDuneUrl('https://api.dune.com', base), 'http://127.0.0.1:5123');
    assert.equal(rewriteDuneUrl('https://api.dune.com?a=1', base), 'http://127.0.0.1:5123?a=1');
    assert.equal(rewriteDuneUrl('https://API.DUNE.COM:443/api/v1/x', base), 'http://127.0.0.1:5123/api/v1/x');
    assert.equal(rewriteDuneUrl(new URL('https://api.dune.com/api/v1/x?y=1'), base), 'http://127.0.0.1:5123/api/v1/x?y=1');
  });

  test('honours a base URL with a path prefix and trailing slashes', () => {
    assert.equal(
      rewriteDuneUrl('https://api.dune.com/api/v1/sql/execute', 'http://localhost:8080/strata//'),
      'http://localhost:8080/strata/api/v1/sql/execute',
    );
    assert.equal(normaliseBaseUrl('http://127.0.0.1:5123/'), 'http://127.0.0.1:5123');
  });

  test('leaves every other URL alone', () => {
    for (const url of [
      'http://127.0.0.1:5123/api/v1/execution/X/results?limit=1&offset=1',
      'http://api.dune.com/api/v1/x',
      'https://api.dune.com.example.org/api/v1/x',
      'https://xapi.dune.com/api/v1/x',
      'https://api.dune.community/api/v1/x',
      'https://api.dune.com:8443/api/v1/x',
      'https://dune.com/queries/1',
    ]) {
      assert.equal(rewriteDuneUrl(url, base), null, url);
    }
  });

  test('rejects unusable base URLs', () => {
    assert.throws(() => normaliseBaseUrl('127.0.0.1:5123'), /http\(s\)|absolute/);
    assert.throws(() => normaliseBaseUrl('not a url'), /absolute URL/);
    assert.throws(() => normaliseBaseUrl('http://127.0.0.1:5123/?a=1'), /query or fragment/);
  });
});

describe('SDK requests through the wrapper reach a local stub', () => {
  /** @type {http.Server} */
  let server;
  let stubBase;
  /** Requests the stub received: {method, url, headers, body}. */
  let received;
  /** Requests that went through the wrapper: {originalUrl, url, method}. */
  let wrapped;
  let restore;
  let client;

  function sendJson(res, status, value) {
    const body = JSON.stringify(value);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  function handle(req, res, body) {
    const url = new URL(req.url, stubBase);
    const path = url.pathname;
    if (path === '/echo') {
      return sendJson(res, 200, { method: req.method, url: req.url, body });
    }
    if (req.headers['x-dune-api-key'] !== API_KEY) {
      return sendJson(res, 401, { error: 'invalid API Key' });
    }
    if (req.method === 'POST' && path === '/api/v1/sql/execute') {
      return sendJson(res, 200, { execution_id: EXEC_ID, state: 'QUERY_STATE_PENDING' });
    }
    if (req.method === 'POST' && path === '/api/v1/query/') {
      return sendJson(res, 200, { query_id: 4242 });
    }
    if (req.method === 'POST' && path === '/api/v1/query/4242/execute') {
      return sendJson(res, 200, { execution_id: EXEC_ID, state: 'QUERY_STATE_PENDING' });
    }
    if (req.method === 'GET' && path === `/api/v1/execution/${EXEC_ID}/status`) {
      return sendJson(res, 200, {
        execution_id: EXEC_ID,
        query_id: 0,
        state: 'QUERY_STATE_EXECUTING',
        is_execution_finished: false,
        submitted_at: '2024-01-01T00:00:00.000000Z',
        execution_started_at: '2024-01-01T00:00:00.100000Z',
      });
    }
    if (req.method === 'POST' && path === `/api/v1/execution/${EXEC_ID}/cancel`) {
      return sendJson(res, 200, { success: true });
    }
    if (req.method === 'GET' && path === `/api/v1/execution/${EXEC_ID}/results`) {
      const limit = Number(url.searchParams.get('limit') ?? 3);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const total = 3;
      const rows = [];
      for (let n = offset; n < Math.min(total, offset + limit); n++) rows.push({ n });
      const page = {
        execution_id: EXEC_ID,
        query_id: 0,
        state: 'QUERY_STATE_COMPLETED',
        is_execution_finished: true,
        submitted_at: '2024-01-01T00:00:00.000000Z',
        result: {
          rows,
          metadata: {
            column_names: ['n'],
            column_types: ['bigint'],
            row_count: rows.length,
            result_set_bytes: rows.length * 8,
            total_row_count: total,
            total_result_set_bytes: total * 8,
            datapoint_count: rows.length,
            pending_time_millis: 1,
            execution_time_millis: 2,
          },
        },
      };
      if (offset + limit < total) {
        page.next_offset = offset + limit;
        page.next_uri = `${stubBase}/api/v1/execution/${EXEC_ID}/results?limit=${limit}&offset=${offset + limit}`;
      }
      return sendJson(res, 200, page);
    }
    if (req.method === 'GET' && path === `/api/v1/execution/${EXEC_ID}/results/csv`) {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const headers = { 'content-type': 'text/csv' };
      let text;
      if (offset === 0) {
        text = 'n\n0\n1\n';
        headers['x-dune-next-offset'] = '2';
        headers['x-dune-next-uri'] = `${stubBase}/api/v1/execution/${EXEC_ID}/results/csv?limit=2&offset=2`;
      } else {
        text = 'n\n2\n';
      }
      res.writeHead(200, headers);
      return res.end(text);
    }
    return sendJson(res, 404, { error: 'stub: no route' });
  }

  before(async () => {
    configureSdkLogging();
    server = http.createServer((req, res) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        received.push({ method: req.method, url: req.url, headers: req.headers, body });
        try {
          handle(req, res, body);
        } catch (err) {
          sendJson(res, 500, { error: String(err) });
        }
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    stubBase = `http://127.0.0.1:${server.address().port}`;
    // Slash at the end on purpose: the wrapper must not produce "//api".
    restore = installDuneRedirect(`${stubBase}/`, { onRequest: (r) => wrapped.push(r) });
    client = new DuneClient(API_KEY);
  });

  after(async () => {
    restore?.();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    received = [];
    wrapped = [];
  });

  test('executeSql: POST /api/v1/sql/execute with key header, JSON content type and body', async () => {
    const response = await client.exec.executeSql({ sql: 'select 1' });
    assert.deepEqual(response, { execution_id: EXEC_ID, state: 'QUERY_STATE_PENDING' });

    assert.equal(received.length, 1);
    const [req] = received;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/api/v1/sql/execute');
    assert.equal(req.headers['x-dune-api-key'], API_KEY);
    assert.equal(req.headers['content-type'], 'application/json');
    // The SDK reads its version from dist/package.json, which says 0.3.1 in the 0.4.0 tarball.
    assert.match(req.headers['user-agent'], /^client-sdk@\d+\.\d+\.\d+ \(https:\/\/www\.npmjs\.com\/package\/@duneanalytics\/client-sdk\)$/);
    assert.equal(req.body, '{"sql":"select 1","performance":"medium"}');
    assert.deepEqual(wrapped, [
      { originalUrl: 'https://api.dune.com/api/v1/sql/execute', url: `${stubBase}/api/v1/sql/execute`, method: 'POST' },
    ]);
  });

  test('executeSql with performance large', async () => {
    await client.exec.executeSql({ sql: 'select 2', performance: 'large' });
    assert.equal(received[0].body, '{"sql":"select 2","performance":"large"}');
  });

  test('getExecutionStatus: GET without a body and without a query string', async () => {
    const status = await client.exec.getExecutionStatus(EXEC_ID);
    assert.equal(status.state, 'QUERY_STATE_EXECUTING');
    const [req] = received;
    assert.equal(req.method, 'GET');
    assert.equal(req.url, `/api/v1/execution/${EXEC_ID}/status`);
    assert.equal(req.headers['x-dune-api-key'], API_KEY);
    // The SDK sends Content-Type: application/json even on GET (no body).
    assert.equal(req.headers['content-type'], 'application/json');
    assert.equal(req.body, '');
  });

  test('getExecutionResults: limit/offset in the query string; next_uri is fetched as is, not rewritten', async () => {
    const first = await client.exec.getExecutionResults(EXEC_ID, { limit: 2, offset: 0 });
    assert.equal(received[0].url, `/api/v1/execution/${EXEC_ID}/results?limit=2&offset=0`);
    assert.equal(first.result.rows.length, 2);
    assert.equal(first.next_offset, 2);
    assert.equal(first.next_uri, `${stubBase}/api/v1/execution/${EXEC_ID}/results?limit=2&offset=2`);

    // The SDK's own next_uri follower (used by getLatestResult / getLastExecutionResults).
    const all = await client.exec._fetchEntireResult(first);
    assert.deepEqual(all.result.rows, [{ n: 0 }, { n: 1 }, { n: 2 }]);
    assert.equal(all.result.metadata.row_count, 3);
    assert.equal(all.next_uri, undefined);

    assert.equal(received.length, 2);
    assert.equal(received[1].url, `/api/v1/execution/${EXEC_ID}/results?limit=2&offset=2`);
    assert.equal(received[1].headers['x-dune-api-key'], API_KEY);
    assert.deepEqual(wrapped[1], { originalUrl: first.next_uri, url: first.next_uri, method: 'GET' });
  });

  test('getExecutionResults: default params, and how columns/sort_by/filters are encoded', async () => {
    await client.exec.getExecutionResults(EXEC_ID);
    assert.equal(received[0].url, `/api/v1/execution/${EXEC_ID}/results?limit=32000&offset=0`);

    await client.exec.getExecutionResults(EXEC_ID, {
      limit: 5,
      columns: ['n', 'b'],
      sort_by: ['n desc', 'b'],
      filters: "n > 1 and b = 'x'",
    });
    // URLSearchParams form encoding: spaces become "+", commas are %2C.
    assert.equal(
      received[1].url,
      `/api/v1/execution/${EXEC_ID}/results?limit=5&filters=n+%3E+1+and+b+%3D+%27x%27&sort_by=n+desc%2Cb&columns=n%2Cb`,
    );
  });

  test('getResultCSV: reads x-dune-next-offset / x-dune-next-uri, null/undefined when absent', async () => {
    const first = await client.exec.getResultCSV(EXEC_ID, { limit: 2 });
    assert.equal(received[0].url, `/api/v1/execution/${EXEC_ID}/results/csv?limit=2`);
    assert.deepEqual(first, {
      data: 'n\n0\n1\n',
      next_uri: `${stubBase}/api/v1/execution/${EXEC_ID}/results/csv?limit=2&offset=2`,
      next_offset: 2,
    });

    const whole = await client.exec._fetchEntireResultCSV(first);
    assert.deepEqual(whole, { data: 'n\n0\n1\n2\n', next_uri: null, next_offset: undefined });
    assert.equal(received[1].url, `/api/v1/execution/${EXEC_ID}/results/csv?limit=2&offset=2`);
  });

  test('cancelExecution: POST with body "{}" and returns the success flag', async () => {
    assert.equal(await client.exec.cancelExecution(EXEC_ID), true);
    const [req] = received;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, `/api/v1/execution/${EXEC_ID}/cancel`);
    assert.equal(req.headers['content-type'], 'application/json');
    assert.equal(req.body, '{}');
  });

  test('createQuery / executeQuery: trailing slash on POST /api/v1/query/, parameters as a name->string map', async () => {
    const queryId = await client.query.createQuery({
      name: 'q',
      query_sql: 'select {{n}}',
      query_parameters: [QueryParameter.number('n', 7), QueryParameter.text('t', "it's")],
    });
    assert.equal(queryId, 4242);
    assert.equal(received[0].url, '/api/v1/query/');
    assert.deepEqual(JSON.parse(received[0].body), {
      name: 'q',
      query_sql: 'select {{n}}',
      query_parameters: { n: '7', t: "it's" },
      is_private: false,
    });

    await client.exec.executeQuery(4242, { query_parameters: [QueryParameter.number('n', 5)] });
    assert.equal(received[1].url, '/api/v1/query/4242/execute');
    assert.equal(received[1].body, '{"performance":"medium","query_parameters":{"n":"5"}}');

    await client.exec.executeQuery(4242);
    assert.equal(received[2].body, '{"performance":"medium","query_parameters":{}}');
  });

  test('an HTTP error surfaces as DuneError carrying status and body', async () => {
    const intruder = new DuneClient('wrong-key');
    await assert.rejects(intruder.exec.executeSql({ sql: 'select 1' }), duneHttpError(401, '{"error":"invalid API Key"}'));
    await assert.rejects(intruder.exec.getExecutionStatus(EXEC_ID), (err) => {
      assert.ok(err instanceof DuneError);
      assert.equal(err.message, 'Response Error: HTTP - Status: 401, Message: {"error":"invalid API Key"}');
      return true;
    });
    // getResultCSV does not check the status: the error body comes back as `data`.
    const csv = await intruder.exec.getResultCSV(EXEC_ID);
    assert.deepEqual(csv, { data: '{"error":"invalid API Key"}', next_uri: null, next_offset: undefined });
  });

  test('the wrapper passes URL and Request inputs and leaves other hosts alone', async () => {
    const viaUrl = await fetch(new URL('https://api.dune.com/echo?x=1'), { method: 'PUT', body: 'abc' });
    assert.deepEqual(await viaUrl.json(), { method: 'PUT', url: '/echo?x=1', body: 'abc' });

    const viaRequest = await fetch(
      new Request('https://api.dune.com/echo?y=2', {
        method: 'POST',
        headers: { 'x-dune-api-key': API_KEY, 'content-type': 'text/plain' },
        body: 'hello',
      }),
    );
    assert.deepEqual(await viaRequest.json(), { method: 'POST', url: '/echo?y=2', body: 'hello' });
    assert.equal(received.at(-1).headers['content-type'], 'text/plain');

    const direct = await fetch(`${stubBase}/echo?z=3`);
    assert.deepEqual(await direct.json(), { method: 'GET', url: '/echo?z=3', body: '' });
    assert.equal(wrapped.at(-1).url, `${stubBase}/echo?z=3`);
  });
});

describe('round-robin mode sends each request to the next node', () => {
  const servers = [];
  const hits = [];
  let restore;

  before(async () => {
    for (let i = 0; i < 3; i++) {
      const server = http.createServer((req, res) => {
        hits.push({ node: i, url: req.url });
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(String(i));
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
    }
    const nodes = servers.map((s) => `http://127.0.0.1:${s.address().port}`);
    restore = installDuneRedirect('http://balancer.invalid/strata', { nodes });
  });

  after(async () => {
    restore?.();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  test('api.dune.com and the balancer URL rotate over the nodes; other URLs are left alone', async () => {
    assert.equal(underBaseUrl('http://balancer.invalid/strata/api?x=1', 'http://balancer.invalid/strata'), '/api?x=1');
    assert.equal(underBaseUrl('http://balancer.invalid/stratax/api', 'http://balancer.invalid/strata'), null);
    const answers = [];
    for (const url of [
      'https://api.dune.com/api/v1/a?x=1',
      'http://balancer.invalid/strata/api/v1/b',
      'https://api.dune.com/api/v1/c',
      'http://balancer.invalid/strata/api/v1/d?offset=5',
    ]) {
      answers.push(await (await fetch(url)).text());
    }
    assert.deepEqual(answers, ['0', '1', '2', '0']);
    assert.deepEqual(hits.map((h) => h.url), ['/api/v1/a?x=1', '/api/v1/b', '/api/v1/c', '/api/v1/d?offset=5']);
    const direct = `http://127.0.0.1:${servers[2].address().port}/direct`;
    assert.equal(await (await fetch(direct)).text(), '2');
  });
});
