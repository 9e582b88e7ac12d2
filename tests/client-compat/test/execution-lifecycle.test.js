// Cancellation and failure through the unmodified Dune SDK against a running
// Strata server.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readEnv, setUpStrata, waitForTerminal, waitForStatus, duneHttpError, TIMESTAMP, EXECUTION_ID } from '../lib/strata.js';

// Fail fast, before any test is declared, when the server's coordinates are missing.
readEnv();

// Runs for hours unless cancelled; needs no demo data.
const LONG_SQL = 'select count(*) from range(100000000000) a, range(10) b';

describe('cancelling and failing executions through the Dune SDK', () => {
  let strata;
  /** Executions this file started that may still be running; cancelled in after(). */
  const toCleanUp = new Set();

  before(async () => {
    strata = await setUpStrata();
  });

  after(async () => {
    if (!strata) return;
    for (const id of toCleanUp) {
      await strata.alice.exec.cancelExecution(id).catch(() => {});
    }
    strata.restore();
  });

  test('cancelExecution ends a running query in QUERY_STATE_CANCELLED; bob cannot cancel it', async () => {
    const { execution_id: id } = await strata.alice.exec.executeSql({ sql: LONG_SQL });
    toCleanUp.add(id);
    assert.match(id, EXECUTION_ID);

    // Let it start, so that the cancellation interrupts a running engine query.
    const running = await waitForStatus(strata.alice, id, (s) => s.state !== 'QUERY_STATE_PENDING');
    assert.equal(running.state, 'QUERY_STATE_EXECUTING', JSON.stringify(running));
    assert.equal(running.is_execution_finished, false);
    assert.match(running.execution_started_at, TIMESTAMP);
    assert.ok(!('execution_ended_at' in running));

    // Another owner gets 404 and changes nothing.
    await assert.rejects(strata.bob.exec.cancelExecution(id), duneHttpError(404, '{"error":"Execution not found"}'));
    const stillRunning = await strata.alice.exec.getExecutionStatus(id);
    assert.equal(stillRunning.state, 'QUERY_STATE_EXECUTING');

    const started = Date.now();
    assert.equal(await strata.alice.exec.cancelExecution(id), true);
    const status = await waitForTerminal(strata.alice, id, { timeoutMs: 15_000 });
    toCleanUp.delete(id);
    assert.equal(status.state, 'QUERY_STATE_CANCELLED', JSON.stringify(status));
    assert.ok(Date.now() - started < 15_000);
    assert.equal(status.is_execution_finished, true);
    assert.match(status.cancelled_at, TIMESTAMP);
    assert.match(status.execution_ended_at, TIMESTAMP);
    assert.ok(!('result_metadata' in status));
    assert.ok(!('error' in status));
    assert.ok(!('expires_at' in status));

    // Results of a cancelled execution: 200, the execution object, no result.
    const results = await strata.alice.exec.getExecutionResults(id, { limit: 10 });
    assert.equal(results.state, 'QUERY_STATE_CANCELLED');
    assert.equal(results.execution_id, id);
    assert.ok(!('result' in results));

    // Cancelling a finished execution: success false, nothing changes.
    assert.equal(await strata.alice.exec.cancelExecution(id), false);
    const again = await strata.alice.exec.getExecutionStatus(id);
    assert.equal(again.state, 'QUERY_STATE_CANCELLED');
    assert.equal(again.cancelled_at, status.cancelled_at);
  });

  test('a failing query ends QUERY_STATE_FAILED with an error object (not an HTTP error)', async () => {
    const sql = 'select n\nfrom strata_client_compat_no_such_table';
    const { execution_id: id, state } = await strata.alice.exec.executeSql({ sql });
    assert.match(id, EXECUTION_ID);
    assert.equal(state, 'QUERY_STATE_PENDING');

    const status = await waitForTerminal(strata.alice, id);
    assert.equal(status.state, 'QUERY_STATE_FAILED', JSON.stringify(status));
    assert.equal(status.is_execution_finished, true);
    assert.match(status.execution_ended_at, TIMESTAMP);
    assert.ok(!('result_metadata' in status));
    assert.ok(!('cancelled_at' in status));

    const { error } = status;
    assert.equal(typeof error, 'object', JSON.stringify(status));
    assert.equal(typeof error.type, 'string');
    assert.ok(error.type.length > 0);
    assert.equal(typeof error.message, 'string');
    assert.match(error.message, /strata_client_compat_no_such_table/);
    if ('metadata' in error) {
      assert.ok(Number.isInteger(error.metadata.line) && error.metadata.line >= 1, JSON.stringify(error));
      assert.ok(Number.isInteger(error.metadata.column) && error.metadata.column >= 1, JSON.stringify(error));
    }

    // The results endpoint answers 200 with the execution object and the same error, no result.
    const results = await strata.alice.exec.getExecutionResults(id);
    assert.equal(results.state, 'QUERY_STATE_FAILED');
    assert.deepEqual(results.error, error);
    assert.ok(!('result' in results));
  });

  test('a syntax error fails the execution too', async () => {
    const { execution_id: id } = await strata.alice.exec.executeSql({ sql: 'selec 1' });
    const status = await waitForTerminal(strata.alice, id);
    assert.equal(status.state, 'QUERY_STATE_FAILED', JSON.stringify(status));
    assert.equal(typeof status.error?.type, 'string');
    assert.equal(typeof status.error?.message, 'string');
  });
});
