// DuneSQL through the unmodified Dune SDK (issue 10): a query copied from Dune
// runs unchanged. `sum` of an integer column is read as a JS number (DuneSQL
// types it bigint); a 0x varbinary literal and a query_<id> reference (Dune's
// "query views") run through executeSql and executeQuery.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readEnv, setUpStrata, runSqlToTerminal, waitForTerminal } from '../lib/strata.js';

// Fail fast, before any test is declared, when the server's coordinates are missing.
readEnv();

describe('DuneSQL through the Dune SDK', () => {
  let strata;

  before(async () => {
    strata = await setUpStrata();
  });

  after(() => strata?.restore());

  test('sum of an integer column is a bigint read as a JS number', async () => {
    const { executionId, status } = await runSqlToTerminal(
      strata.alice,
      'select sum(n) as total, count(*) as c from unnest(sequence(1, 100)) as t(n)',
    );
    assert.equal(status.state, 'QUERY_STATE_COMPLETED', JSON.stringify(status));
    const results = await strata.alice.exec.getExecutionResults(executionId);
    const [row] = results.result.rows;
    assert.equal(typeof row.total, 'number', `sum came back as ${typeof row.total}: ${JSON.stringify(row)}`);
    assert.equal(row.total, 5050);
    assert.equal(row.c, 100);
    assert.deepEqual(results.result.metadata.column_types, ['bigint', 'bigint']);
  });

  test('a 0x literal and a query_<id> reference run through executeSql and executeQuery', async () => {
    const viewId = await strata.alice.query.createQuery({
      name: 'client-compat DuneSQL view',
      query_sql: 'select 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 as token, 7 / 2 as half',
      is_private: true,
    });
    const view = await strata.alice.query.readQuery(viewId);
    assert.equal(view.query_engine, 'v2 Dune SQL');

    const sql = `select to_hex(token) as hex, half, token = 0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48 as same from query_${viewId}`;
    const expected = [{ hex: 'a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', half: 3, same: true }];

    const { executionId, status } = await runSqlToTerminal(strata.alice, sql);
    assert.equal(status.state, 'QUERY_STATE_COMPLETED', JSON.stringify(status));
    const adHoc = await strata.alice.exec.getExecutionResults(executionId);
    assert.deepEqual(adHoc.result.rows, expected);

    // A saved query that reads the view, run as a saved query.
    const readerId = await strata.alice.query.createQuery({ name: 'client-compat view reader', query_sql: sql, is_private: true });
    const { execution_id: savedExecution } = await strata.alice.exec.executeQuery(readerId);
    const savedStatus = await waitForTerminal(strata.alice, savedExecution);
    assert.equal(savedStatus.state, 'QUERY_STATE_COMPLETED', JSON.stringify(savedStatus));
    const saved = await strata.alice.exec.getExecutionResults(savedExecution);
    assert.deepEqual(saved.result.rows, expected);

    // Bob cannot read alice's private view: the same failure as a query that does not exist.
    const { status: bobs } = await runSqlToTerminal(strata.bob, sql);
    assert.equal(bobs.state, 'QUERY_STATE_FAILED');
    assert.match(bobs.error.message, /not found/);
  });
});
