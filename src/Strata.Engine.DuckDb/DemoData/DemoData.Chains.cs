using System.Globalization;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Other chains than Ethereum: <c>&lt;chain&gt;.transactions</c>, <c>&lt;chain&gt;.blocks</c>, <c>&lt;chain&gt;.logs</c>,
/// <c>&lt;chain&gt;.traces</c> and <c>erc20_&lt;chain&gt;.evt_Transfer</c> for Base, Arbitrum, OP Mainnet, Polygon, Gnosis, BNB Chain and Avalanche C-Chain,
/// and their tokens in <c>tokens.erc20</c>.
/// </summary>
/// <remarks>
/// A chain's transactions are a deterministic sample of the Ethereum demo transactions (blob transactions
/// excepted), replayed on that chain at the same second: the same wallets, kinds, amounts, calldata and outcome,
/// with the chain's own hashes, block numbers (from its block time), fees, nonces and indexes. Well-known
/// tokens that exist on the chain with the same decimals have their real address there (USDC on Base is
/// <c>0x8335…2913</c>); every other token has a synthetic address of its own per chain. The logs and decoded
/// transfers are those of the sampled Ethereum transactions with the token contracts mapped, so
/// <c>erc20_base.evt_Transfer</c> is exactly the decoded <c>Transfer</c> logs of <c>base.logs</c>. A chain's
/// blocks are the blocks that hold its demo transactions. Column sets follow spellbook's
/// <c>evms_transactions.sql</c> (the L2 fee columns of OP Stack chains and Arbitrum) and the chains'
/// base sources.
/// </remarks>
public static partial class DemoData
{
    /// <summary>A chain of the demo besides Ethereum.</summary>
    /// <param name="Name">Dune's name: the schema of its raw tables, <c>blockchain</c> in the curated ones.</param>
    /// <param name="Share">Per mille of the Ethereum transactions replayed on this chain.</param>
    /// <param name="BlockMillis">Its block time.</param>
    /// <param name="ReferenceBlock">A block number at <paramref name="ReferenceUnix"/> (for OP Stack chains a
    /// genesis or Bedrock block; elsewhere an estimate).</param>
    /// <param name="FeePerMille">The chain's gas prices as per mille of the Ethereum transaction's.</param>
    /// <param name="Kind">"op" (OP Stack L1 fee columns), "arbitrum" (effective_gas_price, gas_used_for_l1) or "evm".</param>
    /// <param name="Tokens">Well-known token symbol → the token's real address on this chain (same decimals as on Ethereum).</param>
    public sealed record OtherChain(string Name, int Share, int BlockMillis, long ReferenceBlock, long ReferenceUnix, int FeePerMille, string Kind,
        IReadOnlyDictionary<string, string> Tokens);

    /// <summary>The other chains, in Dune's names.</summary>
    public static IReadOnlyList<OtherChain> OtherChains { get; } =
    [
        new("base", 80, 2000, 0, 1_686_789_347, 10, "op", new Dictionary<string, string>
        {
            ["WETH"] = "4200000000000000000000000000000000000006",
            ["USDC"] = "833589fcd6edb6e08f4c7c32d4f71b54bda02913",
            ["DAI"] = "50c5725949a6f0c72e6c4a641f24049a917db0cb",
        }),
        new("arbitrum", 60, 250, 166_000_000, 1_704_067_200, 10, "arbitrum", new Dictionary<string, string>
        {
            ["WETH"] = "82af49447d8a07e3bd95bd0d56f35241523fbab1",
            ["USDC"] = "af88d065e77c8cc2239327c5edb3a432268e5831",
            ["USDT"] = "fd086bc7cd5c481dcc9c85ebe478a1c0b69fcbb9",
            ["DAI"] = "da10009cbd5d07dd0cecc66161fc93d7c9000da1",
            ["WBTC"] = "2f2a2543b76a4166549f7aab2e75bef0aefc5b0f",
            ["LINK"] = "f97f4df75117a78c1a5a0dbb814af92458539fb4",
            ["UNI"] = "fa7f8980b0f1e64a2062791cc3b0871572f1f7f0",
        }),
        new("optimism", 30, 2000, 105_235_063, 1_686_068_903, 10, "op", new Dictionary<string, string>
        {
            ["WETH"] = "4200000000000000000000000000000000000006",
            ["USDC"] = "0b2c639c533813f4aa9d7837caf62653d097ff85",
            ["USDT"] = "94b008aa00579c1307b0ef2c499ad98a8ce58e58",
            ["DAI"] = "da10009cbd5d07dd0cecc66161fc93d7c9000da1",
            ["WBTC"] = "68f180fcce6836688e9084f035309e29bf0a2095",
            ["LINK"] = "350a791bfc2c21f9ed5d10980dad2e2638ffa7f6",
        }),
        new("polygon", 30, 2000, 51_800_000, 1_704_067_200, 300, "evm", new Dictionary<string, string>
        {
            ["WETH"] = "7ceb23fd6bc0add59e62ac25578270cff1b9f619",
            ["USDC"] = "3c499c542cef5e3811e1192ce70d8cc03d5c3359",
            ["USDT"] = "c2132d05d31c914a87c6611c10748aeb04b58e8f",
            ["DAI"] = "8f3cf7ad23cd3cadbd9735aff958023239c6a063",
            ["WBTC"] = "1bfd67037b42cf73acf2047067bd4f2c47d9bfd6",
        }),
        new("gnosis", 100, 5000, 31_700_000, 1_704_067_200, 5, "evm", new Dictionary<string, string>
        {
            ["WETH"] = "6a023ccd1ff6f2045c3309768ead9e68f978f6e1",
            ["USDC"] = "ddafbb505ad214d7b80b1f830fccc89b60fb7a83",
            ["USDT"] = "4ecaba5870353805a9f068101a40e0f32ed605c6",
        }),
        new("bnb", 30, 750, 52_500_000, 1_751_328_000, 20, "evm", new Dictionary<string, string>
        {
            ["WETH"] = "2170ed0880ac9a755fd29b2688956bd959f933f8",
        }),
        new("avalanche_c", 20, 2000, 40_000_000, 1_704_067_200, 20, "evm", new Dictionary<string, string>
        {
            ["WETH"] = "49d5c2bdffac6ce2bfdb6640f4f80f226bc10bab",
            ["USDC"] = "b97ef9ef8734c71904d8002f8b6bc66dd9c48a6e",
            ["USDT"] = "9702230a8ea53601f5cd2dc00fdbc13d4df4a8c7",
        }),
    ];

