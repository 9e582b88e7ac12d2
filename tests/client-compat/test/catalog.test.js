// Issue 12 through the unmodified Dune SDK: the dataset catalog (dataset.list,
// dataset.getBySlug), custom endpoints (custom.getResults) and the latest
// result of another owner's public query (getLatestResult,
// exec.getLastExecutionResults), with another owner's private dataset and
// endpoint looking exactly like missing ones.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readEnv, setUpStrata, waitForTerminal, duneHttpError } from '../lib/strata.js';

readEnv();

const tag = Math.random().toString(36).slice(2, 10);

async function postJson(strata, apiKey, path, body) {
  const response = await fetch(`${strata.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'x-dune-api-key': apiKey, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  assert.equal(response.status, 200, JSON.stringify(json));
  return json;
}

describe('catalog, endpoints and public results through the Dune SDK', () => {
  let strata;

  before(async () => {
    strata = await setUpStrata();
  });

  after(() => strata?.restore());

  test('dataset.list pages chain tables with Dune types; dataset.getBySlug reads one', async () => {
    const page = await strata.alice.dataset.list({ type: 'dune_table,decoded_table', limit: 250 });
    // A page holds at most 250 (the demo has more chain tables than that): the first page is full or the whole list.
    assert.equal(page.datasets.length, Math.min(page.total, 250));
    const all = [...page.datasets];
    for (let offset = 250; offset < page.total; offset += 250) {
      all.push(...(await strata.alice.dataset.list({ type: 'dune_table,decoded_table', limit: 250, offset })).datasets);
    }
    assert.equal(all.length, page.total);
    const blocks = all.find((d) => d.full_name === 'ethereum.blocks');
    assert.ok(blocks, 'ethereum.blocks listed');
    assert.equal(blocks.type, 'dune_table');
    assert.deepEqual(blocks.owner, { handle: 'dune', type: 'team' });
    assert.equal(blocks.is_private, false);
    const types = Object.fromEntries(blocks.columns.map((c) => [c.name, c.type]));
    assert.equal(types.time, 'timestamp(3) with time zone');
    assert.equal(types.hash, 'varbinary');

    const one = await strata.alice.dataset.list({ type: 'dune_table', limit: 1, offset: 1 });
    assert.equal(one.datasets.length, 1);

    const transfer = await strata.bob.dataset.getBySlug('erc20_ethereum.evt_Transfer');
    assert.equal(transfer.type, 'decoded_table');
    assert.ok(transfer.columns.some((c) => c.name === 'value' && c.type === 'uint256' && typeof c.nullable === 'boolean'));
  });

  test("another owner's private upload is a 404 on getBySlug and absent from list", async () => {
    const hidden = `cc_hidden_${tag}`;
    await strata.alice.uploads.create({
      namespace: 'alice', table_name: hidden, is_private: true,
      schema: [{ name: 'id', type: 'bigint' }],
    });
    const own = await strata.alice.dataset.getBySlug(`dune.alice.${hidden}`);
    assert.equal(own.type, 'uploaded_table');
    assert.equal(own.is_private, true);
    assert.deepEqual(own.columns.map((c) => [c.name, c.type]), [['id', 'bigint']]);

    await assert.rejects(strata.bob.dataset.getBySlug(`dune.alice.${hidden}`), duneHttpError(404, '{"error":"Dataset not found"}'));
    const bobs = await strata.bob.dataset.list({ owner_handle: 'alice', type: 'uploaded_table', limit: 250 });
    assert.ok(!bobs.datasets.some((d) => d.full_name === `dune.alice.${hidden}`));
    await strata.alice.uploads.delete({ namespace: 'alice', table_name: hidden });
  });

  test("getLatestResult and exec.getLastExecutionResults read another owner's public query", async () => {
    const queryId = await strata.alice.query.createQuery({
      name: `cc public ${tag}`, query_sql: `select x, '${tag}' as tag from range(5) t(x) order by x`, is_private: false,
    });
    const run = await strata.alice.exec.executeQuery(queryId);
    assert.equal((await waitForTerminal(strata.alice, run.execution_id)).state, 'QUERY_STATE_COMPLETED');

    const latest = await strata.bob.getLatestResult({ queryId, opts: { batchSize: 2 } });
    assert.equal(latest.execution_id, run.execution_id);
    assert.deepEqual(latest.result.rows.map((r) => r.x), [0, 1, 2, 3, 4]);
    const { results, isExpired } = await strata.bob.exec.getLastExecutionResults(queryId);
    assert.equal(isExpired, false);
    assert.equal(results.execution_id, run.execution_id);

    await strata.alice.query.makePrivate(queryId);
    await assert.rejects(strata.bob.exec.getLastExecutionResults(queryId), duneHttpError(404));
  });

  test('custom.getResults serves a published endpoint with result parameters; a private one is 404 for others', async () => {
    const queryId = await strata.alice.query.createQuery({
      name: `cc endpoint ${tag}`, query_sql: `select x, '${tag}' as tag from range(6) t(x)`, is_private: false,
    });
    const slug = `cc-${tag}`;
    await postJson(strata, strata.apiKey, '/api/v1/endpoints', { slug, query_id: queryId, max_result_age_hours: 1 });

    const result = await strata.bob.custom.getResults({ handle: 'alice', slug, limit: 2, sort_by: 'x desc', columns: 'x' });
    assert.equal(result.state, 'QUERY_STATE_COMPLETED');
    assert.deepEqual(result.result.rows, [{ x: 5 }, { x: 4 }]);
    const filtered = await strata.bob.custom.getResults({ handle: 'alice', slug, filters: 'x < 2' });
    assert.equal(filtered.execution_id, result.execution_id);
    assert.equal(filtered.result.rows.length, 2);

    await strata.alice.query.makePrivate(queryId);
    await assert.rejects(strata.bob.custom.getResults({ handle: 'alice', slug }), duneHttpError(404, '{"error":"Endpoint not found"}'));
    const own = await strata.alice.custom.getResults({ handle: 'alice', slug, limit: 1 });
    assert.equal(own.result.rows.length, 1);
  });
});
