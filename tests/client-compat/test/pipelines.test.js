// Materialized views and pipelines through the unmodified Dune SDK: views are
// made over HTTP (the 0.4.0 client has no materialized-view API), then
// exec.executeQueryPipeline runs a query's pipeline and
// pipeline.getPipelineStatus reports it in the shape the client declares.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readEnv, setUpStrata, duneHttpError, EXECUTION_ID } from '../lib/strata.js';

readEnv();

async function post(strata, path, body, apiKey = strata.apiKey) {
  const response = await fetch(`${strata.baseUrl}/api/v1/${path}`, {
    method: 'POST',
    headers: { 'x-dune-api-key': apiKey, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function until(read, done, { timeoutMs = 60_000, intervalMs = 50 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

describe('pipelines through the Dune SDK', () => {
  let strata;
  const suffix = Math.random().toString(16).slice(2, 10);
  const viewA = `result_cc_a_${suffix}`;
  const viewB = `result_cc_b_${suffix}`;
  let queryId;

  before(async () => {
    strata = await setUpStrata();
    const qa = await strata.alice.query.createQuery({ name: 'cc view a', query_sql: 'select 3 as v', is_private: true });
    const qb = await strata.alice.query.createQuery({ name: 'cc view b', query_sql: `select v * 2 as v from dune.alice.${viewA}`, is_private: true });
    queryId = await strata.alice.query.createQuery({ name: 'cc final', query_sql: `select v + 1 as v from dune.alice.${viewB}`, is_private: true });
    for (const [name, id] of [[viewA, qa], [viewB, qb]]) {
      const made = await post(strata, 'materialized-views', { name, query_id: id, cron_expression: '0 * * * *' });
      assert.equal(made.status, 200, JSON.stringify(made.body));
      assert.equal(made.body.name, `dune.alice.${name}`);
      assert.match(made.body.execution_id, EXECUTION_ID);
      await until(
        async () => (await fetch(`${strata.baseUrl}/api/v1/materialized-views/dune.alice.${name}`, { headers: { 'x-dune-api-key': strata.apiKey } })).json(),
        (view) => view.table_execution_id === made.body.execution_id || view.last_error,
      );
    }
  });

  after(() => strata?.restore());

  test('executeQueryPipeline refreshes the views in order, then runs the query; getPipelineStatus reports every node', async () => {
    const { pipeline_execution_id: id } = await strata.alice.exec.executeQueryPipeline(queryId, { performance: 'medium' });
    assert.match(id, EXECUTION_ID);
    const status = await until(() => strata.alice.pipeline.getPipelineStatus(id), (s) => s.status === 'completed' || s.status === 'failed');
    assert.equal(status.status, 'completed', JSON.stringify(status));
    assert.equal(status.node_executions.length, 3);
    const [a, b, last] = status.node_executions;
    assert.deepEqual([a.id, b.id, last.id], [1, 2, 3]);
    assert.equal(a.materialized_view_refresh_status.name, `dune.alice.${viewA}`);
    assert.equal(b.materialized_view_refresh_status.name, `dune.alice.${viewB}`);
    assert.equal(last.query_execution_status.query_id, queryId);
    for (const node of [a.materialized_view_refresh_status, b.materialized_view_refresh_status, last.query_execution_status]) {
      assert.equal(node.status, 'QUERY_STATE_COMPLETED');
      assert.match(node.execution_id, EXECUTION_ID);
    }
    const result = await strata.alice.exec.getExecutionResults(last.query_execution_status.execution_id);
    assert.deepEqual(result.result.rows, [{ v: 7 }]);
  });

  test('another handle cannot read the pipeline nor run a pipeline of a private query', async () => {
    const { pipeline_execution_id: id } = await strata.alice.exec.executeQueryPipeline(queryId);
    await assert.rejects(strata.bob.pipeline.getPipelineStatus(id), duneHttpError(404, '{"error":"Pipeline execution not found"}'));
    await assert.rejects(strata.bob.exec.executeQueryPipeline(queryId), duneHttpError(404, '{"error":"Query not found"}'));
    await until(() => strata.alice.pipeline.getPipelineStatus(id), (s) => s.status === 'completed' || s.status === 'failed');
  });
});
