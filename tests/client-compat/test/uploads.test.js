// Uploaded tables ("bring your own data") and usage through the unmodified Dune
// SDK against a running Strata server (contract section 5, docs/uploads.md):
// uploads.create (and already_existed), uploads.uploadCsv with type inference
// and replacement, uploads.insert with CSV and NDJSON Buffers (and the
// content-type sniffing an application/json body gets), uploads.clear,
// uploads.delete, uploads.list paged with limit/offset/next_offset,
// usage.getUsage, and the deprecated table.create / uploadCsv / insert / delete
// (plus the legacy clear route through the SDK's low-level post). Every write is
// checked by reading the table back with SQL through the same client. Errors (a
// foreign namespace, a bad value, an unknown table) must surface as DuneErrors
// carrying the server's status and body.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ColumnType, ContentType } from '@duneanalytics/client-sdk';
import { readEnv, setUpStrata, runSqlToTerminal, duneHttpError, TIMESTAMP } from '../lib/strata.js';

// Fail fast, before any test is declared, when the server's coordinates are missing.
readEnv();

const ALICE = 'alice';
const BOB = 'bob';
// Unique per run, so reruns against one server do not collide.
const RUN = `${Date.now()}_${process.pid}`;
const MAIN = `compat_main_${RUN}`;
const PAGE_A = `compat_page_a_${RUN}`;
const PAGE_B = `compat_page_b_${RUN}`;
const CSV_TABLE = `compat_csv_${RUN}`;
const USAGE_TABLE = `compat_usage_${RUN}`;
const LEGACY = `compat_legacy_${RUN}`;
const LEGACY_CSV = `compat_legacy_csv_${RUN}`;
const NEVER = `compat_never_${RUN}`;

const U256_MAX = '115792089237316195423570985008687907853269984665640564039457584007913129639935'; // 2^256 - 1
const I256_MIN = '-57896044618658097711785492504343953926634992332820282019728792003956564819968'; // -2^255
const U128_PLUS_1 = '340282366920938463463374607431768211456'; // 2^128: beyond a 128-bit unsigned integer
const I128_MIN_MINUS_1 = '-170141183460469231731687303715884105729'; // -(2^127 + 1): beyond a 128-bit integer

const MAIN_SCHEMA = [
  { name: 'id', type: ColumnType.Integer, nullable: false },
  { name: 'name', type: ColumnType.Varchar },
  { name: 'amount', type: ColumnType.Bigint },
  { name: 'price', type: ColumnType.Double },
  { name: 'flag', type: ColumnType.Boolean },
  { name: 'ts', type: ColumnType.Timestamp },
  { name: 'day', type: ColumnType.Date },
  { name: 'data', type: ColumnType.Varbinary },
  { name: 'big', type: ColumnType.Uint256 },
  { name: 'signed', type: ColumnType.Int256 },
  { name: 'dec', type: 'decimal(10,2)' }, // not in the SDK's ColumnType enum, but documented by Strata
];
const MAIN_COLUMNS = MAIN_SCHEMA.map((c) => c.name);
// How a query's result metadata names those types (contract section 7). uint256 and int256 are two
// types in the engine (docs/notes/dunesql-types.md), named as declared.
const MAIN_RESULT_TYPES = [
  'integer',
  'varchar',
  'bigint',
  'double',
  'boolean',
  'timestamp(3)',
  'date',
  'varbinary',
  'uint256',
  'int256',
  'decimal(10,2)',
];

// Columns in another order and case than the schema; `dec` is absent (NULL);
// quoting, an embedded newline, empty fields (NULL), mixed-case hex, " UTC" and
// an offset on timestamps, and the extremes of the 256-bit types.
const MAIN_CSV = [
  'signed,ID,Name,amount,price,flag,ts,day,data,big',
  `-5,1,"Smith, Jane",9007199254740991,1.5,true,2024-01-02 03:04:05.123 UTC,2024-02-29,0xDEADbeef,${U256_MAX}`,
  `${I256_MIN},2,"say ""hi""",0,-0.25,f,2024-01-02T05:04:05+02:00,2000-01-01,0x00,0`,
  '7,3,"multi',
  'line",,,,,,,',
  '',
].join('\n');

// Written by hand, not with JSON.stringify: `signed` is a JSON number wider than
// a double (the text is the value); `big` is a string, as a JS client has to send it.
// Keys match the column names exactly (docs/decisions.md 25: NDJSON keys are case-sensitive).
const MAIN_NDJSON =
  `{"id":4,"name":"ünïcødé ✓ 日本","amount":-9007199254740991,"price":1e-7,"flag":false,` +
  `"ts":"2024-03-04T05:06:07Z","day":"1999-12-31","data":"0x00ff","big":"${U128_PLUS_1}",` +
  `"signed":${I128_MIN_MINUS_1},"dec":123.45}\n` +
  `{"id":5,"name":null,"flag":true,"dec":-0.01}\n`;

function mainRow(values) {
  return Object.fromEntries(MAIN_COLUMNS.map((c) => [c, values[c] ?? null]));
}

const MAIN_ROWS_CSV = [
  mainRow({
    id: 1,
    name: 'Smith, Jane',
    amount: 9007199254740991,
    price: 1.5,
    flag: true,
    ts: '2024-01-02 03:04:05.123 UTC',
    day: '2024-02-29',
    data: '0xdeadbeef',
    big: U256_MAX,
    signed: '-5',
  }),
  mainRow({
    id: 2,
    name: 'say "hi"',
    amount: 0,
    price: -0.25,
    flag: false,
    ts: '2024-01-02 03:04:05.000 UTC',
    day: '2000-01-01',
    data: '0x00',
    big: '0',
    signed: I256_MIN,
  }),
  mainRow({ id: 3, name: 'multi\nline', signed: '7' }),
];
const MAIN_ROWS_NDJSON = [
  mainRow({
    id: 4,
    name: 'ünïcødé ✓ 日本',
    amount: -9007199254740991,
    price: 1e-7,
    flag: false,
    ts: '2024-03-04 05:06:07.000 UTC',
    day: '1999-12-31',
    data: '0x00ff',
    big: U128_PLUS_1,
    signed: I128_MIN_MINUS_1,
    dec: 123.45,
  }),
  mainRow({ id: 5, flag: true, dec: -0.01 }),
];
const MAIN_ROWS_SNIFFED = [mainRow({ id: 6, name: 'sniffed ndjson' }), mainRow({ id: 7, name: 'sniffed csv' })];

