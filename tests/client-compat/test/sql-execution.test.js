// Ad-hoc SQL with the unmodified Dune SDK against a running Strata server:
// executeSql, getExecutionStatus, getExecutionResults with paging (next_uri),
// Paginator, getResultCSV with its next-page headers.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Paginator } from '@duneanalytics/client-sdk';
import { readEnv, setUpStrata, waitForTerminal, getWithKey, EXECUTION_ID, TIMESTAMP } from '../lib/strata.js';

// Fail fast, before any test is declared, when the server's coordinates are missing.
readEnv();

const ROWS = 2500;
const PAGE = 1000;
// Independent of demo data; ORDER BY makes row order part of the contract.
const SQL =
  `select range as n, 'row ' || range as label, cast(range as double) / 4 as quarter, range % 2 = 0 as even ` +
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
});
