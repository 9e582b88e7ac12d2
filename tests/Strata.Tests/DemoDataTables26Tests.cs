using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables26: WETH9's decoded Deposit and Withdrawal events, Uniswap V2's (and SushiSwap's) Sync, Mint and Burn events
/// with reserves that follow the swaps, the other chains' <c>erc20_&lt;chain&gt;.evt_Approval</c> and <c>&lt;chain&gt;.contracts</c>;
/// each checked against what is computed here from the raw rows (transactions, logs), and real queries written by others run on them.
/// </summary>
public sealed class DemoDataTables26Tests(DemoDataFixture fixture, DemoDuneSqlFixture dune)
    : IClassFixture<DemoDataFixture>, IClassFixture<DemoDuneSqlFixture>
{
    private const string Tz = "timestamp(3) with time zone";

    private const string EvtColumns = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, "
        + $"evt_tx_index bigint, evt_index bigint, evt_block_time {Tz}, evt_block_number bigint, evt_block_date date, ";

    // keccak256 of the events' signatures: Deposit(address,uint256), Withdrawal(address,uint256), Sync(uint112,uint112),
    // Approval(address,address,uint256), Swap(address,uint256,uint256,uint256,uint256,address)
    private const string DepositTopic = "E1FFFCC4923D04B559F4D29A8BFC6CDA04EB5B0D3C460751C2402C5C5CC9109C";
    private const string WithdrawalTopic = "7FCF532C15F0A6DB0BD6D0E038BEA71D30D808C7D98CB3BF7268A95BF5081B65";
    private const string SyncTopic = "1C411E9A96E071241C2F21F7726B17AE89E3CAB4C78BE50E062B03A9FFFBBAD1";
    private const string ApprovalTopic = "8C5BE1E5EBEC7D5BD14F71427D1E84F3DD0314C0F7B2291E5B200AC8C7C3B925";
    private const string SwapTopic = "D78AD95FA46C994B6551D0DA85FC275FE613CE37657FB8D5E3D130840159D822";

    private static readonly Dictionary<string, string> Weth = new(StringComparer.Ordinal)
    {
        ["ethereum"] = "C02AAA39B223FE8D0A0E5C4F27EAD9083C756CC2",
        ["base"] = "4200000000000000000000000000000000000006",
        ["optimism"] = "4200000000000000000000000000000000000006",
    };

    private static readonly string[] OtherEvmChains = ["base", "arbitrum", "optimism", "polygon", "gnosis", "bnb", "avalanche_c"];

    public static TheoryData<string, string> Schemas => new()
    {
        // Dune's decoded event tables: the evt_* columns, then the event's parameters (WETH9: Deposit(dst, wad), Withdrawal(src, wad))
        { "zeroex_ethereum.WETH9_evt_Deposit", EvtColumns + "dst varbinary, wad uint256" },
        { "zeroex_ethereum.WETH9_evt_Withdrawal", EvtColumns + "src varbinary, wad uint256" },
        { "weth_base.WETH9_evt_Deposit", EvtColumns + "dst varbinary, wad uint256" },
        { "weth_optimism.WETH9_evt_Withdrawal", EvtColumns + "src varbinary, wad uint256" },
        // UniswapV2Pair: Sync(uint112 reserve0, uint112 reserve1), Mint(sender, amount0, amount1), Burn(sender, amount0, amount1, to)
        { "uniswap_v2_ethereum.Pair_evt_Sync", EvtColumns + "reserve0 uint256, reserve1 uint256" },
        { "uniswap_v2_ethereum.Pair_evt_Mint", EvtColumns + "sender varbinary, amount0 uint256, amount1 uint256" },
        { "uniswap_v2_ethereum.Pair_evt_Burn", EvtColumns + "sender varbinary, amount0 uint256, amount1 uint256, to varbinary" },
        { "sushi_ethereum.Pair_evt_Sync", EvtColumns + "reserve0 uint256, reserve1 uint256" },
        // erc20_<chain>.evt_Approval: as erc20_ethereum's (Approval(owner, spender, value))
        { "erc20_base.evt_Approval", EvtColumns + "owner varbinary, spender varbinary, value uint256" },
        { "erc20_polygon.evt_Approval", EvtColumns + "owner varbinary, spender varbinary, value uint256" },
        // <chain>.contracts: spellbook's <chain>_base_sources.yml, as ethereum.contracts
        {
            "base.contracts",
            "abi_id varchar, abi varchar, address varbinary, from varbinary, code varbinary, name varchar, namespace varchar, "
            + $"dynamic boolean, base boolean, factory boolean, detection_source varchar, created_at {Tz}"
        },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Tables26_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    /// <summary>
    /// WETH9's Deposit and Withdrawal tables of each chain are its logs at the chain's WETH decoded here (dst / src the low 20 bytes of
    /// topic1, wad the data word), and on Ethereum every successful deposit() sent to WETH has its Deposit (dst the sender, wad the value
    /// sent) and every successful withdraw(wad) its Withdrawal, worked out from the transactions.
    /// </summary>
    [Theory]
    [InlineData("ethereum")]
    [InlineData("base")]
    [InlineData("optimism")]
    public void Weth_events_are_the_chains_weth_logs_decoded(string chain)
    {
        var logs = fixture.Rows($"""
            SELECT hex(topic0), hex(topic1), hex(data), hex(contract_address), hex(tx_hash), hex(tx_from), hex(tx_to), tx_index, "index",
                   epoch_ms(block_time), block_number, CAST(block_date AS VARCHAR)
            FROM {chain}.logs
            """);
        foreach (var (table, topic, who) in new[] { ("WETH9_evt_Deposit", DepositTopic, "dst"), ("WETH9_evt_Withdrawal", WithdrawalTopic, "src") })
        {
            var expected = logs.Where(l => l[3] == Weth[chain] && l[0] == topic)
                .Select(l => string.Join('|', l[3], l[4], l[5], l[6], l[7], l[8], l[9], l[10], l[11], l[1][24..], Word(l[2], 0)))
                .Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(expected);
            var rows = fixture.Rows($"""
                SELECT hex(contract_address), hex(evt_tx_hash), hex(evt_tx_from), hex(evt_tx_to), evt_tx_index, evt_index, epoch_ms(evt_block_time),
                       evt_block_number, CAST(evt_block_date AS VARCHAR), hex({who}), CAST(wad AS VARCHAR)
                FROM {(chain == "ethereum" ? "zeroex_ethereum" : "weth_" + chain)}."{table}"
                """).Select(r => string.Join('|', r)).Order(StringComparer.Ordinal);
            Assert.Equal(expected, rows);
        }
        if (chain != "ethereum")
        {
            return;
        }
        var wraps = fixture.Rows("""
            SELECT hex(hash), hex("from"), hex(data), CAST(value AS VARCHAR) FROM ethereum.transactions
            WHERE success AND "to" = unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
            """);
        var deposits = wraps.Where(t => t[2] == "D0E30DB0").Select(t => $"{t[0]}|{t[1]}|{t[3]}").Order(StringComparer.Ordinal).ToList();
        var withdrawals = wraps.Where(t => t[2].StartsWith("2E1A7D4D", StringComparison.Ordinal))
            .Select(t => $"{t[0]}|{t[1]}|{Word(t[2][8..], 0)}").Order(StringComparer.Ordinal).ToList();
        Assert.True(deposits.Count > 0 && withdrawals.Count > 0, $"{deposits.Count} deposits, {withdrawals.Count} withdrawals");
        Assert.Equal(deposits, fixture.Rows("""
            SELECT hex(evt_tx_hash), hex(dst), CAST(wad AS VARCHAR) FROM zeroex_ethereum."WETH9_evt_Deposit"
            WHERE evt_tx_to = unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
            """).Select(r => string.Join('|', r)).Order(StringComparer.Ordinal));
        Assert.Equal(withdrawals, fixture.Rows("""
            SELECT hex(evt_tx_hash), hex(src), CAST(wad AS VARCHAR) FROM zeroex_ethereum."WETH9_evt_Withdrawal"
            WHERE evt_tx_to = unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
            """).Select(r => string.Join('|', r)).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Every pair's reserves replayed here: its Mint less its Burn (each followed by a Sync of the reserves then), then per Swap, in
    /// block and log order, amount0In - amount0Out and amount1In - amount1Out added; the Sync before each Swap log (the same transaction,
    /// the log index before it) holds the reserves after it, none below zero. The Sync logs of ethereum.logs are the in-span Syncs.
    /// </summary>
    [Theory]
    [InlineData("uniswap_v2_ethereum")]
    [InlineData("sushi_ethereum")]
    public void Sync_reserves_follow_the_mint_the_burn_and_every_swap(string schema)
    {
        var syncs = fixture.Rows($"""
            SELECT hex(contract_address), hex(evt_tx_hash), evt_index, CAST(reserve0 AS VARCHAR), CAST(reserve1 AS VARCHAR), evt_block_number
            FROM {schema}."Pair_evt_Sync"
            """).ToDictionary(r => $"{r[0]}|{r[1]}|{r[2]}", r => (BigInteger.Parse(r[3], CultureInfo.InvariantCulture), BigInteger.Parse(r[4], CultureInfo.InvariantCulture)));
        var reserves = new Dictionary<string, (BigInteger, BigInteger)>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string table in new[] { "Mint", "Burn" })
        {
            foreach (var r in fixture.Rows($"""
                SELECT hex(contract_address), hex(evt_tx_hash), evt_index, CAST(amount0 AS VARCHAR), CAST(amount1 AS VARCHAR)
                FROM {schema}."Pair_evt_{table}" ORDER BY evt_block_number
                """))
            {
                var (a0, a1) = (BigInteger.Parse(r[3], CultureInfo.InvariantCulture), BigInteger.Parse(r[4], CultureInfo.InvariantCulture));
                var (r0, r1) = reserves.GetValueOrDefault(r[0]);
                reserves[r[0]] = table == "Mint" ? (r0 + a0, r1 + a1) : (r0 - a0, r1 - a1);
                string key = $"{r[0]}|{r[1]}|{long.Parse(r[2], CultureInfo.InvariantCulture) - 1}";
                Assert.Equal(reserves[r[0]], syncs[key]);
                seen.Add(key);
            }
        }
        var swaps = fixture.Rows($"""
            SELECT hex(contract_address), hex(evt_tx_hash), evt_index, CAST("amount0In" AS VARCHAR), CAST("amount1In" AS VARCHAR),
                   CAST("amount0Out" AS VARCHAR), CAST("amount1Out" AS VARCHAR)
            FROM {schema}."Pair_evt_Swap" ORDER BY evt_block_number, evt_index
            """);
        Assert.NotEmpty(swaps);
        foreach (var s in swaps)
        {
            var v = s[3..].Select(x => BigInteger.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            var (r0, r1) = reserves[s[0]];
            reserves[s[0]] = (r0 + v[0] - v[2], r1 + v[1] - v[3]);
            Assert.True(reserves[s[0]].Item1 >= 0 && reserves[s[0]].Item2 >= 0, s[1]);
            string key = $"{s[0]}|{s[1]}|{long.Parse(s[2], CultureInfo.InvariantCulture) - 1}";
            Assert.Equal(reserves[s[0]], syncs[key]);
            seen.Add(key);
        }
        Assert.Equal(syncs.Count, seen.Count);
        // the raw Sync logs of these pairs carry the same reserves
        var pairs = reserves.Keys.ToHashSet(StringComparer.Ordinal);
        var logs = fixture.Rows($"""SELECT hex(contract_address), hex(tx_hash), "index", hex(data) FROM ethereum.logs WHERE topic0 = unhex('{SyncTopic}')""")
            .Where(l => pairs.Contains(l[0])).ToList();
        Assert.Equal(swaps.Count, logs.Count);
        Assert.All(logs, l => Assert.Equal(syncs[$"{l[0]}|{l[1]}|{l[2]}"], (BigInteger.Parse(Word(l[3], 0), CultureInfo.InvariantCulture), BigInteger.Parse(Word(l[3], 1), CultureInfo.InvariantCulture))));
    }

    /// <summary>Each other chain's (and Tron's) evt_Approval is its Approval logs decoded here: owner and spender the low 20 bytes of
    /// topic1 and topic2, value the data word.</summary>
    [Theory]
    [InlineData("base")]
    [InlineData("arbitrum")]
    [InlineData("polygon")]
    [InlineData("gnosis")]
    [InlineData("tron")]
    public void Approvals_of_the_other_chains_are_their_approval_logs_decoded(string chain)
    {
        var expected = fixture.Rows($"""
            SELECT hex(topic0), hex(topic1), hex(topic2), hex(data), hex(contract_address), hex(tx_hash), hex(tx_from), hex(tx_to), tx_index, "index",
                   epoch_ms(block_time), block_number, CAST(block_date AS VARCHAR)
            FROM {chain}.logs
            """).Where(l => l[0] == ApprovalTopic)
            .Select(l => string.Join('|', l[4], l[5], l[6], l[7], l[8], l[9], l[10], l[11], l[12], l[1][24..], l[2][24..], Word(l[3], 0)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        var rows = fixture.Rows($"""
            SELECT hex(contract_address), hex(evt_tx_hash), hex(evt_tx_from), hex(evt_tx_to), evt_tx_index, evt_index, epoch_ms(evt_block_time),
                   evt_block_number, CAST(evt_block_date AS VARCHAR), hex(owner), hex(spender), CAST(value AS VARCHAR)
            FROM erc20_{chain}."evt_Approval"
            """).Select(r => string.Join('|', r)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows);
    }

    /// <summary>A chain's contracts are its tokens (tokens.erc20) and Ethereum's decoded routers and pairs that its transactions call or
    /// its logs name, each once, named and flagged as on Ethereum, created when the chain's data starts.</summary>
    [Theory]
    [InlineData("base")]
    [InlineData("bnb")]
    public void Chain_contracts_are_its_tokens_and_the_routers_and_pairs_it_uses(string chain)
    {
        var named = fixture.Rows($"SELECT DISTINCT hex(contract_address) FROM {chain}.logs UNION SELECT DISTINCT hex(\"to\") FROM {chain}.transactions")
            .Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        var tokens = fixture.Rows($"SELECT hex(contract_address), lower(symbol) FROM tokens.erc20 WHERE blockchain = '{chain}'").Select(r => $"{r[0]}|{r[1]}|false");
        var used = fixture.Rows("""
            SELECT hex(address), namespace, CAST(factory AS VARCHAR) FROM ethereum.contracts WHERE namespace IN ('uniswap_v2', 'sushi', 'oneinch', 'zeroex')
            """).Where(r => named.Contains(r[0])).Select(r => string.Join('|', r));
        var expected = tokens.Concat(used).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(expected, e => e.EndsWith("|true", StringComparison.Ordinal));
        Assert.Contains(expected, e => e.Contains("|uniswap_v2|false", StringComparison.Ordinal));
        var rows = fixture.Rows($"SELECT hex(address), namespace, CAST(factory AS VARCHAR) FROM {chain}.contracts").Select(r => string.Join('|', r));
        Assert.Equal(expected, rows.Order(StringComparer.Ordinal));
        Assert.Equal(0L, fixture.Scalar($"SELECT count(*) FROM {chain}.contracts WHERE created_at IS DISTINCT FROM (SELECT min(time) FROM {chain}.blocks)"));
    }

    /// <summary>
    /// spellbook's transfers_base_wrapped_token macro (dbt_subprojects/tokens/macros/transfers/transfers_base_wrapped_token.sql,
    /// duneanalytics/spellbook @91dac121), as tokens_base_base_transfers calls it: jinja expanded for blockchain 'base' (not incremental;
    /// dbt_utils.generate_surrogate_key as it renders on Trino). Against base.logs' WETH Deposit (a mint from the zero address) and
    /// Withdrawal (a burn to it) logs with their transactions' from, to and index, and the key's MD5 worked out here.
    /// </summary>
    [Fact]
    public void Spellbook_wrapped_token_transfers_are_the_weth_deposits_and_withdrawals()
    {
        const string Zero = "0x0000000000000000000000000000000000000000";
        var logs = dune.Db.TranslatedRows($"""
            SELECT '0x' || lower(hex(topic0)), '0x' || lower(substr(hex(topic1), 25)), '0x' || lower(hex(data)), '0x' || lower(hex(tx_hash)), "index",
                   block_number, '0x' || lower(hex(tx_from)), '0x' || lower(hex(tx_to)), tx_index
            FROM base.logs WHERE contract_address = unhex('{Weth["base"]}')
            """);
        var expected = logs.Where(l => l[0] == "0x" + DepositTopic.ToLowerInvariant() || l[0] == "0x" + WithdrawalTopic.ToLowerInvariant()).Select(l =>
        {
            bool deposit = l[0] == "0x" + DepositTopic.ToLowerInvariant();
            string key = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes($"{l[5]}-{l[8]}-{l[4]}-_dbt_utils_surrogate_key_null_")));
            return string.Join('|', key, "base", l[3], l[4], l[6], l[7], l[8], deposit ? Zero : l[1], deposit ? l[1] : Zero, Word(l[2][2..].ToUpperInvariant(), 0));
        }).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        var rows = dune.Db.Rows(WrappedTokenTransfers);
        Assert.Equal(expected, rows.Select(r => string.Join('|', r[0], r[1], r[6], r[7], r[10], r[11], r[12], r[13], r[14], r[16])).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("erc20", r[9]));
    }

    /// <summary>
    /// A public query (find_string id 5464244119: "Price of stETH denominated in ETH using Uniswap V2 pool reserves"), verbatim but its
    /// parameters: the pool (the demo's Uniswap V2 pair with the most swaps) and the window (the data's whole span). Against the
    /// reserves replayed here from the pair's Mint, Burn and Swaps, in time order.
    /// </summary>
    [Fact]
    public void Public_sync_price_query_reads_the_replayed_reserves()
    {
        string pool = dune.Db.TranslatedRows("""
            SELECT lower(hex(contract_address)) FROM uniswap_v2_ethereum."Pair_evt_Swap" GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1
            """)[0][0];
        var events = new List<(long Block, long Index, long Ms, BigInteger D0, BigInteger D1)>();
        foreach (var (table, sign, columns) in new[]
        {
            ("Pair_evt_Mint", 1, "amount0, amount1, 0, 0"), ("Pair_evt_Burn", -1, "amount0, amount1, 0, 0"),
            ("Pair_evt_Swap", 1, "\"amount0In\", \"amount1In\", \"amount0Out\", \"amount1Out\""),
        })
        {
            string values = string.Join(", ", columns.Split(", ").Select(c => $"CAST({c} AS VARCHAR)"));
            foreach (var r in dune.Db.TranslatedRows($"""
                SELECT evt_block_number, evt_index, epoch_ms(evt_block_time), {values}
                FROM uniswap_v2_ethereum."{table}" WHERE contract_address = unhex('{pool}')
                """))
            {
                var v = r[3..].Select(x => BigInteger.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                events.Add((long.Parse(r[0], CultureInfo.InvariantCulture), long.Parse(r[1], CultureInfo.InvariantCulture), long.Parse(r[2], CultureInfo.InvariantCulture),
                    sign * (v[0] - v[2]), sign * (v[1] - v[3])));
            }
        }
        BigInteger r0 = 0, r1 = 0;
        var expected = new List<(long Ms, double Price)>();
        foreach (var e in events.OrderBy(e => e.Block).ThenBy(e => e.Index))
        {
            (r0, r1) = (r0 + e.D0, r1 + e.D1);
            expected.Add((e.Ms, (double)r1 / (double)r0));
        }
        Assert.True(expected.Count >= 4, $"{expected.Count} events");
        var rows = dune.Db.Rows(SyncPrice.Replace("0x4028daac072e492d34a3afdbef0ba7e35d8b55c4", "0x" + pool, StringComparison.Ordinal)
                .Replace("TIMESTAMP '2024-08-04 00:00:00'", "TIMESTAMP '2000-01-01 00:00:00'", StringComparison.Ordinal)
                .Replace("TIMESTAMP '2024-08-07 00:00:00'", "TIMESTAMP '2100-01-01 00:00:00'", StringComparison.Ordinal))
            .Select(r => (Ms: Ms(r[0]), Price: double.Parse(r[1], CultureInfo.InvariantCulture)))
            .OrderBy(r => r.Ms).ThenBy(r => r.Price).ToList();
        expected = [.. expected.OrderBy(e => e.Ms).ThenBy(e => e.Price)];
        Assert.Equal(expected.Count, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            Assert.Equal(expected[i].Ms, rows[i].Ms);
            Assert.Equal(expected[i].Price, rows[i].Price, expected[i].Price * 1e-12);
        }
    }

    /// <summary>
    /// spellbook's evms_erc20_approvals view (dbt_subprojects/daily_spellbook/models/evms/evms_tables/evms_erc20_approvals.sql,
    /// duneanalytics/spellbook @91dac121), jinja expanded over the demo's EVM chains (Ethereum and the seven others). Against every
    /// chain's Approval logs decoded here.
    /// </summary>
    [Fact]
    public void Spellbook_evms_erc20_approvals_are_every_chains_approval_logs()
    {
        var expected = new List<string>();
        foreach (string chain in OtherEvmChains.Prepend("ethereum"))
        {
            expected.AddRange(dune.Db.TranslatedRows($"""
                SELECT hex(topic0), '0x' || lower(substr(hex(topic1), 25)), '0x' || lower(substr(hex(topic2), 25)), hex(data), '0x' || lower(hex(tx_hash)), "index",
                       '0x' || lower(hex(contract_address))
                FROM {chain}.logs
                """).Where(l => l[0] == ApprovalTopic).Select(l => string.Join('|', chain, l[6], l[4], l[5], l[1], l[2], Word(l[3], 0))));
        }
        Assert.Contains(expected, e => e.StartsWith("polygon|", StringComparison.Ordinal));
        string sql = "SELECT *\nFROM (\n" + string.Join("        UNION ALL\n", OtherEvmChains.Prepend("ethereum").Select(c => $"""
                    SELECT
                    '{c}' AS blockchain
                    , contract_address
                    , evt_tx_hash
                    , evt_index
                    , evt_block_date
                    , evt_block_time
                    , evt_block_number
                    , evt_tx_from
                    , evt_tx_to
                    , evt_tx_index
                    , owner
                    , spender
                    , value
                    FROM erc20_{c}.evt_Approval

            """)) + "        );";
        var rows = dune.Db.Rows(sql).Select(r => string.Join('|', r[0], r[1], r[2], r[3], r[10], r[11], r[12]));
        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// spellbook's addresses_info_is_contract macro (dbt_subprojects/daily_spellbook/macros/sector/addresses/addresses_info_is_contract.sql,
    /// duneanalytics/spellbook @91dac121) as addresses_base_stg_info_is_contract calls it, jinja expanded (not incremental) for base at
    /// the corpus fixture's scale: every created address with its last creation time and the name base.contracts gives it. The demo's
    /// created contracts are not decoded, so none has a name; with base.contracts absent the query fails.
    /// </summary>
    [Fact]
    public void Spellbook_info_is_contract_reads_base_contracts()
    {
        var created = dune.Db.TranslatedRows("SELECT '0x' || lower(hex(address)), epoch_ms(block_time) FROM base.traces WHERE type = 'create' AND success")
            .GroupBy(r => r[0]).Select(g => $"{g.Key}|{g.Max(r => long.Parse(r[1], CultureInfo.InvariantCulture))}|NULL|NULL")
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(dune.Db.TranslatedRows("SELECT address FROM base.contracts"));
        var rows = dune.Db.Rows("""
            select
            	ct.address
            	, varbinary_to_integer(varbinary_substring(ct.address, 1, 1)) as address_prefix
            	, true as is_smart_contract
            	, max(ct.block_time) as block_time
            	, max_by(c.namespace, c.created_at) as namespace
            	, max_by(c.name, c.created_at) as name
            from
            	base.creation_traces as ct
            left join base.contracts as c
            	on ct.address = c.address
            group by
            	1
            	, 2
            """);
        Assert.Equal(created, rows.Select(r => string.Join('|', r[0], Ms(r[3]), r[4], r[5])).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal(Convert.ToInt32(r[0][2..4], 16).ToString(CultureInfo.InvariantCulture), r[1]));
    }

    /// <summary>Unix milliseconds of a timestamp as Dune renders it ("2026-06-15 12:34:56.000 UTC").</summary>
    private static long Ms(string rendered) =>
        new DateTimeOffset(DateTime.Parse(rendered.Replace(" UTC", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)).ToUnixTimeMilliseconds();

    /// <summary>The 32-byte word at <paramref name="index"/> of hex text, as an unsigned decimal.</summary>
    private static string Word(string hex, int index) =>
        new BigInteger(Convert.FromHexString(hex.Substring(64 * index, 64)), isUnsigned: true, isBigEndian: true).ToString(CultureInfo.InvariantCulture);

    // find_string id 5464244119 (a public repository's .sql file; the index names no repository for it), verbatim
    private const string SyncPrice = """
        -- Price of stETH denominated in ETH using Uniswap V2 pool reserves
        -- Addresses
        -- stETH: 0xae7ab96520de3a18e5e111b5eaab095312d7fe84 (token0)
        -- WETH:  0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 (token1)
        -- Pool:  0x4028daac072e492d34a3afdbef0ba7e35d8b55c4 (stETH/WETH)

        SELECT
            evt_block_time                                              AS ts,
            -- ETH per 1 stETH
            CAST(reserve1 AS DOUBLE) / NULLIF(CAST(reserve0 AS DOUBLE), 0.0) AS price
        FROM uniswap_v2_ethereum.pair_evt_Sync
        WHERE contract_address = 0x4028daac072e492d34a3afdbef0ba7e35d8b55c4
          AND evt_block_time >= TIMESTAMP '2024-08-04 00:00:00'
          AND evt_block_time <  TIMESTAMP '2024-08-07 00:00:00'
        ORDER BY evt_block_time
        """;

    // transfers_base_wrapped_token(blockchain='base', transactions=source('base', 'transactions'),
    // wrapped_token_deposit=source('weth_base', 'weth9_evt_deposit'), wrapped_token_withdrawal=source('weth_base', 'weth9_evt_withdrawal'))
    private const string WrappedTokenTransfers = """
        with transfers as (
        	select
        		t.evt_block_time as block_time
        		, t.evt_block_number as block_number
        		, t.evt_tx_hash as tx_hash
        		, t.evt_index
        		, cast(null as array<bigint>) as trace_address
        		, t.contract_address
        		, 'erc20' as token_standard
        		, 0x0000000000000000000000000000000000000000 as "from"
        		, t.dst as "to"
        		, t.wad as amount_raw
        	from
        		weth_base.weth9_evt_deposit as t
        	union all

        	select
        		t.evt_block_time as block_time
        		, t.evt_block_number as block_number
        		, t.evt_tx_hash as tx_hash
        		, t.evt_index
        		, cast(null as array<bigint>) as trace_address
        		, t.contract_address
        		, 'erc20' as token_standard
        		, t.src as "from"
        		, 0x0000000000000000000000000000000000000000 as "to"
        		, t.wad as amount_raw
        	from
        		weth_base.weth9_evt_withdrawal as t
        	)

        select
        	lower(to_hex(md5(to_utf8(concat(coalesce(cast(t.block_number as varchar), '_dbt_utils_surrogate_key_null_'), '-', coalesce(cast(tx.index as varchar), '_dbt_utils_surrogate_key_null_'), '-', coalesce(cast(t.evt_index as varchar), '_dbt_utils_surrogate_key_null_'), '-', coalesce(cast(array_join(t.trace_address, ',') as varchar), '_dbt_utils_surrogate_key_null_')))))) as unique_key
        	, 'base' as blockchain
        	, cast(date_trunc('month', t.block_time) as date) as block_month
        	, cast(date_trunc('day', t.block_time) as date) as block_date
        	, t.block_time
        	, t.block_number
        	, t.tx_hash
        	, t.evt_index
        	, t.trace_address
        	, t.token_standard
        	, tx."from" as tx_from
        	, tx."to" as tx_to
        	, tx."index" as tx_index
        	, t."from"
        	, t.to
        	, t.contract_address
        	, t.amount_raw
        	, current_timestamp as _updated_at
        from
        	transfers as t
        inner join base.transactions as tx
        	on tx.block_number = t.block_number
        	and tx.hash = t.tx_hash
        """;
}
