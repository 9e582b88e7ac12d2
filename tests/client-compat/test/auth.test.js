// Authentication and ownership through the unmodified Dune SDK against a
// running Strata server: invalid keys, and bob cannot see alice's execution.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DuneClient } from '@duneanalytics/client-sdk';
import { readEnv, setUpStrata, runSqlToTerminal, getWithKey, duneHttpError } from '../lib/strata.js';

// Fail fast, before any test is declared, when the server's coordinates are missing.
readEnv();

const INVALID_KEY_BODY = '{"error":"invalid API Key"}';
const EXECUTION_NOT_FOUND = '{"error":"Execution not found"}';

describe('API keys and ownership through the Dune SDK', () => {
  let strata;
  /** A completed execution of alice's with more than one page of results. */
  let aliceExecution;

  before(async () => {
    strata = await setUpStrata();
    const { executionId, status } = await runSqlToTerminal(
      strata.alice,
      'select range as n from range(5) order by n',
    );
    assert.equal(status.state, 'QUERY_STATE_COMPLETED', JSON.stringify(status));
    aliceExecution = executionId;
  });

  after(() => strata?.restore());

  test('an invalid key is refused with 401 and the SDK surfaces it as a DuneError', async () => {
    const intruder = new DuneClient('strata-client-compat-not-a-key');
    await assert.rejects(intruder.exec.executeSql({ sql: 'select 1' }), duneHttpError(401, INVALID_KEY_BODY));
    await assert.rejects(intruder.exec.getExecutionStatus(aliceExecution), duneHttpError(401, INVALID_KEY_BODY));
    await assert.rejects(
      intruder.exec.getExecutionResults(aliceExecution, { limit: 2 }),
      duneHttpError(401, INVALID_KEY_BODY),
    );
    await assert.rejects(intruder.exec.cancelExecution(aliceExecution), duneHttpError(401, INVALID_KEY_BODY));
  });

  test('an empty key is refused with 401 too', async () => {
    const nobody = new DuneClient('');
    await assert.rejects(nobody.exec.executeSql({ sql: 'select 1' }), duneHttpError(401, INVALID_KEY_BODY));
  });

  test('getResultCSV with an invalid key: the SDK does not check the status, the JSON error is the data', async () => {
    const intruder = new DuneClient('strata-client-compat-not-a-key');
    const csv = await intruder.exec.getResultCSV(aliceExecution);
    assert.deepEqual(csv, { data: INVALID_KEY_BODY, next_uri: null, next_offset: undefined });
  });

  test("bob cannot see alice's execution: 404 on status, results, CSV, cancel and next_uri", async () => {
    const bob = strata.bob.exec;
    await assert.rejects(bob.getExecutionStatus(aliceExecution), duneHttpError(404, EXECUTION_NOT_FOUND));
    await assert.rejects(bob.getExecutionResults(aliceExecution, { limit: 2 }), duneHttpError(404, EXECUTION_NOT_FOUND));
    await assert.rejects(bob.getExecutionResults(aliceExecution), duneHttpError(404, EXECUTION_NOT_FOUND));
    await assert.rejects(bob.cancelExecution(aliceExecution), duneHttpError(404, EXECUTION_NOT_FOUND));

    const csvResponse = await bob._getByUrl(
      `https://api.dune.com/api/v1/execution/${aliceExecution}/results/csv`,
      undefined,
      true,
    );
    assert.equal(csvResponse.status, 404);
    assert.equal(await csvResponse.text(), EXECUTION_NOT_FOUND);

    // alice's next_uri is no use to bob either.
    const page = await strata.alice.exec.getExecutionResults(aliceExecution, { limit: 2 });
    assert.equal(typeof page.next_uri, 'string');
    const stolen = await getWithKey(page.next_uri, strata.otherApiKey);
    assert.equal(stolen.status, 404);
    assert.equal(await stolen.text(), EXECUTION_NOT_FOUND);
  });

  test("alice still sees her execution, and an unknown id reads exactly like bob's view of a foreign one", async () => {
    const status = await strata.alice.exec.getExecutionStatus(aliceExecution);
    assert.equal(status.state, 'QUERY_STATE_COMPLETED');
    const results = await strata.alice.exec.getExecutionResults(aliceExecution);
    assert.deepEqual(results.result.rows, [{ n: 0 }, { n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }]);

    const unknown = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    await assert.rejects(strata.alice.exec.getExecutionStatus(unknown), duneHttpError(404, EXECUTION_NOT_FOUND));
  });

  test('a malformed execution id is a 400 naming it', async () => {
    await assert.rejects(
      strata.alice.exec.getExecutionStatus('not-an-id'),
      duneHttpError(400, '{"error":"The requested execution ID (ID: not-an-id) is invalid."}'),
    );
  });
});