/** A validator for assert.rejects: a DuneError for HTTP `status` whose body is `{"error": <text>}` with `check(text)`. */
function duneErrorMatching(status, check) {
  return (err) => {
    duneHttpError(status)(err);
    const body = err.message.slice(`Response Error: HTTP - Status: ${status}, Message: `.length);
    let parsed;
    try {
      parsed = JSON.parse(body);
    } catch {
      assert.fail(`error body is not JSON: ${body}`);
    }
    assert.deepEqual(Object.keys(parsed), ['error'], `error body ${body}`);
    assert.equal(typeof parsed.error, 'string', `error body ${body}`);
    check?.(parsed.error);
    return true;
  };
}

const notFound = (table) => duneHttpError(404, JSON.stringify({ error: `Table dune.${ALICE}.${table} not found` }));

/**
 * Runs `fn` while recording what the SDK hands to fetch (URL before the redirect, method,
 * headers, body), so a test can pin down the request the server has to accept.
 */
async function recordingRequests(fn) {
  const inner = globalThis.fetch;
  const requests = [];
  globalThis.fetch = (input, init) => {
    requests.push({ url: String(input), method: init?.method, headers: init?.headers ?? {}, body: init?.body });
    return inner(input, init);
  };
  try {
    return { value: await fn(), requests };
  } finally {
    globalThis.fetch = inner;
  }
}

/** Runs SQL to completion with the SDK and returns the whole `result` ({rows, metadata}). */
async function query(client, sql) {
  const { executionId, status } = await runSqlToTerminal(client, sql);
  assert.equal(status.state, 'QUERY_STATE_COMPLETED', `${sql}: ${JSON.stringify(status)}`);
  const results = await client.exec.getExecutionResults(executionId);
  assert.ok(!('next_uri' in results), 'one page');
  return results.result;
}

/** Runs SQL that must fail (an unknown or invisible table) and returns the final status. */
async function queryFails(client, sql) {
  const { status } = await runSqlToTerminal(client, sql);
  assert.equal(status.state, 'QUERY_STATE_FAILED', `${sql}: ${JSON.stringify(status)}`);
  assert.equal(typeof status.error?.message, 'string', JSON.stringify(status));
  return status;
}

async function countRows(client, table) {
  const result = await query(client, `select count(*) as n from dune.${ALICE}.${table}`);
  return result.rows[0].n;
}

/** Every one of the caller's tables, by paging with `limit` until next_offset is absent. */
async function listAll(client, limit) {
  const tables = [];
  let offset = 0;
  for (let pages = 0; ; pages++) {
    assert.ok(pages < 10_000, 'next_offset chain does not end');
    const page = await client.uploads.list({ limit, offset });
    assert.ok(Array.isArray(page.tables), JSON.stringify(page));
    assert.ok(page.tables.length <= limit, `page of ${page.tables.length} > limit ${limit}`);
    tables.push(...page.tables);
    if (!('next_offset' in page)) break;
    assert.equal(page.tables.length, limit, 'only a full page has a next_offset');
    assert.equal(page.next_offset, offset + page.tables.length, 'next_offset advances by the page');
    offset = page.next_offset;
  }
  return tables;
}

function createdResponse(table, alreadyExisted) {
  return {
    namespace: ALICE,
    table_name: table,
    full_name: `dune.${ALICE}.${table}`,
    example_query: `SELECT * FROM dune.${ALICE}.${table} LIMIT 10`,
    already_existed: alreadyExisted,
    message: `Table dune.${ALICE}.${table} ${alreadyExisted ? 'already exists' : 'created'}`,
  };
}

