// Ad-hoc SQL with the unmodified Dune SDK against a running Strata server:
// executeSql, getExecutionStatus, getExecutionResults with paging (next_uri),
// Paginator, getResultCSV with its next-page headers, and the result views
// (columns, filters, sort_by, sample_count) as the SDK sends them.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Paginator } from '@duneanalytics/client-sdk';
import {
  readEnv,
  setUpStrata,
  waitForTerminal,
  runSqlToTerminal,
  getWithKey,
  duneHttpError,
  EXECUTION_ID,
  TIMESTAMP,
} from '../lib/strata.js';

// Fail fast, before any test is declared, when the server's coordinates are missing.
readEnv();

const ROWS = 2500;
const PAGE = 1000;
// Independent of demo data; ORDER BY makes row order part of the contract.
const SQL =
  `select range as n, 'row ' || CAST(range AS varchar) as label, cast(range as double) / 4 as quarter, range % 2 = 0 as even ` +
  `from range(${ROWS}) order by n`;
const COLUMNS = ['n', 'label', 'quarter', 'even'];
const TYPES = ['bigint', 'varchar', 'double', 'boolean'];

function expectedRow(i) {
  return { n: i, label: `row ${i}`, quarter: i / 4, even: i % 2 === 0 };
}

/** Checks JSON rows [from, from + rows.length) exactly: values, JS types, key order. */
function assertRows(rows, from) {
  rows.forEach((row, k) => {
    const i = from + k;
    assert.deepEqual(Object.keys(row), COLUMNS, `key order of row ${i}`);
    assert.deepEqual(row, expectedRow(i), `row ${i}`);
  });
}

/** Checks CSV data rows (already split into fields) starting at `from`. */
function assertCsvRows(lines, from) {
  lines.forEach((line, k) => {
    const i = from + k;
    const fields = line.split(',');
    assert.equal(fields.length, 4, `CSV row ${i}: ${line}`);
    assert.equal(fields[0], String(i), `CSV n of row ${i}`);
    assert.equal(fields[1], `row ${i}`, `CSV label of row ${i}`);
    // Shortest round-trip text is not pinned down for whole numbers (1 vs 1.0): compare numerically.
    assert.match(fields[2], /^-?\d+(\.\d+)?(E-?\d+)?$/i, `CSV quarter of row ${i}`);
    assert.equal(Number(fields[2]), i / 4, `CSV quarter of row ${i}`);
    assert.equal(fields[3], i % 2 === 0 ? 'true' : 'false', `CSV even of row ${i}`);
  });
}

/** Splits a CSV page into header + data lines; asserts LF endings and the final newline. */
function splitCsv(data) {
  assert.equal(typeof data, 'string');
  assert.ok(!data.includes('\r'), 'CSV uses LF line endings');
  assert.ok(data.endsWith('\n'), 'CSV ends with a newline');
  const [header, ...lines] = data.slice(0, -1).split('\n');
  return { header, lines };
}

/**
 * Runs `fn` while recording the URL of every fetch the SDK makes (as the SDK
 * built it, before the redirect to Strata). Returns {value, urls}.
 */
async function recordingUrls(fn) {
  const inner = globalThis.fetch;
  const urls = [];
  globalThis.fetch = (input, init) => {
    urls.push(typeof Request !== 'undefined' && input instanceof Request ? input.url : String(input));
    return inner(input, init);
  };
  try {
    return { value: await fn(), urls };
  } finally {
    globalThis.fetch = inner;
  }
}

/** The query string the SDK sent, as [key, value] pairs in order. */
function sentParams(url) {
  return [...new URL(url).searchParams.entries()];
}

/**
 * A validator for assert.rejects: an HTTP 400 whose JSON body's `error` equals
 * `message` (the body is parsed, so JSON escapes such as \u0022 do not matter).
 */
function badRequest(message) {
  return (err) => {
    duneHttpError(400)(err);
    const body = JSON.parse(err.message.slice('Response Error: HTTP - Status: 400, Message: '.length));
    assert.deepEqual(body, { error: message });
    return true;
  };
}

