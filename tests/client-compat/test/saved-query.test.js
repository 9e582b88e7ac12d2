// Saved queries through the unmodified Dune SDK against a running Strata
// server. Beyond ad-hoc SQL, this is the only public SDK path that follows
// next_uri by itself (getLatestResult -> getLastExecutionResults, and
// getLastResultCSV), and the path `DuneClient.runSql` takes. Also the query
// management calls: updateQuery, runQuery with parameters, archiveQuery /
// unarchiveQuery, makePrivate / makePublic, each checked with readQuery.
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

  // ---------------------------------------------------------------- query management

  let managedId;

  test('updateQuery changes name, description, SQL, tags and parameters; readQuery shows them', async () => {
    managedId = await strata.alice.query.createQuery({
      name: 'client-compat managed',
      query_sql: 'select {{n}} as n',
      query_parameters: [QueryParameter.number('n', 1)],
      is_private: true,
    });
    const before = await strata.alice.query.readQuery(managedId);
    assert.equal(before.name, 'client-compat managed');

    const sql = "select {{n}} * 2 as n, '{{label}}' as label";
    const updated = await strata.alice.query.updateQuery(managedId, {
      name: 'client-compat managed, renamed',
      description: 'changed by updateQuery',
      query_sql: sql,
      query_parameters: [QueryParameter.number('n', 2), QueryParameter.text('label', 'x')],
      tags: ['compat', 'sdk'],
    });
    assert.equal(updated, managedId);

    const after = await strata.alice.query.readQuery(managedId);
    assert.equal(after.query_id, managedId);
    assert.equal(after.name, 'client-compat managed, renamed');
    assert.equal(after.description, 'changed by updateQuery');
    assert.equal(after.query_sql, sql);
    assert.deepEqual(after.tags, ['compat', 'sdk']);
    assert.equal(after.is_private, true);
    assert.ok(after.version > before.version, `version ${before.version} -> ${after.version}`);
    const byKey = Object.fromEntries(after.parameters.map((p) => [p.key, p]));
    assert.deepEqual(Object.keys(byKey).sort(), ['label', 'n']);
    assert.equal(byKey.n.type, 'number');
    assert.equal(byKey.n.value, '2');
    assert.equal(byKey.label.type, 'text');
    assert.equal(byKey.label.value, 'x');

    // Only the name: the SQL, parameters and version stay.
    await strata.alice.query.updateQuery(managedId, { name: 'client-compat managed, final' });
    const named = await strata.alice.query.readQuery(managedId);
    assert.equal(named.name, 'client-compat managed, final');
    assert.equal(named.query_sql, sql);
    assert.equal(named.version, after.version);
    assert.deepEqual(named.tags, ['compat', 'sdk']);
    assert.equal(named.parameters.length, 2);

    // Someone else's private query: not found.
    await assert.rejects(
      strata.bob.query.updateQuery(managedId, { name: 'bob was here', query_sql: 'select 1' }),
      duneHttpError(404, '{"error":"Query not found"}'),
    );
  });

  test('runQuery with parameters executes, waits and returns the rows', async () => {
    assert.ok(managedId, 'needs the managed query');
    const results = await strata.alice.runQuery({
      queryId: managedId,
      query_parameters: [QueryParameter.number('n', 21), QueryParameter.text('label', "it's 'quoted'")],
      opts: { pingFrequency: 0.1 },
    });
    assert.equal(results.state, 'QUERY_STATE_COMPLETED');
    assert.equal(results.query_id, managedId);
    assert.deepEqual(results.result.rows, [{ n: 42, label: "it's 'quoted'" }]);

    // One parameter given: the other takes its saved default.
    const partly = await strata.alice.runQuery({
      queryId: managedId,
      query_parameters: [QueryParameter.text('label', 'y')],
      opts: { pingFrequency: 0.1 },
    });
    assert.deepEqual(partly.result.rows, [{ n: 4, label: 'y' }]);

    // None given: the defaults.
    const defaults = await strata.alice.runQuery({ queryId: managedId, opts: { pingFrequency: 0.1 } });
    assert.deepEqual(defaults.result.rows, [{ n: 4, label: 'x' }]);
    assert.notEqual(defaults.execution_id, results.execution_id);

    // A value its type rejects, and a name the query does not have: 400s the SDK surfaces.
    await assert.rejects(
      strata.alice.runQuery({
        queryId: managedId,
        query_parameters: [QueryParameter.number('n', 'twenty')],
        opts: { pingFrequency: 0.1 },
      }),
      duneHttpError(400),
    );
    await assert.rejects(
      strata.alice.runQuery({
        queryId: managedId,
        query_parameters: [QueryParameter.text('nope', 'x')],
        opts: { pingFrequency: 0.1 },
      }),
      duneHttpError(400, '{"error":"unknown parameters (nope)"}'),
    );
  });

  test('archiveQuery and unarchiveQuery flip is_archived; an archived query cannot run', async () => {
    assert.ok(managedId, 'needs the managed query');
    assert.equal(await strata.alice.query.archiveQuery(managedId), true);
    const archived = await strata.alice.query.readQuery(managedId);
    assert.equal(archived.is_archived, true);
    await assert.rejects(
      strata.alice.runQuery({ queryId: managedId, opts: { pingFrequency: 0.1 } }),
      duneHttpError(
        403,
        '{"error":"Not allowed to execute query. Query is archived, unsaved or not enough permissions"}',
      ),
    );

    assert.equal(await strata.alice.query.unarchiveQuery(managedId), false);
    assert.equal((await strata.alice.query.readQuery(managedId)).is_archived, false);
    const results = await strata.alice.runQuery({ queryId: managedId, opts: { pingFrequency: 0.1 } });
    assert.equal(results.state, 'QUERY_STATE_COMPLETED');
  });

  test('makePublic and makePrivate flip is_private; others see the query only while public', async () => {
    assert.ok(managedId, 'needs the managed query');
    assert.equal((await strata.alice.query.readQuery(managedId)).is_private, true);
    await assert.rejects(strata.bob.query.readQuery(managedId), duneHttpError(404, '{"error":"Query not found"}'));

    assert.equal(await strata.alice.query.makePublic(managedId), managedId);
    const open = await strata.alice.query.readQuery(managedId);
    assert.equal(open.is_private, false);
    const seenByBob = await strata.bob.query.readQuery(managedId);
    assert.equal(seenByBob.owner, open.owner);
    assert.equal(seenByBob.is_private, false);

    // Bob may run it (as himself) but not change it.
    const bobs = await strata.bob.runQuery({
      queryId: managedId,
      query_parameters: [QueryParameter.number('n', 5)],
      opts: { pingFrequency: 0.1 },
    });
    assert.deepEqual(bobs.result.rows, [{ n: 10, label: 'x' }]);
    // Bob's run read nothing private of his: it is the public query's result for everyone, readable by its id.
    assert.equal((await strata.alice.exec.getExecutionStatus(bobs.execution_id)).state, 'QUERY_STATE_COMPLETED');
    await assert.rejects(strata.bob.query.makePrivate(managedId), duneHttpError(403));
    await assert.rejects(strata.bob.query.archiveQuery(managedId), duneHttpError(403));
    await assert.rejects(strata.bob.query.updateQuery(managedId, { name: 'bob was here' }), duneHttpError(403));

    assert.equal(await strata.alice.query.makePrivate(managedId), managedId);
    const closed = await strata.alice.query.readQuery(managedId);
    assert.equal(closed.is_private, true);
    assert.equal(closed.is_archived, false);
    assert.equal(closed.name, 'client-compat managed, final');
    await assert.rejects(strata.bob.query.readQuery(managedId), duneHttpError(404, '{"error":"Query not found"}'));
  });
});