describe('uploaded tables and usage through the Dune SDK', () => {
  let strata;
  /** [client, namespace, table] of everything this file may have created, deleted in `after`. */
  const created = [];

  before(async () => {
    strata = await setUpStrata();
  });

  after(async () => {
    if (!strata) return;
    for (const [client, namespace, table_name] of created) {
      try {
        await client.uploads.delete({ namespace, table_name });
      } catch {
        // Already deleted by a test, or never created.
      }
    }
    strata.restore();
  });

  // ---------------------------------------------------------------- create

  test('uploads.create answers the full name and example query; a repeat says already_existed', async () => {
    created.push([strata.alice, ALICE, MAIN]);
    const args = { namespace: ALICE, table_name: MAIN, schema: MAIN_SCHEMA, description: 'client-compat main table' };
    assert.deepEqual(await strata.alice.uploads.create(args), createdResponse(MAIN, false));
    assert.deepEqual(await strata.alice.uploads.create(args), createdResponse(MAIN, true));
  });

  test('a new table reads back as zero rows with its columns', async () => {
    const empty = await query(strata.alice, `select * from dune.${ALICE}.${MAIN}`);
    assert.deepEqual(empty.rows, []);
    assert.deepEqual(empty.metadata.column_names, MAIN_COLUMNS);
    assert.equal(empty.metadata.total_row_count, 0);
  });

  test('uploads.create refusals: another schema 409, bad type or name 400, a foreign namespace 403', async () => {
    await assert.rejects(
      strata.alice.uploads.create({
        namespace: ALICE,
        table_name: MAIN,
        schema: [{ name: 'id', type: ColumnType.Bigint }],
      }),
      duneErrorMatching(409),
    );
    await assert.rejects(
      strata.alice.uploads.create({
        namespace: ALICE,
        table_name: NEVER,
        schema: [
          { name: 'ok', type: ColumnType.Integer },
          { name: 'weird', type: 'text' },
        ],
      }),
      duneErrorMatching(400, (message) => {
        assert.match(message, /weird/, 'names the column');
        assert.match(message, /text/, 'names the type');
      }),
    );
    await assert.rejects(
      strata.alice.uploads.create({
        namespace: ALICE,
        table_name: `bad-name-${RUN}`,
        schema: [{ name: 'x', type: ColumnType.Integer }],
      }),
      duneErrorMatching(400),
    );
    await assert.rejects(
      strata.alice.uploads.create({ namespace: ALICE, table_name: NEVER, schema: [] }),
      duneErrorMatching(400, (message) => assert.match(message, /schema/)),
    );
    await assert.rejects(
      strata.bob.uploads.create({
        namespace: ALICE,
        table_name: NEVER,
        schema: [{ name: 'x', type: ColumnType.Integer }],
      }),
      duneErrorMatching(403),
    );
    await assert.rejects(
      strata.alice.uploads.create({
        namespace: 'ethereum',
        table_name: NEVER,
        schema: [{ name: 'x', type: ColumnType.Integer }],
      }),
      duneErrorMatching(403),
    );
    // None of the refused creates left a table behind.
    await queryFails(strata.alice, `select * from dune.${ALICE}.${NEVER}`);
  });

  // ---------------------------------------------------------------- insert

  test('uploads.insert with CSV (ContentType.Csv, Buffer body) writes exactly the rows', async () => {
    const body = Buffer.from(MAIN_CSV, 'utf8');
    const { value: response, requests } = await recordingRequests(() =>
      strata.alice.uploads.insert({
        namespace: ALICE,
        table_name: MAIN,
        data: body,
        content_type: ContentType.Csv,
      }),
    );
    // What the SDK sends: the Buffer as is, with the content type given.
    assert.equal(requests.length, 1);
    assert.equal(requests[0].url, `https://api.dune.com/api/v1/uploads/${ALICE}/${MAIN}/insert`);
    assert.equal(requests[0].method, 'POST');
    assert.equal(requests[0].headers['Content-Type'], 'text/csv');
    assert.equal(requests[0].body, body);
    assert.deepEqual(response, { rows_written: 3, bytes_written: body.length, name: `dune.${ALICE}.${MAIN}` });

    const result = await query(strata.alice, `select * from dune.${ALICE}.${MAIN} order by id`);
    assert.deepEqual(result.metadata.column_names, MAIN_COLUMNS);
    assert.deepEqual(result.rows, MAIN_ROWS_CSV);
  });

  test('uploads.insert with NDJSON (ContentType.NDJson) appends exactly the rows', async () => {
    const body = Buffer.from(MAIN_NDJSON, 'utf8');
    assert.notEqual(body.length, MAIN_NDJSON.length, 'the body has multi-byte characters');
    const response = await strata.alice.uploads.insert({
      namespace: ALICE,
      table_name: MAIN,
      data: body,
      content_type: ContentType.NDJson,
    });
    assert.deepEqual(response, { rows_written: 2, bytes_written: body.length, name: `dune.${ALICE}.${MAIN}` });

    const result = await query(strata.alice, `select * from dune.${ALICE}.${MAIN} order by id`);
    assert.deepEqual(result.rows, [...MAIN_ROWS_CSV, ...MAIN_ROWS_NDJSON]);
  });

  test('NDJSON keys are case-sensitive, unlike CSV headers (decisions.md 25): "ID" is an unknown key', async () => {
    // docs/uploads.md ("CSV header names and NDJSON keys name table columns (ignoring case)") says
    // otherwise; this pins decision 25, which the server implements.
    await assert.rejects(
      strata.alice.uploads.insert({
        namespace: ALICE,
        table_name: MAIN,
        data: Buffer.from('{"id":90}\n{"ID":91}\n'),
        content_type: ContentType.NDJson,
      }),
      duneErrorMatching(400, (message) => assert.match(message, /^row 2: unknown key "ID"/)),
    );
    const result = await query(strata.alice, `select count(*) as n from dune.${ALICE}.${MAIN} where id >= 90`);
    assert.deepEqual(result.rows, [{ n: 0 }]);
  });

  test('uploads.insert with ContentType.Json: the first non-blank byte picks NDJSON or CSV', async () => {
    const ndjson = Buffer.from('{"id":6,"name":"sniffed ndjson"}\n');
    assert.deepEqual(
      await strata.alice.uploads.insert({ namespace: ALICE, table_name: MAIN, data: ndjson, content_type: ContentType.Json }),
      { rows_written: 1, bytes_written: ndjson.length, name: `dune.${ALICE}.${MAIN}` },
    );
    const csv = Buffer.from('id,name\n7,sniffed csv\n');
    assert.deepEqual(
      await strata.alice.uploads.insert({ namespace: ALICE, table_name: MAIN, data: csv, content_type: ContentType.Json }),
      { rows_written: 1, bytes_written: csv.length, name: `dune.${ALICE}.${MAIN}` },
    );

    // Read back through DuneClient.runSql as well (a saved query, run, read, archived).
    const results = await strata.alice.runSql({
      query_sql: `select * from dune.${ALICE}.${MAIN} where id in (6, 7) order by id`,
      isPrivate: true,
      archiveAfter: true,
      opts: { pingFrequency: 0.1 },
    });
    assert.equal(results.state, 'QUERY_STATE_COMPLETED');
    assert.deepEqual(results.result.rows, MAIN_ROWS_SNIFFED);
  });

  test('result metadata names the column types (uint256 and int256 as declared, docs/notes/dunesql-types.md)', async () => {
    const result = await query(strata.alice, `select * from dune.${ALICE}.${MAIN} order by id limit 1`);
    assert.deepEqual(result.metadata.column_names, MAIN_COLUMNS);
    assert.deepEqual(result.metadata.column_types, MAIN_RESULT_TYPES);
  });

  test('a bad value is a 400 naming row, column and value, and writes nothing', async () => {
    const insert = (text, content_type) =>
      strata.alice.uploads.insert({ namespace: ALICE, table_name: MAIN, data: Buffer.from(text), content_type });
    const ids = async () =>
      (await query(strata.alice, `select id from dune.${ALICE}.${MAIN} order by id`)).rows.map((r) => r.id);
    const before = await ids();
    assert.ok(before.length > 0 && before.every((id) => id < 10), JSON.stringify(before));

    await assert.rejects(
      insert('id,amount\n10,5\n11,1.5\n12,6\n', ContentType.Csv),
      duneErrorMatching(400, (message) => assert.match(message, /^row 2, column "amount": .*"1\.5"/)),
    );
    await assert.rejects(
      insert('{"id":10,"data":"0x00"}\n{"id":11,"data":"0xabc"}\n', ContentType.NDJson),
      duneErrorMatching(400, (message) => assert.match(message, /^row 2, column "data": .*"0xabc"/)),
    );
    await assert.rejects(
      insert('id,big\n10,-1\n', ContentType.Csv),
      duneErrorMatching(400, (message) => assert.match(message, /^row 1, column "big": .*"-1"/)),
    );
    await assert.rejects(
      insert(`id,signed\n10,${U256_MAX}\n`, ContentType.Csv),
      duneErrorMatching(400, (message) => assert.match(message, /^row 1, column "signed": /)),
    );
    await assert.rejects(
      insert('id,day\n10,2024-02-30\n', ContentType.Csv),
      duneErrorMatching(400, (message) => assert.match(message, /^row 1, column "day": .*"2024-02-30"/)),
    );
    await assert.rejects(
      insert('id,amount\n10,1_000\n', ContentType.Csv),
      duneErrorMatching(400, (message) => assert.match(message, /^row 1, column "amount": .*"1_000"/)),
    );
    // An unknown column, a missing NOT NULL column, a NULL in it, a malformed CSV.
    await assert.rejects(
      insert('id,nope\n10,1\n', ContentType.Csv),
      duneErrorMatching(400, (message) => assert.match(message, /nope/)),
    );
    await assert.rejects(
      insert('{"id":10,"nope":1}\n', ContentType.NDJson),
      duneErrorMatching(400, (message) => assert.match(message, /nope/)),
    );
    await assert.rejects(
      insert('name\nx\n', ContentType.Csv),
      duneErrorMatching(400, (message) => assert.match(message, /\bid\b/)),
    );
    await assert.rejects(
      insert('{"id":10}\n{"id":null,"name":"x"}\n', ContentType.NDJson),
      duneErrorMatching(400, (message) => assert.match(message, /\bid\b/)),
    );
    await assert.rejects(insert('id,name\n10,"unterminated\n', ContentType.Csv), duneErrorMatching(400));
    await assert.rejects(insert('id,name\n10,a,extra\n', ContentType.Csv), duneErrorMatching(400));

    // All or nothing: none of the good rows before the bad ones are in the table.
    assert.deepEqual(await ids(), before);
  });

  test('an unknown table is a 404 for insert, clear and delete', async () => {
    const data = Buffer.from('id\n1\n');
    await assert.rejects(
      strata.alice.uploads.insert({ namespace: ALICE, table_name: NEVER, data, content_type: ContentType.Csv }),
      notFound(NEVER),
    );
    await assert.rejects(strata.alice.uploads.clear({ namespace: ALICE, table_name: NEVER }), notFound(NEVER));
    await assert.rejects(strata.alice.uploads.delete({ namespace: ALICE, table_name: NEVER }), notFound(NEVER));
  });

  test("bob gets a 403 for alice's namespace, whether the table exists or not, and changes nothing", async () => {
    const data = Buffer.from('id\n99\n');
    const before = await countRows(strata.alice, MAIN);
    assert.ok(before > 0);
    const bodies = [];
    for (const table_name of [MAIN, NEVER]) {
      await assert.rejects(
        strata.bob.uploads.insert({ namespace: ALICE, table_name, data, content_type: ContentType.Csv }),
        duneErrorMatching(403, (message) => bodies.push(message.replaceAll(table_name, '<table>'))),
      );
      await assert.rejects(strata.bob.uploads.clear({ namespace: ALICE, table_name }), duneErrorMatching(403));
      await assert.rejects(strata.bob.uploads.delete({ namespace: ALICE, table_name }), duneErrorMatching(403));
      await assert.rejects(
        strata.bob.table.insert({ namespace: ALICE, table_name, data, content_type: ContentType.Csv }),
        duneErrorMatching(403),
      );
      await assert.rejects(strata.bob.table.delete({ namespace: ALICE, table_name }), duneErrorMatching(403));
    }
    assert.equal(bodies[0], bodies[1], 'a 403 does not tell whether the table exists');
    assert.equal(await countRows(strata.alice, MAIN), before);
  });

  test("bob reads alice's public table but not her private one", async () => {
    const priv = `compat_private_${RUN}`;
    created.push([strata.alice, ALICE, priv]);
    await strata.alice.uploads.create({
      namespace: ALICE,
      table_name: priv,
      schema: [{ name: 'secret', type: ColumnType.Varchar }],
      is_private: true,
    });
    await strata.alice.uploads.insert({
      namespace: ALICE,
      table_name: priv,
      data: Buffer.from('secret\nhush\n'),
      content_type: ContentType.Csv,
    });
    assert.deepEqual((await query(strata.alice, `select * from dune.${ALICE}.${priv}`)).rows, [{ secret: 'hush' }]);

    const open = await query(strata.bob, `select id, name from dune.${ALICE}.${MAIN} where id <= 2 order by id`);
    assert.deepEqual(open.rows, [
      { id: 1, name: 'Smith, Jane' },
      { id: 2, name: 'say "hi"' },
    ]);
    // To bob the private table reads exactly like one that never existed, and no "Did you mean"
    // suggestion for a near-miss name gives it away.
    const hidden = await queryFails(strata.bob, `select * from dune.${ALICE}.${priv}`);
    const never = await queryFails(strata.bob, `select * from dune.${ALICE}.${NEVER}`);
    assert.equal(hidden.error.type, never.error.type);
    assert.equal(
      hidden.error.message.split('\n')[0].replaceAll(priv, '<t>'),
      never.error.message.split('\n')[0].replaceAll(NEVER, '<t>'),
    );
    const nearMiss = await queryFails(strata.bob, `select * from dune.${ALICE}.${priv.slice(0, -1)}`);
    assert.ok(!nearMiss.error.message.includes(priv), nearMiss.error.message);
    const catalog = await query(
      strata.bob,
      `select count(*) as n from information_schema.tables where table_name = '${priv}'`,
    );
    assert.deepEqual(catalog.rows, [{ n: 0 }], 'information_schema does not list it for bob');
  });

  // ---------------------------------------------------------------- CSV upload

  test('uploads.uploadCsv creates dataset_<name> with types inferred from every value', async () => {
    created.push([strata.alice, ALICE, `dataset_${CSV_TABLE}`]);
    const data = [
      'flag,small,wide,huge,negwide,ratio,day,at,bytes,text,empty,mixed',
      `true,1,2147483648,${U256_MAX},-9223372036854775809,1.5,2024-01-01,2024-01-01 10:00:00,0xabcd,hello,,1`,
      'false,-2147483648,-3,0,5,2,2024-12-31,2024-06-30T23:59:59Z,0x01,"a,b",,x',
      ',,,,,,,,,,,',
      '',
    ].join('\n');
    const ok = await strata.alice.uploads.uploadCsv({
      table_name: CSV_TABLE,
      data,
      description: 'client-compat CSV upload',
      is_private: true,
    });
    assert.equal(ok, true);

    const result = await query(strata.alice, `select * from dune.${ALICE}.dataset_${CSV_TABLE} order by small nulls last`);
    assert.deepEqual(result.metadata.column_names, [
      'flag', 'small', 'wide', 'huge', 'negwide', 'ratio', 'day', 'at', 'bytes', 'text', 'empty', 'mixed',
    ]);
    assert.deepEqual(result.rows, [
      {
        flag: false, small: -2147483648, wide: -3, huge: '0', negwide: '5', ratio: 2, day: '2024-12-31',
        at: '2024-06-30 23:59:59.000 UTC', bytes: '0x01', text: 'a,b', empty: null, mixed: 'x',
      },
      {
        flag: true, small: 1, wide: 2147483648, huge: U256_MAX, negwide: '-9223372036854775809', ratio: 1.5,
        day: '2024-01-01', at: '2024-01-01 10:00:00.000 UTC', bytes: '0xabcd', text: 'hello', empty: null, mixed: '1',
      },
      {
        flag: null, small: null, wide: null, huge: null, negwide: null, ratio: null, day: null,
        at: null, bytes: null, text: null, empty: null, mixed: null,
      },
    ]);
    // The inferred types, as listed (Strata's schema) ...
    const listed = (await listAll(strata.alice, 10_000)).find((t) => t.table_name === `dataset_${CSV_TABLE}`);
    assert.deepEqual(listed.columns.map(({ name, type }) => ({ name, type })), [
      { name: 'flag', type: 'boolean' },
      { name: 'small', type: 'integer' },
      { name: 'wide', type: 'bigint' },
      { name: 'huge', type: 'uint256' },
      { name: 'negwide', type: 'int256' },
      { name: 'ratio', type: 'double' },
      { name: 'day', type: 'date' },
      { name: 'at', type: 'timestamp' },
      { name: 'bytes', type: 'varbinary' },
      { name: 'text', type: 'varchar' },
      { name: 'empty', type: 'varchar' },
      { name: 'mixed', type: 'varchar' },
    ]);
    assert.equal(listed.row_count, 3);
    assert.equal(listed.is_private, true);
    assert.equal(listed.description, 'client-compat CSV upload');
    // ... and as a query names them.
    assert.deepEqual(result.metadata.column_types, [
      'boolean', 'integer', 'bigint', 'uint256', 'int256', 'double', 'date', 'timestamp(3)', 'varbinary', 'varchar', 'varchar', 'varchar',
    ]);

    // Private: bob's queries do not see it.
    await queryFails(strata.bob, `select * from dune.${ALICE}.dataset_${CSV_TABLE}`);
  });

  test('uploading the same name again replaces the table (full answer via the SDK\'s post)', async () => {
    // uploads.uploadCsv only returns Boolean(success); the SDK's low-level post shows the whole answer.
    const response = await strata.alice.uploads.post('uploads/csv', {
      table_name: CSV_TABLE,
      data: 'a,b\n1,x\n2,\n',
      description: 'replaced',
      is_private: true,
    });
    const table = `dataset_${CSV_TABLE}`;
    const documented = {
      success: true,
      table_name: table,
      full_name: `dune.${ALICE}.${table}`,
      example_query: `SELECT * FROM dune.${ALICE}.${table} LIMIT 10`,
      rows_written: 2,
    };
    // The documented fields, exactly (extra fields are allowed: clients ignore unknown fields).
    assert.deepEqual(Object.fromEntries(Object.keys(documented).map((k) => [k, response[k]])), documented);
    const result = await query(strata.alice, `select * from dune.${ALICE}.${table} order by a`);
    assert.deepEqual(result.metadata.column_names, ['a', 'b']);
    assert.deepEqual(result.metadata.column_types, ['integer', 'varchar']);
    assert.deepEqual(result.rows, [
      { a: 1, b: 'x' },
      { a: 2, b: null },
    ]);
  });

  // ---------------------------------------------------------------- list

  test('uploads.list: own tables only, newest first, paged with limit/offset and next_offset', async () => {
    created.push([strata.alice, ALICE, PAGE_A], [strata.alice, ALICE, PAGE_B]);
    const schema = [{ name: 'x', type: ColumnType.Integer }];
    await strata.alice.uploads.create({ namespace: ALICE, table_name: PAGE_A, schema });
    await strata.alice.uploads.create({
      namespace: ALICE,
      table_name: PAGE_B,
      schema: [{ name: 'Mixed_Case', type: ColumnType.Varchar, nullable: false }],
      description: 'page b',
      is_private: true,
    });

    const whole = await strata.alice.uploads.list({ limit: 10_000, offset: 0 });
    assert.ok(!('next_offset' in whole), 'no next_offset when everything fits');
    const all = whole.tables;
    const names = all.map((t) => t.full_name);
    assert.equal(new Set(names).size, names.length, 'no table listed twice');
    for (const t of all) {
      assert.equal(t.namespace, ALICE, `only alice's tables: ${t.full_name}`);
      assert.deepEqual(t.owner, { handle: ALICE, type: 'user' });
      assert.equal(t.full_name, `dune.${ALICE}.${t.table_name}`);
      assert.match(t.created_at, TIMESTAMP);
      assert.match(t.updated_at, TIMESTAMP);
      assert.equal(typeof t.table_size_bytes, 'string');
      assert.match(t.table_size_bytes, /^\d+$/);
      assert.ok(Number.isSafeInteger(t.row_count) && t.row_count >= 0, `row_count ${t.row_count}`);
    }
    const createdAt = all.map((t) => t.created_at);
    assert.deepEqual(createdAt, [...createdAt].sort().reverse(), 'newest first');
    const at = (table) => names.indexOf(`dune.${ALICE}.${table}`);
    assert.ok(at(PAGE_B) >= 0 && at(PAGE_A) >= 0 && at(MAIN) >= 0, JSON.stringify(names));
    assert.ok(at(PAGE_B) < at(PAGE_A) && at(PAGE_A) < at(MAIN), 'newest first');

    const main = all[at(MAIN)];
    assert.equal(main.table_name, MAIN);
    assert.equal(main.is_private, false);
    assert.equal(main.description, 'client-compat main table');
    assert.deepEqual(
      main.columns,
      MAIN_SCHEMA.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable ?? true })),
    );
    assert.equal(main.row_count, await countRows(strata.alice, MAIN));
    assert.ok(main.row_count > 0);
    assert.ok(Number(main.table_size_bytes) > 0);

    const pageB = all[at(PAGE_B)];
    assert.equal(pageB.is_private, true);
    assert.equal(pageB.description, 'page b');
    assert.deepEqual(pageB.columns, [{ name: 'Mixed_Case', type: 'varchar', nullable: false }]);
    assert.equal(pageB.row_count, 0);
    assert.equal(pageB.table_size_bytes, '0');

    const csv = all[at(`dataset_${CSV_TABLE}`)];
    assert.ok(csv, 'the CSV upload is listed');
    assert.deepEqual(
      csv.columns.map(({ name, type }) => ({ name, type })),
      [
        { name: 'a', type: 'integer' },
        { name: 'b', type: 'varchar' },
      ],
    );
    assert.equal(csv.row_count, 2);
    assert.equal(csv.is_private, true);

    // Paged by 2 (and by 1): the same list in the same order.
    assert.deepEqual(await listAll(strata.alice, 2), all);
    assert.deepEqual(
      (await listAll(strata.alice, 1)).map((t) => t.full_name),
      names,
    );
    // The first page of two, explicitly.
    const { value: first, requests } = await recordingRequests(() => strata.alice.uploads.list({ limit: 2, offset: 0 }));
    assert.deepEqual(
      requests.map(({ url, method }) => ({ url, method })),
      [{ url: 'https://api.dune.com/api/v1/uploads?limit=2&offset=0', method: 'GET' }],
    );
    assert.ok(all.length > 2, 'at least main, page_a, page_b and the CSV upload');
    assert.deepEqual(first, { tables: all.slice(0, 2), next_offset: 2 });
    // Past the end: no tables, no next_offset.
    assert.deepEqual(await strata.alice.uploads.list({ limit: 5, offset: all.length + 10 }), { tables: [] });
    // No arguments: the SDK sends no query string; the default limit is 20.
    const defaults = await strata.alice.uploads.list();
    assert.deepEqual(defaults.tables, all.slice(0, 20));
    if (all.length > 20) assert.equal(defaults.next_offset, 20);
    else assert.ok(!('next_offset' in defaults));

    // A limit out of range is a 400.
    await assert.rejects(strata.alice.uploads.list({ limit: 0 }), duneErrorMatching(400, (m) => assert.match(m, /limit/)));
    await assert.rejects(strata.alice.uploads.list({ limit: 10_001 }), duneErrorMatching(400, (m) => assert.match(m, /limit/)));

    // bob lists none of alice's tables.
    const bobs = await listAll(strata.bob, 100);
    for (const t of bobs) {
      assert.equal(t.namespace, BOB, `bob sees ${t.full_name}`);
      assert.deepEqual(t.owner, { handle: BOB, type: 'user' });
    }
  });

  // ---------------------------------------------------------------- usage

  test('usage.getUsage: bytes_used follows the stored table files; credits count executions', async () => {
    const { value: usage0, requests } = await recordingRequests(() => strata.alice.usage.getUsage());
    assert.deepEqual(
      requests.map(({ url, method, body }) => ({ url, method, body })),
      [{ url: 'https://api.dune.com/api/v1/usage', method: 'POST', body: '{}' }],
    );
    assert.deepEqual(Object.keys(usage0).sort(), [
      'billing_periods', 'bytes_allowed', 'bytes_used', 'private_dashboards', 'private_queries',
    ]);
    assert.ok(Number.isSafeInteger(usage0.bytes_used) && usage0.bytes_used > 0, `bytes_used ${usage0.bytes_used}`);
    assert.ok(Number.isSafeInteger(usage0.bytes_allowed) && usage0.bytes_allowed >= usage0.bytes_used);
    assert.ok(Number.isSafeInteger(usage0.private_queries) && usage0.private_queries >= 0);
    assert.equal(usage0.private_dashboards, 0);
    assert.equal(usage0.billing_periods.length, 1);
    const period = usage0.billing_periods[0];
    const now = new Date();
    const start = new Date(period.start_date);
    assert.ok(!Number.isNaN(start.getTime()), `start_date ${period.start_date}`);
    assert.equal(start.getUTCFullYear(), now.getUTCFullYear(), `start_date ${period.start_date}`);
    assert.equal(start.getUTCMonth(), now.getUTCMonth(), `start_date ${period.start_date}`);
    assert.equal(start.getUTCDate(), 1, `start_date ${period.start_date}`);
    assert.ok(new Date(period.end_date) > start, `end_date ${period.end_date}`);
    assert.ok(Number.isSafeInteger(period.credits_used) && period.credits_used >= 1, 'this file ran executions');
    assert.ok(Number.isSafeInteger(period.credits_included) && period.credits_included >= 0);

    // bytes_used covers at least every listed table file.
    const listed = (await listAll(strata.alice, 10_000)).reduce((sum, t) => sum + Number(t.table_size_bytes), 0);
    assert.ok(usage0.bytes_used >= listed, `bytes_used ${usage0.bytes_used} < listed tables ${listed}`);

    // A new table with 5,000 rows adds exactly its table_size_bytes; deleting it takes them away again.
    const bobUsage0 = await strata.bob.usage.getUsage();
    created.push([strata.alice, ALICE, USAGE_TABLE]);
    await strata.alice.uploads.create({
      namespace: ALICE,
      table_name: USAGE_TABLE,
      schema: [
        { name: 'n', type: ColumnType.Bigint },
        { name: 's', type: ColumnType.Varchar },
      ],
    });
    const lines = ['n,s'];
    for (let n = 0; n < 5000; n++) lines.push(`${n},row number ${n} of the usage table`);
    const inserted = await strata.alice.uploads.insert({
      namespace: ALICE,
      table_name: USAGE_TABLE,
      data: Buffer.from(lines.join('\n') + '\n'),
      content_type: ContentType.Csv,
    });
    assert.equal(inserted.rows_written, 5000);
    const usage1 = await strata.alice.usage.getUsage();
    const listedTable = (await listAll(strata.alice, 10_000)).find((t) => t.table_name === USAGE_TABLE);
    assert.equal(listedTable.row_count, 5000);
    const size = Number(listedTable.table_size_bytes);
    assert.ok(size > 0);
    assert.equal(usage1.bytes_used - usage0.bytes_used, size, 'bytes_used grows by the table size');
    assert.equal((await strata.bob.usage.getUsage()).bytes_used, bobUsage0.bytes_used, "alice's table is not bob's");

    assert.deepEqual(await strata.alice.uploads.delete({ namespace: ALICE, table_name: USAGE_TABLE }), {
      message: `Table dune.${ALICE}.${USAGE_TABLE} deleted`,
    });
    const usage2 = await strata.alice.usage.getUsage();
    assert.equal(usage2.bytes_used, usage0.bytes_used, 'deleting the table gives its bytes back');

    // One more execution counts one more credit.
    await query(strata.alice, 'select 1 as one');
    const usage3 = await strata.alice.usage.getUsage();
    assert.ok(
      usage3.billing_periods[0].credits_used >= usage2.billing_periods[0].credits_used + 1,
      `credits_used ${usage2.billing_periods[0].credits_used} -> ${usage3.billing_periods[0].credits_used}`,
    );
    assert.ok(usage3.bytes_used > usage2.bytes_used, 'the new result file counts');
  });

  // ---------------------------------------------------------------- clear and delete

  test('uploads.clear empties the table and keeps its schema', async () => {
    const { value: cleared, requests } = await recordingRequests(() =>
      strata.alice.uploads.clear({ namespace: ALICE, table_name: MAIN }),
    );
    // The SDK posts a JSON body "{}" to the clear route.
    assert.deepEqual(
      requests.map(({ url, method, headers, body }) => ({ url, method, type: headers['Content-Type'], body })),
      [{ url: `https://api.dune.com/api/v1/uploads/${ALICE}/${MAIN}/clear`, method: 'POST', type: 'application/json', body: '{}' }],
    );
    assert.deepEqual(cleared, { message: `Table dune.${ALICE}.${MAIN} cleared` });

    const listed = (await listAll(strata.alice, 10_000)).find((t) => t.table_name === MAIN);
    assert.equal(listed.row_count, 0);
    assert.equal(listed.table_size_bytes, '0');
    assert.equal(listed.columns.length, MAIN_SCHEMA.length);

    const empty = await query(strata.alice, `select * from dune.${ALICE}.${MAIN}`);
    assert.deepEqual(empty.rows, []);
    assert.deepEqual(empty.metadata.column_names, MAIN_COLUMNS);
  });

  test('a cleared table takes inserts again and keeps its identity', async () => {
    await strata.alice.uploads.insert({
      namespace: ALICE,
      table_name: MAIN,
      data: Buffer.from('{"id":42,"name":"after clear"}\n'),
      content_type: ContentType.NDJson,
    });
    assert.deepEqual((await query(strata.alice, `select * from dune.${ALICE}.${MAIN}`)).rows, [
      mainRow({ id: 42, name: 'after clear' }),
    ]);
    assert.deepEqual(
      await strata.alice.uploads.create({ namespace: ALICE, table_name: MAIN, schema: MAIN_SCHEMA }),
      createdResponse(MAIN, true),
    );
  });

  test('uploads.delete removes the table: queries fail, a second delete is a 404', async () => {
    const { value: deleted, requests } = await recordingRequests(() =>
      strata.alice.uploads.delete({ namespace: ALICE, table_name: MAIN }),
    );
    // The SDK's DELETE carries a JSON body "{}" too.
    assert.deepEqual(
      requests.map(({ url, method, headers, body }) => ({ url, method, type: headers['Content-Type'], body })),
      [{ url: `https://api.dune.com/api/v1/uploads/${ALICE}/${MAIN}`, method: 'DELETE', type: 'application/json', body: '{}' }],
    );
    assert.deepEqual(deleted, { message: `Table dune.${ALICE}.${MAIN} deleted` });
    await queryFails(strata.alice, `select * from dune.${ALICE}.${MAIN}`);
    await assert.rejects(strata.alice.uploads.delete({ namespace: ALICE, table_name: MAIN }), notFound(MAIN));
    await assert.rejects(strata.alice.uploads.clear({ namespace: ALICE, table_name: MAIN }), notFound(MAIN));
    await assert.rejects(
      strata.alice.uploads.insert({
        namespace: ALICE,
        table_name: MAIN,
        data: Buffer.from('id\n1\n'),
        content_type: ContentType.Csv,
      }),
      notFound(MAIN),
    );
    const names = (await listAll(strata.alice, 10_000)).map((t) => t.table_name);
    assert.ok(!names.includes(MAIN), 'no longer listed');

    // The CSV upload is deleted the same way, by its dataset_ name.
    const table = `dataset_${CSV_TABLE}`;
    assert.deepEqual(await strata.alice.uploads.delete({ namespace: ALICE, table_name: table }), {
      message: `Table dune.${ALICE}.${table} deleted`,
    });
    await queryFails(strata.alice, `select * from dune.${ALICE}.${table}`);
  });

  // ---------------------------------------------------------------- deprecated /v1/table paths

  test('deprecated table.create and table.insert (CSV with CRLF, NDJSON without a final newline)', async () => {
    created.push([strata.alice, ALICE, LEGACY], [strata.alice, ALICE, `dataset_${LEGACY_CSV}`]);
    const schema = [
      { name: 'k', type: ColumnType.Varchar },
      { name: 'v', type: ColumnType.Integer, nullable: false },
    ];
    const args = { namespace: ALICE, table_name: LEGACY, schema, description: 'legacy' };
    assert.deepEqual(await strata.alice.table.create(args), createdResponse(LEGACY, false));
    assert.deepEqual(await strata.alice.table.create(args), createdResponse(LEGACY, true));
    // One store behind both paths.
    assert.deepEqual(await strata.alice.uploads.create(args), createdResponse(LEGACY, true));
    await assert.rejects(
      strata.bob.table.create({ ...args, table_name: NEVER }),
      duneErrorMatching(403),
    );

    const csv = Buffer.from('k,v\r\na,1\r\n"b, c",2\r\n');
    assert.deepEqual(
      await strata.alice.table.insert({ namespace: ALICE, table_name: LEGACY, data: csv, content_type: ContentType.Csv }),
      { rows_written: 2, bytes_written: csv.length, name: `dune.${ALICE}.${LEGACY}` },
    );
    const ndjson = Buffer.from('{"k":"d","v":3}\n{"k":null,"v":4}');
    assert.deepEqual(
      await strata.alice.table.insert({
        namespace: ALICE,
        table_name: LEGACY,
        data: ndjson,
        content_type: ContentType.NDJson,
      }),
      { rows_written: 2, bytes_written: ndjson.length, name: `dune.${ALICE}.${LEGACY}` },
    );
    await assert.rejects(
      strata.alice.table.insert({
        namespace: ALICE,
        table_name: LEGACY,
        data: Buffer.from('k,v\nx,5\ny,five\n'),
        content_type: ContentType.Csv,
      }),
      duneErrorMatching(400, (message) => assert.match(message, /^row 2, column "v": .*"five"/)),
    );
    const result = await query(strata.alice, `select * from dune.${ALICE}.${LEGACY} order by v`);
    assert.deepEqual(result.metadata.column_types, ['varchar', 'integer']);
    assert.deepEqual(result.rows, [
      { k: 'a', v: 1 },
      { k: 'b, c', v: 2 },
      { k: 'd', v: 3 },
      { k: null, v: 4 },
    ]);
  });

  test('the legacy clear route (the TableAPI has no clear(); the SDK\'s low-level post reaches it)', async () => {
    assert.deepEqual(await strata.alice.table.post(`table/${ALICE}/${LEGACY}/clear`), {
      message: `Table dune.${ALICE}.${LEGACY} cleared`,
    });
    const listed = (await listAll(strata.alice, 10_000)).find((t) => t.table_name === LEGACY);
    assert.equal(listed.row_count, 0);
    assert.deepEqual((await query(strata.alice, `select * from dune.${ALICE}.${LEGACY}`)).rows, []);
  });

  test('deprecated table.uploadCsv and table.delete', async () => {
    assert.equal(await strata.alice.table.uploadCsv({ table_name: LEGACY_CSV, data: 'x,y\n1,one\n' }), true);
    assert.deepEqual((await query(strata.alice, `select * from dune.${ALICE}.dataset_${LEGACY_CSV}`)).rows, [
      { x: 1, y: 'one' },
    ]);
    const listed = (await listAll(strata.alice, 10_000)).find((t) => t.table_name === `dataset_${LEGACY_CSV}`);
    assert.equal(listed.is_private, false, "is_private defaults to false (the SDK's uploadCsv sends none)");

    assert.deepEqual(await strata.alice.table.delete({ namespace: ALICE, table_name: LEGACY }), {
      message: `Table dune.${ALICE}.${LEGACY} deleted`,
    });
    assert.deepEqual(await strata.alice.table.delete({ namespace: ALICE, table_name: `dataset_${LEGACY_CSV}` }), {
      message: `Table dune.${ALICE}.dataset_${LEGACY_CSV} deleted`,
    });
    await assert.rejects(strata.alice.table.delete({ namespace: ALICE, table_name: LEGACY }), notFound(LEGACY));
    await assert.rejects(strata.alice.uploads.delete({ namespace: ALICE, table_name: LEGACY }), notFound(LEGACY));
    await queryFails(strata.alice, `select * from dune.${ALICE}.${LEGACY}`);
  });
});