    /// <summary>The demo tables of the other chains, e.g. "base.transactions".</summary>
    private static IEnumerable<string> OtherChainTables() => OtherChains.SelectMany(c => new[]
    {
        $"{c.Name}.blocks", $"{c.Name}.transactions", $"{c.Name}.logs", $"{c.Name}.traces", $"erc20_{c.Name}.evt_Transfer",
    }).Concat(EvmsTables);

    private static IEnumerable<string> OtherChainScript()
    {
        // Every token's address per chain: the real one for a well-known token the chain has, else synthetic.
        string known = string.Join(",\n                ", ReplayedChains.SelectMany(c => c.Tokens.Select(t => $"('{c.Name}', '{t.Key}', unhex('{t.Value}'))")));
        string chains = string.Join(", ", ReplayedChains.Select((c, j) => $"('{c.Name}', {j})"));
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_chain_tokens AS
            WITH c(chain, j) AS (VALUES {{chains}}),
            k(chain, symbol, address) AS (VALUES
                {{known}})
            SELECT c.chain, t.id, t.address AS eth_address, coalesce(k.address, demo_addr(t.id, 900 + c.j)) AS address,
                   t.symbol, t.name, t.decimals
            FROM demo_tokens t CROSS JOIN c
            LEFT JOIN k ON k.chain = c.chain AND k.symbol = t.symbol AND t.id < {{WellKnownTokens.Count}}
            WHERE t.address NOT IN ({{EthereumOnlyTokensSql}})
            """;
        yield return """
            INSERT INTO tokens.erc20
            SELECT chain, address, symbol, name, decimals FROM demo_chain_tokens ORDER BY chain, id
            """;
        for (int j = 0; j < OtherChains.Count; j++)
        {
            foreach (string sql in OneChainScript(OtherChains[j], j))
            {
                yield return sql;
            }
        }
        foreach (string sql in OneChainScript(Tron, OtherChains.Count, traces: false).Concat(TronScript()))
        {
            yield return sql;
        }
        foreach (string sql in EvmsScript())
        {
            yield return sql;
        }
    }

    /// <summary>The chains replayed from the Ethereum sample (less the Ethereum-only kinds and tokens, DemoData.Homes.cs) (<see cref="OneChainScript"/>): the other EVM chains, then Tron.</summary>
    public static IEnumerable<OtherChain> ReplayedChains => OtherChains.Append(Tron);

    /// <param name="c">The chain.</param>
    /// <param name="j">Its place in <see cref="ReplayedChains"/> (seeds the chain's own choices).</param>
    /// <param name="traces">Whether Dune has a traces table for the chain (Tron's raw tables are blocks, transactions and logs).</param>
    private static IEnumerable<string> OneChainScript(OtherChain c, int j, bool traces = true)
    {
        string name = c.Name;
        string share = Sql(c.Share);
        string fee = Sql(c.FeePerMille);
        // Block numbers from the time: genesis-relative, with a random sub-second slot for chains faster than a
        // block a second, so that every block's time is its transactions' (whole) second.
        string perSecond = Sql(Math.Max(1, 1000 / c.BlockMillis));
        string number = c.BlockMillis < 1000
            ? $"{Sql(c.ReferenceBlock)} + (epoch(x.block_time)::BIGINT - {Sql(c.ReferenceUnix)}) * {perSecond} + demo_int(x.i, {Sql(960 + j)}, {perSecond})"
            : $"{Sql(c.ReferenceBlock)} + (epoch(x.block_time)::BIGINT - {Sql(c.ReferenceUnix)}) * 1000 // {Sql(c.BlockMillis)}";
        string time = c.BlockMillis < 1000
            ? "x.block_time"
            : $"make_timestamp(({Sql(c.ReferenceUnix)} + (number - {Sql(c.ReferenceBlock)}) * {Sql(c.BlockMillis)} // 1000) * 1000000)";
        string seed = Sql(800 + j * 10);

        yield return $"CREATE SCHEMA IF NOT EXISTS {name}; CREATE SCHEMA IF NOT EXISTS erc20_{name};";

        // The sample: the chain's transactions with their block, index, nonce and first log index.
        yield return $$"""
            CREATE OR REPLACE TEMP TABLE demo_chain_tx AS
            WITH x AS (
                SELECT x.*, {{number}} AS number
                FROM demo_tx x
                WHERE x.kind NOT IN ({{EthereumOnlyKindsSql}})
                  AND NOT list_has_any(coalesce(x.path_tok, []::BLOB[]), [{{EthereumOnlyTokensSql}}])
                  AND demo_int(x.i, {{seed}}, 1000) < {{share}}
            ), y AS (
                SELECT x.*, {{time}} AS chain_time,
                       (row_number() OVER (PARTITION BY number ORDER BY i) - 1)::BIGINT AS chain_index,
                       (row_number() OVER (PARTITION BY sender ORDER BY i) - 1 + demo_int(sender, {{seed}} + 1, 500))::BIGINT AS chain_nonce,
                       (sum(n_logs) OVER (PARTITION BY number ORDER BY i) - n_logs)::BIGINT AS chain_log_first
                FROM x
            )
            SELECT y.*, demo_hash(i, {{seed}} + 2) AS chain_hash, demo_hash(number, {{seed}} + 3) AS chain_block_hash,
                   coalesce(m.address, y.to_addr) AS chain_to
            FROM y LEFT JOIN demo_chain_tokens m ON m.chain = '{{name}}' AND m.eth_address = y.to_addr
            """;

        string l2Columns = c.Kind switch
        {
            "op" => $"""
                ,
                       (1000 + demo_int(i, {seed} + 4, 4000))::DECIMAL(38,0) AS l1_gas_used,
                       (base_fee * 2)::DECIMAL(38,0) AS l1_gas_price,
                       ((1000 + demo_int(i, {seed} + 4, 4000)) * base_fee * 2 * 684 // 1000000)::DECIMAL(38,0) AS l1_fee,
                       0.684::DOUBLE AS l1_fee_scalar,
                       ({Sql(ReferenceBlock)} + (epoch(block_time)::BIGINT - {Sql(ReferenceTime.ToUnixTimeSeconds())}) // 12 - 2)::DECIMAL(38,0) AS l1_block_number,
                       (epoch(block_time)::BIGINT - 24 - epoch(block_time)::BIGINT % 12)::BIGINT AS l1_timestamp,
                       CAST(NULL AS BLOB) AS l1_tx_origin
                """,
            "arbitrum" => $"""
                ,
                       (gas_price * {fee} // 1000)::DECIMAL(38,0) AS effective_gas_price,
                       (demo_int(i, {seed} + 4, 3000))::BIGINT AS gas_used_for_l1
                """,
            _ => "",
        };

        yield return $$"""
            CREATE OR REPLACE TABLE {{name}}.transactions AS
            SELECT demo_tz(chain_time) AS block_time,
                   number AS block_number,
                   value,
                   gas_limit::BIGINT AS gas_limit,
                   (gas_price * {{fee}} // 1000)::BIGINT AS gas_price,
                   gas_used::BIGINT AS gas_used,
                   (max_fee_per_gas * {{fee}} // 1000)::BIGINT AS max_fee_per_gas,
                   (max_priority_fee_per_gas * {{fee}} // 1000)::BIGINT AS max_priority_fee_per_gas,
                   ((gas_price - base_fee) * {{fee}} // 1000)::BIGINT AS priority_fee_per_gas,
                   chain_nonce AS nonce,
                   chain_index AS "index",
                   success,
                   sender AS "from",
                   chain_to AS "to",
                   chain_block_hash AS block_hash,
                   data,
                   chain_hash AS hash,
                   type,
                   access_list,
                   CAST(chain_time AS DATE) AS block_date{{l2Columns}}
            FROM demo_chain_tx
            ORDER BY block_number, "index"
            """;

        yield return $$"""
            CREATE OR REPLACE TABLE {{name}}.blocks AS
            SELECT demo_tz(any_value(chain_time)) AS time,
                   number,
                   30000000::BIGINT AS gas_limit,
                   sum(gas_used)::BIGINT AS gas_used,
                   0::{{Uint256Type}} AS difficulty,
                   0::{{Uint256Type}} AS total_difficulty,
                   (540 + sum(110 + octet_length(data)))::BIGINT AS size,
                   (min(base_fee) * {{fee}} // 1000)::BIGINT AS base_fee_per_gas,
                   any_value(chain_block_hash) AS hash,
                   demo_hash(number - 1, {{seed}} + 3) AS parent_hash,
                   demo_addr(number % 4, {{seed}} + 5) AS miner,
                   unhex('0000000000000000') AS nonce,
                   CAST(any_value(chain_time) AS DATE) AS date,
                   0::BIGINT AS blob_gas_used,
                   0::BIGINT AS excess_blob_gas,
                   demo_hash(number, {{seed}} + 6) AS parent_beacon_block_root
            FROM demo_chain_tx
            GROUP BY number
            ORDER BY number
            """;

        // The Ethereum logs of the sampled transactions, on this chain: token contracts mapped, block-wide indexes anew.
        yield return $$"""
            CREATE OR REPLACE TABLE {{name}}.logs AS
            SELECT demo_tz(t.chain_time) AS block_time,
                   t.number AS block_number,
                   t.chain_block_hash AS block_hash,
                   coalesce(m.address, l.contract_address) AS contract_address,
                   l.topic0, l.topic1, l.topic2, l.topic3, l.data,
                   t.chain_hash AS tx_hash,
                   t.chain_log_first + l."index" - t.log_first AS "index",
                   t.chain_index AS tx_index,
                   CAST(t.chain_time AS DATE) AS block_date,
                   t.sender AS tx_from,
                   t.chain_to AS tx_to
            FROM ethereum.logs l
            JOIN demo_chain_tx t ON t.hash = l.tx_hash AND t.block_number = l.block_number
            LEFT JOIN demo_chain_tokens m ON m.chain = '{{name}}' AND m.eth_address = l.contract_address
            ORDER BY block_number, "index"
            """;

        yield return $$"""
            CREATE OR REPLACE TABLE erc20_{{name}}."evt_Transfer" AS
            SELECT coalesce(m.address, e.contract_address) AS contract_address,
                   t.chain_hash AS evt_tx_hash,
                   t.sender AS evt_tx_from,
                   t.chain_to AS evt_tx_to,
                   t.chain_index AS evt_tx_index,
                   t.chain_log_first + e.evt_index - t.log_first AS evt_index,
                   demo_tz(t.chain_time) AS evt_block_time,
                   t.number AS evt_block_number,
                   CAST(t.chain_time AS DATE) AS evt_block_date,
                   e."from",
                   e."to",
                   e.value
            FROM erc20_ethereum."evt_Transfer" e
            JOIN demo_chain_tx t ON t.hash = e.evt_tx_hash AND t.block_number = e.evt_block_number
            LEFT JOIN demo_chain_tokens m ON m.chain = '{{name}}' AND m.eth_address = e.contract_address
            ORDER BY evt_block_number, evt_index
            """;
        yield return ChainApprovals(name);

        if (!traces)
        {
            yield break;
        }

        // The Ethereum traces of the sampled transactions, on this chain: Ethereum's columns, the chain's block, hash and
        // index, token contracts mapped wherever a trace names one.
        yield return $$"""
            CREATE OR REPLACE TABLE {{name}}.traces AS
            SELECT r.* REPLACE (
                       demo_tz(t.chain_time) AS block_time,
                       t.number AS block_number,
                       t.chain_block_hash AS block_hash,
                       t.chain_index AS tx_index,
                       t.chain_hash AS tx_hash,
                       coalesce(mf.address, r."from") AS "from",
                       coalesce(mt.address, r."to") AS "to",
                       coalesce(ma.address, r.address) AS address,
                       CAST(t.chain_time AS DATE) AS block_date)
            FROM ethereum.traces r
            JOIN demo_chain_tx t ON t.hash = r.tx_hash AND t.block_number = r.block_number
            LEFT JOIN demo_chain_tokens mf ON mf.chain = '{{name}}' AND mf.eth_address = r."from"
            LEFT JOIN demo_chain_tokens mt ON mt.chain = '{{name}}' AND mt.eth_address = r."to"
            LEFT JOIN demo_chain_tokens ma ON ma.chain = '{{name}}' AND ma.eth_address = r.address
            ORDER BY block_number, tx_index, trace_address
            """;
    }
}