describe('ad-hoc SQL execution through the Dune SDK', () => {
  let strata;
  let executionId;

  before(async () => {
    strata = await setUpStrata();
  });

  after(() => strata?.restore());

  test('executeSql returns a ULID execution id in state PENDING', async () => {
    const response = await strata.alice.exec.executeSql({ sql: SQL });
    assert.match(response.execution_id, EXECUTION_ID);
    assert.equal(response.state, 'QUERY_STATE_PENDING');
    executionId = response.execution_id;
  });

  test('getExecutionStatus reaches QUERY_STATE_COMPLETED with the execution object', async () => {
    assert.ok(executionId, 'needs the execution from the previous test');
    const status = await waitForTerminal(strata.alice, executionId);
    assert.equal(status.state, 'QUERY_STATE_COMPLETED', JSON.stringify(status));
    assert.equal(status.execution_id, executionId);
    assert.equal(status.query_id, 0);
    assert.equal(status.is_execution_finished, true);
    for (const field of ['submitted_at', 'execution_started_at', 'execution_ended_at', 'expires_at']) {
      assert.match(status[field], TIMESTAMP, field);
    }
    assert.ok(!('error' in status), 'no error on success');
    assert.ok(!('cancelled_at' in status), 'no cancelled_at on success');
    assert.ok(!('queue_position' in status), 'no queue_position once finished');
    assert.equal(typeof status.execution_cost_credits, 'number');

    const meta = status.result_metadata;
    assert.deepEqual(meta.column_names, COLUMNS);
    assert.deepEqual(meta.column_types, TYPES);
    assert.equal(meta.row_count, ROWS);
    assert.equal(meta.total_row_count, ROWS);
    assert.equal(meta.datapoint_count, ROWS * COLUMNS.length);
    assert.equal(typeof meta.result_set_bytes, 'number');
    assert.equal(typeof meta.total_result_set_bytes, 'number');
    assert.equal(typeof meta.pending_time_millis, 'number');
    assert.equal(typeof meta.execution_time_millis, 'number');
  });

  test('getExecutionResults pages with limit and next_uri: every row once, in order, typed', async () => {
    assert.ok(executionId, 'needs the completed execution');
    const first = await strata.alice.exec.getExecutionResults(executionId, { limit: PAGE });

    assert.equal(first.execution_id, executionId);
    assert.equal(first.state, 'QUERY_STATE_COMPLETED');
    assert.equal(first.is_execution_finished, true);
    assert.deepEqual(first.result.metadata.column_names, COLUMNS);
    assert.deepEqual(first.result.metadata.column_types, TYPES);

    const rows = [];
    const offsets = [];
    let page = first;
    let offset = 0;
    for (let hops = 0; ; hops++) {
      assert.ok(hops < 10, 'next_uri chain does not end');
      const meta = page.result.metadata;
      const expectedCount = Math.min(PAGE, ROWS - offset);
      assert.equal(page.result.rows.length, expectedCount, `rows on page at offset ${offset}`);
      assert.equal(meta.row_count, expectedCount);
      assert.equal(meta.datapoint_count, expectedCount * COLUMNS.length);
      assert.equal(meta.total_row_count, ROWS);
      assertRows(page.result.rows, offset);
      rows.push(...page.result.rows);
      offsets.push(offset);

      if (offset + expectedCount >= ROWS) {
        assert.ok(!('next_uri' in page), 'last page has no next_uri (omitted, not null)');
        assert.ok(!('next_offset' in page), 'last page has no next_offset (omitted, not null)');
        break;
      }
      assert.equal(page.next_offset, offset + expectedCount);
      assert.equal(typeof page.next_uri, 'string');
      const next = new URL(page.next_uri);
      assert.ok(
        page.next_uri.startsWith(`${strata.baseUrl}/api/v1/execution/${executionId}/results`),
        `next_uri ${page.next_uri} is an absolute URL on ${strata.baseUrl}`,
      );
      assert.equal(next.searchParams.get('limit'), String(PAGE), 'next_uri repeats limit');
      assert.equal(next.searchParams.get('offset'), String(page.next_offset));

      // Follow next_uri as a client does: as is, with the key header.
      const response = await getWithKey(page.next_uri, strata.apiKey);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type'), /^application\/json\b/);
      offset = page.next_offset;
      page = await response.json();
      assert.equal(page.execution_id, executionId);
    }

    assert.deepEqual(offsets, [0, 1000, 2000]);
    assert.equal(rows.length, ROWS);
    assertRows(rows, 0);
  });

  test("the SDK's own next_uri follower concatenates the pages", async () => {
    // _fetchEntireResult is what DuneClient.getLatestResult uses to follow next_uri
    // (TypeScript-private, plain method at run time).
    const first = await strata.alice.exec.getExecutionResults(executionId, { limit: PAGE, offset: 0 });
    const whole = await strata.alice.exec._fetchEntireResult(first);
    assert.equal(whole.result.rows.length, ROWS);
    assertRows(whole.result.rows, 0);
    assert.equal(whole.result.metadata.row_count, ROWS);
    assert.equal(whole.result.metadata.datapoint_count, ROWS * COLUMNS.length);
    assert.equal(whole.next_uri, undefined);
    assert.equal(whole.next_offset, undefined);
  });

  test('getExecutionResults without params (SDK default limit 32000) returns everything in one page', async () => {
    const all = await strata.alice.exec.getExecutionResults(executionId);
    assert.equal(all.result.rows.length, ROWS);
    assertRows(all.result.rows, 0);
    assert.ok(!('next_uri' in all));
    assert.ok(!('next_offset' in all));
  });

  test('an offset past the end gives no rows, the real total and no next_*', async () => {
    const past = await strata.alice.exec.getExecutionResults(executionId, { limit: 10, offset: ROWS + 100 });
    assert.deepEqual(past.result.rows, []);
    assert.equal(past.result.metadata.row_count, 0);
    assert.equal(past.result.metadata.total_row_count, ROWS);
    assert.ok(!('next_uri' in past));
    assert.ok(!('next_offset' in past));
  });

  test('Paginator (exported by the SDK) walks the pages by offset', async () => {
    const status = await strata.alice.exec.getExecutionStatus(executionId);
    const paginator = await Paginator.new(strata.alice.exec, status, PAGE);
    assert.equal(paginator.maxPage(), 3);
    assertRows(paginator.getCurrentPageValues().values, 0);
    const second = await paginator.nextPage();
    assert.equal(second.number, 2);
    assertRows(second.values, PAGE);
    const last = await paginator.lastPage();
    assert.equal(last.values.length, ROWS - 2 * PAGE);
    assertRows(last.values, 2 * PAGE);
  });

  test('getResultCSV pages with x-dune-next-offset / x-dune-next-uri until they are absent', async () => {
    const exec = strata.alice.exec;
    const first = await exec.getResultCSV(executionId, { limit: PAGE });
    const dataLines = [];
    let page = first;
    let offset = 0;
    for (let hops = 0; ; hops++) {
      assert.ok(hops < 10, 'CSV next_uri chain does not end');
      const { header, lines } = splitCsv(page.data);
      assert.equal(header, COLUMNS.join(','), 'every page repeats the header row');
      const expectedCount = Math.min(PAGE, ROWS - offset);
      assert.equal(lines.length, expectedCount, `CSV rows at offset ${offset}`);
      assertCsvRows(lines, offset);
      dataLines.push(...lines);

      if (offset + expectedCount >= ROWS) {
        assert.equal(page.next_uri, null, 'no x-dune-next-uri on the last page');
        assert.equal(page.next_offset, undefined, 'no x-dune-next-offset on the last page');
        break;
      }
      assert.equal(page.next_offset, offset + expectedCount, 'x-dune-next-offset');
      assert.ok(
        page.next_uri.startsWith(`${strata.baseUrl}/api/v1/execution/${executionId}/results/csv`),
        `x-dune-next-uri ${page.next_uri}`,
      );
      const next = new URL(page.next_uri);
      assert.equal(next.searchParams.get('limit'), String(PAGE));
      assert.equal(next.searchParams.get('offset'), String(page.next_offset));

      // Follow it as the SDK does in _fetchEntireResultCSV: GET the URL as is, read the headers.
      offset = page.next_offset;
      page = await exec.buildCSVResponse(await exec._getByUrl(page.next_uri, undefined, true));
    }
    assert.equal(dataLines.length, ROWS);

    // The raw headers and content type of a middle page and of the last page.
    const middle = await getWithKey(first.next_uri, strata.apiKey);
    assert.equal(middle.status, 200);
    assert.match(middle.headers.get('content-type'), /^text\/csv\b/);
    assert.equal(middle.headers.get('x-dune-next-offset'), String(2 * PAGE));
    assert.ok(middle.headers.get('x-dune-next-uri'));
    const lastUri = middle.headers.get('x-dune-next-uri');
    await middle.arrayBuffer();
    const last = await getWithKey(lastUri, strata.apiKey);
    assert.equal(last.status, 200);
    assert.equal(last.headers.get('x-dune-next-offset'), null);
    assert.equal(last.headers.get('x-dune-next-uri'), null);
    await last.arrayBuffer();

    // The SDK's CSV follower and a single unpaged request agree on the whole text.
    const stitched = await exec._fetchEntireResultCSV(await exec.getResultCSV(executionId, { limit: PAGE }));
    const whole = await exec.getResultCSV(executionId);
    assert.equal(whole.next_uri, null);
    assert.equal(whole.next_offset, undefined);
    assert.equal(stitched.data, whole.data);
    const { header, lines } = splitCsv(whole.data);
    assert.equal(header, COLUMNS.join(','));
    assert.equal(lines.length, ROWS);
    assertCsvRows(lines, 0);
  });

  test('CSV quoting (RFC 4180) and NULL, and the same row as JSON', async () => {
    const sql =
      `select 'a,b' as c1, 'say "hi"' as c2, cast(null as varchar) as c3, 'x' || chr(10) || 'y' as c4, true as c5`;
    const { execution_id: id } = await strata.alice.exec.executeSql({ sql });
    const status = await waitForTerminal(strata.alice, id);
    assert.equal(status.state, 'QUERY_STATE_COMPLETED', JSON.stringify(status));

    const csv = await strata.alice.exec.getResultCSV(id);
    assert.equal(csv.data, 'c1,c2,c3,c4,c5\n"a,b","say ""hi""",,"x\ny",true\n');
    assert.equal(csv.next_uri, null);

    const json = await strata.alice.exec.getExecutionResults(id);
    assert.deepEqual(json.result.rows, [{ c1: 'a,b', c2: 'say "hi"', c3: null, c4: 'x\ny', c5: true }]);
    assert.deepEqual(json.result.metadata.column_types, ['varchar', 'varchar', 'varchar', 'varchar', 'boolean']);
  });

  test('getExecutionResults with columns, filters and sort_by; next_uri repeats them', async () => {
    assert.ok(executionId, 'needs the completed execution');
    const params = {
      columns: ['label', 'n'],
      filters: 'even = true AND n >= 100 AND n < 1100',
      sort_by: ['n desc'],
      limit: 150,
    };
    const { value: first, urls } = await recordingUrls(() => strata.alice.exec.getExecutionResults(executionId, params));
    // What the SDK puts on the wire: arrays joined with ',', no offset when none is given.
    assert.deepEqual(sentParams(urls[0]), [
      ['limit', '150'],
      ['filters', params.filters],
      ['sort_by', 'n desc'],
      ['columns', 'label,n'],
    ]);

    const expected = [];
    for (let n = 1098; n >= 100; n -= 2) expected.push({ label: `row ${n}`, n });
    const rows = [];
    let page = first;
    let offset = 0;
    for (let hops = 0; ; hops++) {
      assert.ok(hops < 10, 'next_uri chain does not end');
      const meta = page.result.metadata;
      assert.deepEqual(meta.column_names, ['label', 'n']);
      assert.deepEqual(meta.column_types, ['varchar', 'bigint']);
      assert.equal(meta.total_row_count, expected.length, 'total_row_count counts the matching rows');
      const expectedCount = Math.min(params.limit, expected.length - offset);
      assert.equal(page.result.rows.length, expectedCount, `rows at offset ${offset}`);
      assert.equal(meta.row_count, expectedCount);
      for (const row of page.result.rows) assert.deepEqual(Object.keys(row), ['label', 'n']);
      rows.push(...page.result.rows);
      if (offset + expectedCount >= expected.length) {
        assert.ok(!('next_uri' in page), 'no next_uri on the last page');
        break;
      }
      const next = new URL(page.next_uri);
      assert.equal(next.searchParams.get('columns'), 'label,n', 'next_uri repeats columns');
      assert.equal(next.searchParams.get('filters'), params.filters, 'next_uri repeats filters');
      assert.equal(next.searchParams.get('sort_by'), 'n desc', 'next_uri repeats sort_by');
      assert.equal(next.searchParams.get('limit'), String(params.limit), 'next_uri repeats limit');
      assert.equal(next.searchParams.get('offset'), String(offset + expectedCount), 'next_uri advances offset');
      assert.equal(page.next_offset, offset + expectedCount);
      const response = await getWithKey(page.next_uri, strata.apiKey);
      assert.equal(response.status, 200);
      offset = page.next_offset;
      page = await response.json();
    }
    assert.deepEqual(rows, expected);

    // The SDK's own follower gets the same rows from the same first page.
    const whole = await strata.alice.exec._fetchEntireResult(
      await strata.alice.exec.getExecutionResults(executionId, params),
    );
    assert.deepEqual(whole.result.rows, expected);
    assert.equal(whole.result.metadata.row_count, expected.length);
    assert.equal(whole.next_uri, undefined);
  });

  test('columns naming a column with a double quote, escaped the way the SDK does', async () => {
    const { executionId: id, status } = await runSqlToTerminal(
      strata.alice,
      `select range as n, 'q' || CAST(range AS varchar) as "we""ird" from range(3) order by n`,
    );
    assert.equal(status.state, 'QUERY_STATE_COMPLETED', JSON.stringify(status));
    const { value: page, urls } = await recordingUrls(() =>
      strata.alice.exec.getExecutionResults(id, { columns: ['we"ird', 'n'], sort_by: '"we""ird" desc' }),
    );
    assert.deepEqual(sentParams(urls[0]), [
      ['sort_by', '"we""ird" desc'],
      ['columns', '"we\\"ird",n'],
    ]);
    assert.deepEqual(page.result.metadata.column_names, ['we"ird', 'n']);
    assert.deepEqual(page.result.rows, [
      { 'we"ird': 'q2', n: 2 },
      { 'we"ird': 'q1', n: 1 },
      { 'we"ird': 'q0', n: 0 },
    ]);
    assert.deepEqual(Object.keys(page.result.rows[0]), ['we"ird', 'n']);
  });

  test('sum of an integer column reads as a bigint number; uint256 as an exact string (issue 10)', async () => {
    const { executionId: id, status } = await runSqlToTerminal(
      strata.alice,
      `select sum(n) as s, count(*) as c, sum(cast(n as uint256) * uint256 '1000000000000000000000000') as u ` +
        `from (select cast(range as integer) as n from range(101))`,
    );
    assert.equal(status.state, 'QUERY_STATE_COMPLETED', JSON.stringify(status));
    const page = await strata.alice.exec.getExecutionResults(id);
    assert.deepEqual(page.result.metadata.column_types, ['bigint', 'bigint', 'uint256']);
    assert.deepEqual(page.result.rows, [{ s: 5050, c: 101, u: '5050000000000000000000000000' }]);
    assert.equal(typeof page.result.rows[0].s, 'number');
  });

  test('sample_count: the SDK sends it alone, about N distinct real rows come back', async () => {
    assert.ok(executionId, 'needs the completed execution');
    const { value: sample, urls } = await recordingUrls(() =>
      strata.alice.exec.getExecutionResults(executionId, { sample_count: 10 }),
    );
    // Passing params replaces the SDK's default {limit: 32000, offset: 0}: no limit or offset is sent,
    // so the server's "not combinable with limit or offset" rule does not reject the SDK's own request.
    assert.deepEqual(sentParams(urls[0]), [['sample_count', '10']]);
    const rows = sample.result.rows;
    assert.ok(rows.length >= 5 && rows.length <= 10, `${rows.length} sampled rows`);
    assert.equal(new Set(rows.map((r) => r.n)).size, rows.length, 'sampled rows are distinct');
    for (const row of rows) {
      assert.ok(Number.isInteger(row.n) && row.n >= 0 && row.n < ROWS, `n ${row.n}`);
      assert.deepEqual(row, expectedRow(row.n), 'a sampled row is a real row');
    }
    assert.ok(!('next_uri' in sample), 'a sample has no next page');
    assert.ok(!('next_offset' in sample));

    // With columns and sort_by.
    const sorted = await strata.alice.exec.getExecutionResults(executionId, {
      sample_count: 25,
      columns: ['n', 'even'],
      sort_by: 'n',
    });
    assert.deepEqual(sorted.result.metadata.column_names, ['n', 'even']);
    const ns = sorted.result.rows.map((r) => r.n);
    assert.ok(ns.length >= 12 && ns.length <= 25, `${ns.length} sampled rows`);
    assert.deepEqual(ns, [...ns].sort((a, b) => a - b), 'sorted by n');
    for (const row of sorted.result.rows) assert.deepEqual(row, { n: row.n, even: row.n % 2 === 0 });

    // The SDK itself refuses sample_count with limit, offset or filters, before any request.
    for (const extra of [{ limit: 5 }, { offset: 0 }, { filters: 'n < 5' }]) {
      const attempt = await recordingUrls(() =>
        assert.rejects(
          strata.alice.exec.getExecutionResults(executionId, { sample_count: 10, ...extra }),
          /sampling cannot be combined with filters or pagination/,
        ),
      );
      assert.deepEqual(attempt.urls, [], `no request for ${JSON.stringify(extra)}`);
    }
    // And the server gives the same answer to a client that sends them anyway.
    const raw = await getWithKey(
      `${strata.baseUrl}/api/v1/execution/${executionId}/results?sample_count=10&limit=5`,
      strata.apiKey,
    );
    assert.equal(raw.status, 400);
    assert.deepEqual(await raw.json(), { error: 'sample_count cannot be combined with limit, offset or filters' });
  });

  test('getResultCSV with columns, filters and sort_by, following x-dune-next-uri', async () => {
    assert.ok(executionId, 'needs the completed execution');
    const exec = strata.alice.exec;
    const params = { columns: ['n', 'label'], filters: "label LIKE 'row 1_' OR n = 2499", sort_by: 'n desc', limit: 4 };
    const first = await exec.getResultCSV(executionId, params);
    assert.equal(first.data, 'n,label\n2499,row 2499\n19,row 19\n18,row 18\n17,row 17\n');
    assert.equal(first.next_offset, 4);
    const next = new URL(first.next_uri);
    assert.equal(next.searchParams.get('columns'), 'n,label');
    assert.equal(next.searchParams.get('filters'), params.filters);
    assert.equal(next.searchParams.get('sort_by'), 'n desc');
    assert.equal(next.searchParams.get('limit'), '4');
    assert.equal(next.searchParams.get('offset'), '4');
    const whole = await exec._fetchEntireResultCSV(first);
    const expected = ['n,label', '2499,row 2499'];
    for (let n = 19; n >= 10; n--) expected.push(`${n},row ${n}`);
    assert.equal(whole.data, expected.join('\n') + '\n');
    assert.equal(whole.next_uri, null);
  });

  test('views the server refuses are a 400 naming the problem and its position', async () => {
    assert.ok(executionId, 'needs the completed execution');
    const exec = strata.alice.exec;
    await assert.rejects(
      exec.getExecutionResults(executionId, { filters: 'abs(n) = 1' }),
      badRequest('filters: functions are not allowed (abs(...)) at position 0'),
    );
    await assert.rejects(
      exec.getExecutionResults(executionId, { filters: 'n = 1 AND NOT even = true' }),
      badRequest('filters: NOT is not supported (use !=, <> or IS NOT NULL) at position 10'),
    );
    await assert.rejects(
      exec.getExecutionResults(executionId, { filters: 'n IN (select 1)' }),
      badRequest('filters: subqueries are not allowed at position 6'),
    );
    await assert.rejects(
      exec.getExecutionResults(executionId, { columns: ['n', 'nope'] }),
      badRequest('columns: unknown column "nope" at position 2'),
    );
    await assert.rejects(
      exec.getExecutionResults(executionId, { sort_by: ['n', 'nope desc'] }),
      badRequest('sort_by: unknown column "nope" at position 2'),
    );
    await assert.rejects(exec.getExecutionResults(executionId, { sample_count: 0 }), (err) => {
      // sample_count 0 passes the SDK's own check and reaches the server.
      duneHttpError(400)(err);
      assert.match(err.message, /sample_count must be a positive integer/);
      return true;
    });
    // A type mismatch only the engine sees is a 400 too, on JSON and CSV. getResultCSV does not look at
    // the status (it reads the raw response), so there the error body arrives as `data`.
    await assert.rejects(exec.getExecutionResults(executionId, { filters: 'label > 5' }), duneHttpError(400));
    const csv = await exec.getResultCSV(executionId, { filters: 'label > 5' });
    assert.equal(typeof JSON.parse(csv.data).error, 'string', csv.data);
    assert.equal(csv.next_uri, null);
    const raw = await getWithKey(
      `${strata.baseUrl}/api/v1/execution/${executionId}/results/csv?filters=${encodeURIComponent('label > 5')}`,
      strata.apiKey,
    );
    assert.equal(raw.status, 400);
    assert.match(raw.headers.get('content-type'), /^application\/json\b/);
    assert.equal((await raw.text()), csv.data);
  });
});
