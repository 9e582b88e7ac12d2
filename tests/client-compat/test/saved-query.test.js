// Saved queries through the unmodified Dune SDK against a running Strata
// server. Beyond ad-hoc SQL, this is the only public SDK path that follows
// next_uri by itself (getLatestResult -> getLastExecutionResults, and
// getLastResultCSV), and the path `DuneClient.runSql` takes.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { QueryParameter } from '@duneanalytics/client-sdk';
import { readEnv, setUpStrata, waitForTerminal, duneHttpError } from '../lib/strata.js';

// Fail fast, before any test is declared, when the server's coordinates are missing.
readEnv();

describe('saved queries through the Dune SDK', () => {
  let strata;
  let queryId;
  let executionId;

  before(async () => {
    strata = await setUpStrata();
  });

  after(() => strata?.restore());

  test('createQuery with TS-style query_parameters, readQuery returns the definitions', async () => {
    queryId = await strata.alice.query.createQuery({
      name: 'client-compat saved query',
      query_sql: "select range as n, '{{tag}}' as tag from range({{count}}) order by n",
      query_parameters: [QueryParameter.number('count', 7), QueryParameter.text('tag', "it's")],
      is_private: true,
    });
    assert.ok(Number.isSafeInteger(queryId) && queryId > 0, `query_id ${queryId}`);

    const query = await strata.alice.query.readQuery(queryId);
    assert.equal(query.query_id, queryId);
    assert.equal(query.query_sql, "select range as n, '{{tag}}' as tag from range({{count}}) order by n");
    assert.equal(query.is_private, true);
    assert.equal(query.is_archived, false);
    const byKey = Object.fromEntries(query.parameters.map((p) => [p.key, p]));
    assert.equal(byKey.count.type, 'number');
    assert.equal(byKey.count.value, '7');
    assert.equal(byKey.tag.type, 'text');
    assert.equal(byKey.tag.value, "it's");

    await assert.rejects(strata.bob.query.readQuery(queryId), duneHttpError(404, '{"error":"Query not found"}'));
  });

  test('executeQuery with a parameter override runs to completion', async () => {
    assert.ok(queryId, 'needs the saved query');
    const response = await strata.alice.exec.executeQuery(queryId, {
      query_parameters: [QueryParameter.number('count', 5)],
    });
    executionId = response.execution_id;
    const status = await waitForTerminal(strata.alice, executionId);
    assert.equal(status.state, 'QUERY_STATE_COMPLETED', JSON.stringify(status));
    assert.equal(status.query_id, queryId);
    assert.equal(status.result_metadata.total_row_count, 5);
  });

  test('getLatestResult follows next_uri itself (batchSize 2 -> 3 pages)', async () => {
    assert.ok(executionId, 'needs the execution');
    const latest = await strata.alice.getLatestResult({ queryId, opts: { batchSize: 2 } });
    assert.equal(latest.execution_id, executionId);
    assert.deepEqual(
      latest.result.rows,
      [0, 1, 2, 3, 4].map((n) => ({ n, tag: "it's" })),
    );
    assert.equal(latest.result.metadata.row_count, 5);
    assert.equal(latest.next_uri, undefined);
  });

  test('getLastExecutionResults narrows by params.<name>; values never run are a 404', async () => {
    const { results } = await strata.alice.exec.getLastExecutionResults(queryId, {
      limit: 10,
      query_parameters: [QueryParameter.number('count', 5)],
    });
    assert.equal(results.execution_id, executionId);
    assert.equal(results.result.rows.length, 5);

    await assert.rejects(
      strata.alice.exec.getLastExecutionResults(queryId, {
        limit: 10,
        query_parameters: [QueryParameter.number('count', 6)],
      }),
      duneHttpError(404),
    );
  });

  test('getLastResultCSV follows x-dune-next-uri itself and stitches the pages', async () => {
    const csv = await strata.alice.exec.getLastResultCSV(queryId, { limit: 2 });
    assert.equal(csv.data, "n,tag\n0,it's\n1,it's\n2,it's\n3,it's\n4,it's\n");
    assert.equal(csv.next_uri, null);
  });

  test('runSql creates, runs, reads and archives a query', async () => {
    const results = await strata.alice.runSql({
      name: 'client-compat runSql',
      query_sql: 'select 42 as answer',
      isPrivate: true,
      archiveAfter: true,
      opts: { pingFrequency: 0.1 },
    });
    assert.equal(results.state, 'QUERY_STATE_COMPLETED');
    assert.deepEqual(results.result.rows, [{ answer: 42 }]);
    assert.ok(results.query_id > 0);

    const query = await strata.alice.query.readQuery(results.query_id);
    assert.equal(query.is_archived, true);
    assert.equal(query.is_private, true);
    await assert.rejects(
      strata.alice.exec.executeQuery(results.query_id),
      duneHttpError(
        403,
        '{"error":"Not allowed to execute query. Query is archived, unsaved or not enough permissions"}',
      ),
    );
  });
});
