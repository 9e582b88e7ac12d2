namespace Strata.Engine.DuckDb;

/// <summary>
/// Balancer's gauges and veBAL, in Dune's names and columns:
/// <list type="bullet">
/// <item><c>labels.balancer_gauges</c> (the union of <c>labels_balancer_gauges_&lt;chain&gt;.sql</c>, also kept as
/// <c>labels.balancer_gauges_&lt;chain&gt;</c> views): one gauge for each demo Balancer V2 and V3 pool. Every gauge's
/// <c>address</c> is its gauge on Ethereum (the root gauge for another chain's pool, whose <c>child_gauge_address</c> is the
/// chain's gauge; NULL on Ethereum), named by the chain's prefix and the pool's label (<c>'arb:' || name</c>), active.</item>
/// <item><c>balancer_ethereum.veBAL_evt_Deposit</c> and <c>veBAL_call_create_lock</c>: one lock (type 1, CREATE_LOCK) for the
/// first of a wallet's Ethereum transactions picked one in a hundred, of 10 to 10,000 B-80BAL-20WETH, the requested unlock
/// time one to 52 weeks on, locked to the Thursday week boundary before it (as veBAL rounds it).
/// <c>veBAL_evt_Withdraw</c>: a lock ending within the span is withdrawn in its wallet's first transaction after it ends.
/// <c>GaugeController_evt_VoteForGauge</c>: each lock's wallet gives all its weight (10,000) to one gauge in the lock's
/// transaction. Log indexes 30,000 (veBAL) and 40,000 (the vote) + the transaction's index, clear of the demo's own.</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    private const string VeBal = "c128a9954e6c874ea3d62ce62b468ba073093f25", GaugeController = "c128468b7ce63ea702c1f104d55a2566b13d3abd";

    private static readonly Dictionary<string, string> GaugePrefixes = new(StringComparer.Ordinal)
    {
        ["ethereum"] = "eth", ["polygon"] = "pol", ["arbitrum"] = "arb", ["optimism"] = "op", ["avalanche_c"] = "ava", ["base"] = "base", ["gnosis"] = "gno",
    };

    private static IEnumerable<string> GaugeTables => BalancerChains.Select(c => $"labels.balancer_gauges_{c}").Concat(
    [
        "labels.balancer_gauges", "balancer_ethereum.veBAL_evt_Deposit", "balancer_ethereum.veBAL_evt_Withdraw",
        "balancer_ethereum.veBAL_call_create_lock", "balancer_ethereum.GaugeController_evt_VoteForGauge",
    ]);

    /// <summary>The gauge and veBAL statements; they read the V2 and V3 scripts' pool tables, so they run before those are dropped.</summary>
    private static IEnumerable<string> GaugeScript(Sizes size)
    {
        string prefixes = string.Join(", ", GaugePrefixes.Select(p => $"('{p.Key}', '{p.Value}')"));
        string end = Sql(size.End);
        yield return $$"""
            CREATE OR REPLACE TABLE labels.balancer_gauges AS
            WITH pools AS (
                SELECT chain, j, k, pool_address, pool_symbol AS name, 0 AS v FROM demo_bal_pools
                UNION ALL SELECT chain, j, k, pool, name, 1 FROM demo_bal3_pools
            ), prefix(chain, prefix) AS (VALUES {{prefixes}})
            SELECT p.chain AS blockchain, demo_addr(1000 * v + 100 * j + k, 990) AS address, pool_address,
                   CASE WHEN p.chain <> 'ethereum' THEN demo_addr(1000 * v + 100 * j + k, 991) END AS child_gauge_address,
                   x.prefix || ':' || name AS name, 'active' AS status, 'balancer_gauges' AS category, 'balancerlabs' AS contributor,
                   'query' AS source, TIMESTAMP '2022-01-13' AS created_at, demo_tz({{end}}) AS updated_at,
                   'balancer_gauges_' || p.chain AS model_name, 'identifier' AS label_type
            FROM pools p JOIN prefix x ON x.chain = p.chain
            ORDER BY blockchain, v, k;
            """ + string.Concat(BalancerChains.Select(chain =>
            $"CREATE OR REPLACE VIEW labels.balancer_gauges_{chain} AS SELECT * FROM labels.balancer_gauges WHERE blockchain = '{chain}';\n"));
        // A wallet's first picked transaction creates its lock; the unlock request is rounded down to a week (veBAL's WEEK
        // counts from the epoch, a Thursday).
        yield return $$"""
            CREATE SCHEMA IF NOT EXISTS balancer_ethereum;
            CREATE OR REPLACE TEMP TABLE demo_vebal_locks AS
            WITH picked AS (
                SELECT hash, "from" AS provider, "to", "index", block_time, block_number, block_date,
                       row_number() OVER (PARTITION BY "from" ORDER BY block_number, "index") AS n
                FROM ethereum.transactions WHERE success AND demo_int(hash, 992, 100) = 0
            )
            SELECT hash, provider, "to", "index", block_time, block_number, block_date, CAST(epoch(block_time) AS BIGINT) AS ts,
                   CAST(printf('%.0f', pow(10, 1 + 3 * demo_u(hash, 995))) AS HUGEINT) * CAST(1e18 AS HUGEINT) AS value,
                   CAST(epoch(block_time) AS BIGINT) + 604800 * (1 + demo_int(hash, 996, 52)) AS unlock_request,
                   (CAST(epoch(block_time) AS BIGINT) + 604800 * (1 + demo_int(hash, 996, 52))) // 604800 * 604800 AS locktime,
                   demo_int(hash, 997, (SELECT count(*) FROM labels.balancer_gauges)) AS gauge_n
            FROM picked WHERE n = 1;
            CREATE OR REPLACE TABLE balancer_ethereum."veBAL_evt_Deposit" AS
            SELECT unhex('{{VeBal}}') AS contract_address, hash AS evt_tx_hash, provider AS evt_tx_from, "to" AS evt_tx_to, "index" AS evt_tx_index,
                   30000 + "index" AS evt_index, block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date,
                   provider, CAST(value AS {{Uint256Type}}) AS value, CAST(locktime AS {{Uint256Type}}) AS locktime, CAST(1 AS {{Uint256Type}}) AS type,
                   CAST(ts AS {{Uint256Type}}) AS ts
            FROM demo_vebal_locks ORDER BY evt_block_number, evt_index;
            CREATE OR REPLACE TABLE balancer_ethereum."veBAL_call_create_lock" AS
            SELECT unhex('{{VeBal}}') AS contract_address, true AS call_success, hash AS call_tx_hash, provider AS call_tx_from, "to" AS call_tx_to,
                   "index" AS call_tx_index, [0]::BIGINT[] AS call_trace_address, block_time AS call_block_time, block_number AS call_block_number,
                   block_date AS call_block_date, CAST(value AS {{Uint256Type}}) AS _value, CAST(unlock_request AS {{Uint256Type}}) AS _unlock_time
            FROM demo_vebal_locks ORDER BY call_block_number, call_tx_index;
            CREATE OR REPLACE TABLE balancer_ethereum."veBAL_evt_Withdraw" AS
            WITH w AS (
                SELECT l.provider, l.value, t.hash, t."to", t."index", t.block_time, t.block_number, t.block_date,
                       row_number() OVER (PARTITION BY l.provider ORDER BY t.block_number, t."index") AS n
                FROM demo_vebal_locks l JOIN ethereum.transactions t ON t."from" = l.provider AND t.success AND epoch(t.block_time) >= l.locktime
            )
            SELECT unhex('{{VeBal}}') AS contract_address, hash AS evt_tx_hash, provider AS evt_tx_from, "to" AS evt_tx_to, "index" AS evt_tx_index,
                   30000 + "index" AS evt_index, block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date,
                   provider, CAST(value AS {{Uint256Type}}) AS value, CAST(CAST(epoch(block_time) AS BIGINT) AS {{Uint256Type}}) AS ts
            FROM w WHERE n = 1 ORDER BY evt_block_number, evt_index;
            CREATE OR REPLACE TABLE balancer_ethereum."GaugeController_evt_VoteForGauge" AS
            WITH g AS (SELECT address, row_number() OVER (ORDER BY blockchain, address) - 1 AS n FROM labels.balancer_gauges)
            SELECT unhex('{{GaugeController}}') AS contract_address, hash AS evt_tx_hash, provider AS evt_tx_from, "to" AS evt_tx_to, "index" AS evt_tx_index,
                   40000 + "index" AS evt_index, block_time AS evt_block_time, block_number AS evt_block_number, block_date AS evt_block_date,
                   CAST(ts AS {{Uint256Type}}) AS "time", provider AS "user", g.address AS gauge_addr, CAST(10000 AS {{Uint256Type}}) AS weight
            FROM demo_vebal_locks l JOIN g ON g.n = l.gauge_n ORDER BY evt_block_number, evt_index;
            DROP TABLE IF EXISTS temp.main.demo_vebal_locks;
            """;
    }
}
