using System.Globalization;
using System.Numerics;
using Strata.Engine.DuckDb;
using static Strata.Tests.AbiWords;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables18: Aave v3 Pool calls on the demo chain, Dune's decoded <c>aave_v3_ethereum</c> Pool event tables and
/// spellbook's <c>aave_v3_ethereum.base_supply</c> / <c>base_borrow</c>, <c>lending.supply</c> / <c>borrow</c> and
/// <c>aave_ethereum.supply</c> / <c>borrow</c>, checked against what is computed here from the raw rows: the Pool calls' calldata as
/// the ABI encodes it, the Pool's logs (topics and data words), tokens.erc20 and prices.usd.
/// </summary>
public sealed class DemoDataAaveTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + "evt_index bigint, evt_block_time timestamp(3) with time zone, evt_block_number bigint, evt_block_date date";

    // keccak-256 of the IPool events' signatures (checked against public Aave v3 tooling's constants)
    private const string SupplyTopic = "2B627736BCA15CD5381DCF80B0BF11FD197D01A037C52B927A881A10FB73BA61";   // Supply(address,address,address,uint256,uint16)
    private const string WithdrawTopic = "3115D1449A7B732C986CBA18244E897A450F61E1BB8D589CD2E69E6C8924F9F7"; // Withdraw(address,address,address,uint256)
    private const string BorrowTopic = "B3D084820FB1A9DECFFB176436BD02558D15FAC9B0DDFED8C465BC7359D7DCE0";   // Borrow(address,address,address,uint256,uint8,uint256,uint16)
    private const string RepayTopic = "A534C8DBE71F871F9F3530E97A74601FEA17B426CAE02E1C5AEE42C96C784051";    // Repay(address,address,address,uint256,bool)
    private const string LiquidationTopic = "E413A321E8681D831F4DBCCBCA790D2952B56F977908E45BE37335533E005286"; // LiquidationCall(address,address,address,uint256,uint256,address,bool)
    private static readonly string Pool = DemoData.AavePool.ToUpperInvariant();

    public static TheoryData<string, string> Schemas => new()
    {
        { "aave_v3_ethereum.Pool_evt_Supply", Evt + ", reserve varbinary, user varbinary, onBehalfOf varbinary, amount uint256, referralCode integer" },
        { "aave_v3_ethereum.Pool_evt_Withdraw", Evt + ", reserve varbinary, user varbinary, to varbinary, amount uint256" },
        { "aave_v3_ethereum.Pool_evt_Borrow", Evt + ", reserve varbinary, user varbinary, onBehalfOf varbinary, amount uint256, "
            + "interestRateMode integer, borrowRate uint256, referralCode integer" },
        { "aave_v3_ethereum.Pool_evt_Repay", Evt + ", reserve varbinary, user varbinary, repayer varbinary, amount uint256, useATokens boolean" },
        { "aave_v3_ethereum.Pool_evt_LiquidationCall", Evt + ", collateralAsset varbinary, debtAsset varbinary, user varbinary, "
            + "debtToCover uint256, liquidatedCollateralAmount uint256, liquidator varbinary, receiveAToken boolean" },
        // spellbook's models, their final selects' order
        { "aave_v3_ethereum.base_supply", "blockchain varchar, project varchar, version varchar, transaction_type varchar, token_address varbinary, "
            + "depositor varbinary, on_behalf_of varbinary, withdrawn_to varbinary, liquidator varbinary, amount double, amount_raw uint256, "
            + "block_month date, block_time timestamp(3) with time zone, block_number bigint, project_contract_address varbinary, tx_hash varbinary, evt_index bigint" },
        { "aave_v3_ethereum.base_borrow", "blockchain varchar, project varchar, version varchar, transaction_type varchar, loan_type varchar, "
            + "token_address varbinary, borrower varbinary, on_behalf_of varbinary, repayer varbinary, liquidator varbinary, amount double, amount_raw uint256, "
            + "block_month date, block_time timestamp(3) with time zone, block_number bigint, project_contract_address varbinary, tx_hash varbinary, evt_index bigint" },
        { "lending.supply", "blockchain varchar, project varchar, version varchar, transaction_type varchar, symbol varchar, token_address varbinary, "
            + "depositor varbinary, on_behalf_of varbinary, withdrawn_to varbinary, liquidator varbinary, amount double, amount_raw uint256, amount_usd double, "
            + "block_month date, block_time timestamp(3) with time zone, block_number bigint, project_contract_address varbinary, tx_hash varbinary, evt_index bigint" },
        { "lending.borrow", "blockchain varchar, project varchar, version varchar, transaction_type varchar, loan_type varchar, symbol varchar, "
            + "token_address varbinary, borrower varbinary, on_behalf_of varbinary, repayer varbinary, liquidator varbinary, amount double, amount_raw uint256, "
            + "amount_usd double, block_month date, block_time timestamp(3) with time zone, block_number bigint, project_contract_address varbinary, "
            + "tx_hash varbinary, evt_index bigint" },
        { "aave_ethereum.supply", "blockchain varchar, project varchar, version varchar, transaction_type varchar, symbol varchar, token_address varbinary, "
            + "depositor varbinary, on_behalf_of varbinary, withdrawn_to varbinary, liquidator varbinary, amount double, amount_usd double, "
            + "block_month date, block_time timestamp(3) with time zone, block_number bigint, project_contract_address varbinary, evt_index bigint, tx_hash varbinary" },
        { "aave_ethereum.borrow", "blockchain varchar, project varchar, version varchar, transaction_type varchar, loan_type varchar, symbol varchar, "
            + "token_address varbinary, borrower varbinary, on_behalf_of varbinary, repayer varbinary, liquidator varbinary, amount double, amount_usd double, "
            + "block_month date, block_time timestamp(3) with time zone, block_number bigint, project_contract_address varbinary, evt_index bigint, tx_hash varbinary" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Aave_tables_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    /// <summary>A Pool transaction: its sender, outcome, minute and calldata.</summary>
    private sealed record Call(string Hash, bool Success, string From, long Minute, byte[] Input);

    /// <summary>A log of the Pool: its topics (hex, "" when absent) and data.</summary>
    private sealed record Log(string Hash, long Index, long Minute, string Month, string Topic0, string T1, string T2, string T3, byte[] Data)
    {
        public string A1 => T1[24..];

        public string A2 => T2[24..];

        public string A3 => T3[24..];
    }

    private List<Call> Calls() => [.. fixture.Rows($"""
        SELECT hex(hash), success, hex("from"), epoch(block_time)::BIGINT // 60 * 60, hex(data)
        FROM ethereum.transactions WHERE "to" = unhex('{Pool}') ORDER BY block_number, "index"
        """).Select(r => new Call(r[0], r[1] == "True", r[2], long.Parse(r[3], CultureInfo.InvariantCulture), Convert.FromHexString(r[4])))];

    private List<Log> Logs() => [.. fixture.Rows($"""
        SELECT hex(tx_hash), "index", epoch(block_time)::BIGINT // 60 * 60, strftime(timezone('UTC', block_time), '%Y-%m-01'),
               hex(topic0), coalesce(hex(topic1), ''), coalesce(hex(topic2), ''), coalesce(hex(topic3), ''), hex(data)
        FROM ethereum.logs WHERE contract_address = unhex('{Pool}') ORDER BY block_number, "index"
        """).Select(r => new Log(r[0], long.Parse(r[1], CultureInfo.InvariantCulture), long.Parse(r[2], CultureInfo.InvariantCulture), r[3],
            r[4], r[5], r[6], r[7], Convert.FromHexString(r[8])))];

    private Dictionary<string, (string Symbol, int Decimals)> Tokens() =>
        fixture.Rows("SELECT hex(contract_address), symbol, decimals FROM tokens.erc20 WHERE blockchain = 'ethereum'")
            .ToDictionary(r => r[0], r => (r[1], int.Parse(r[2], CultureInfo.InvariantCulture)));

    private Dictionary<(string, long), double> Prices() => fixture.Rows($"""
        SELECT hex(contract_address), CAST(epoch(minute)::BIGINT AS VARCHAR), CAST(price AS VARCHAR) FROM prices.usd
        WHERE blockchain = 'ethereum' AND minute IN (SELECT date_trunc('minute', block_time) FROM ethereum.logs WHERE contract_address = unhex('{Pool}'))
        """).ToDictionary(r => (r[0], long.Parse(r[1], CultureInfo.InvariantCulture)), r => double.Parse(r[2], CultureInfo.InvariantCulture));

    [Fact]
    public void A_pool_call_logs_the_event_its_arguments_name()
    {
        var calls = Calls();
        var logs = Logs().GroupBy(l => l.Hash).ToDictionary(g => g.Key, g => g.ToList());
        var tokens = Tokens();
        var prices = Prices();
        string Word(byte[] d, int at) => Convert.ToHexString(d.AsSpan(at, 32));
        double Usd(string token, BigInteger raw, long minute) => (double)raw / Math.Pow(10, tokens[token].Decimals) * prices[(token, minute)];
        var seen = new HashSet<string>();
        foreach (var c in calls)
        {
            byte[] d = c.Input;
            string selector = Convert.ToHexString(d.AsSpan(0, 4));
            if (!c.Success)
            {
                Assert.False(logs.ContainsKey(c.Hash), "a failed call logs nothing");
                continue;
            }
            Log l = Assert.Single(logs[c.Hash]);
            string asset = Addr(d, 4);
            BigInteger amount = Big(d, 36);
            byte[] e = l.Data;
            seen.Add(selector);
            switch (selector)
            {
                case "617BA037":  // supply(asset, amount, onBehalfOf, referralCode)
                    Assert.Equal(4 + 4 * 32, d.Length);
                    Assert.Equal([SupplyTopic, Word(d, 4), Word(d, 68), Word(d, 100)], new[] { l.Topic0, l.T1, l.T2, l.T3 });
                    Assert.Equal((c.From, amount), (Addr(e, 0), Big(e, 32)));
                    Assert.Equal(64, e.Length);
                    break;
                case "69328DEC":  // withdraw(asset, amount, to)
                    Assert.Equal(4 + 3 * 32, d.Length);
                    Assert.Equal([WithdrawTopic, Word(d, 4), new string('0', 24) + c.From, Word(d, 68)], new[] { l.Topic0, l.T1, l.T2, l.T3 });
                    Assert.Equal(amount, Big(e, 0));
                    Assert.Equal(32, e.Length);
                    break;
                case "A415BCAD":  // borrow(asset, amount, interestRateMode, referralCode, onBehalfOf)
                    Assert.Equal(4 + 5 * 32, d.Length);
                    Assert.Equal([BorrowTopic, Word(d, 4), Word(d, 132), Word(d, 100)], new[] { l.Topic0, l.T1, l.T2, l.T3 });
                    Assert.Equal((c.From, amount, Big(d, 68)), (Addr(e, 0), Big(e, 32), Big(e, 64)));
                    Assert.Equal(new BigInteger(2), Big(d, 68));  // variable: Aave v3.2 removed the stable mode (1)
                    // the rate: a ray (1e27 = 100 %) of 2-12 %
                    Assert.InRange(Big(e, 96), BigInteger.Pow(10, 25) * 2, BigInteger.Pow(10, 25) * 12);
                    Assert.Equal(128, e.Length);
                    break;
                case "573ADE81":  // repay(asset, amount, interestRateMode, onBehalfOf)
                case "2DAD97D4":  // repayWithATokens(asset, amount, interestRateMode): the sender's own debt
                    bool withATokens = selector == "2DAD97D4";
                    Assert.Equal(4 + (withATokens ? 3 : 4) * 32, d.Length);
                    Assert.Equal([RepayTopic, Word(d, 4), withATokens ? new string('0', 24) + c.From : Word(d, 100), new string('0', 24) + c.From],
                        new[] { l.Topic0, l.T1, l.T2, l.T3 });
                    Assert.Equal((amount, withATokens ? BigInteger.One : BigInteger.Zero), (Big(e, 0), Big(e, 32)));
                    break;
                case "00A718A9":  // liquidationCall(collateralAsset, debtAsset, user, debtToCover, receiveAToken)
                    Assert.Equal(4 + 5 * 32, d.Length);
                    Assert.Equal([LiquidationTopic, Word(d, 4), Word(d, 36), Word(d, 68)], new[] { l.Topic0, l.T1, l.T2, l.T3 });
                    Assert.NotEqual(Addr(d, 4), Addr(d, 36));
                    Assert.NotEqual(c.From, Addr(d, 68));
                    Assert.Equal((Big(d, 100), c.From, Big(d, 132)), (Big(e, 0), Addr(e, 64), Big(e, 96)));
                    // the collateral seized is worth the debt covered plus a 5-10 % bonus (both rounded to eight digits)
                    Assert.InRange(Usd(Addr(d, 4), Big(e, 32), c.Minute) / Usd(Addr(d, 36), Big(e, 0), c.Minute), 1.0499, 1.1001);
                    asset = Addr(d, 36);
                    amount = Big(d, 100);
                    break;
                default:
                    Assert.Fail($"selector {selector}");
                    break;
            }
            Assert.InRange(Usd(asset, amount, c.Minute), 99.99, 100_000.1);
            Assert.NotEqual("STETH", tokens[asset].Symbol.ToUpperInvariant());
        }
        Assert.Equal(["00A718A9", "2DAD97D4", "573ADE81", "617BA037", "69328DEC", "A415BCAD"], seen.Order(StringComparer.Ordinal));
        Assert.True(calls.Count(c => c.Success) >= 20, $"{calls.Count} Pool calls");
        Assert.Equal(calls.Count(c => c.Success), logs.Values.Sum(l => l.Count));
        Assert.Equal(0L, Convert.ToInt64(fixture.Scalar($"SELECT count(*) FROM base.transactions WHERE \"to\" = unhex('{Pool}')"), CultureInfo.InvariantCulture));
    }

    private static string Hex4(string topic) => int.Parse(topic[^4..], NumberStyles.HexNumber, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void The_decoded_tables_are_the_pools_logs()
    {
        var logs = Logs();
        List<string> Expected(string topic, Func<Log, string> row) =>
            [.. logs.Where(l => l.Topic0 == topic).Select(l => string.Join('|', l.Hash, l.Index, row(l))).Order(StringComparer.Ordinal)];
        List<string> Actual(string table, string columns) =>
            [.. fixture.Rows($"SELECT hex(evt_tx_hash), evt_index, {columns} FROM aave_v3_ethereum.\"{table}\" WHERE hex(contract_address) = '{Pool}'")
                .Select(r => string.Join('|', r)).Order(StringComparer.Ordinal)];
        string B(BigInteger x) => x.ToString(CultureInfo.InvariantCulture);
        string Flag(byte[] d, int at) => Big(d, at).IsOne ? "True" : "False";
        var cases = new (string Table, string Topic, Func<Log, string> Row, string Columns)[]
        {
            ("Pool_evt_Supply", SupplyTopic, l => string.Join('|', l.A1, Addr(l.Data, 0), l.A2, B(Big(l.Data, 32)), Hex4(l.T3)),
                "hex(reserve), hex(\"user\"), hex(\"onBehalfOf\"), CAST(amount AS VARCHAR), \"referralCode\""),
            ("Pool_evt_Withdraw", WithdrawTopic, l => string.Join('|', l.A1, l.A2, l.A3, B(Big(l.Data, 0))),
                "hex(reserve), hex(\"user\"), hex(\"to\"), CAST(amount AS VARCHAR)"),
            ("Pool_evt_Borrow", BorrowTopic, l => string.Join('|', l.A1, Addr(l.Data, 0), l.A2, B(Big(l.Data, 32)), B(Big(l.Data, 64)), B(Big(l.Data, 96)), Hex4(l.T3)),
                "hex(reserve), hex(\"user\"), hex(\"onBehalfOf\"), CAST(amount AS VARCHAR), \"interestRateMode\", CAST(\"borrowRate\" AS VARCHAR), \"referralCode\""),
            ("Pool_evt_Repay", RepayTopic, l => string.Join('|', l.A1, l.A2, l.A3, B(Big(l.Data, 0)), Flag(l.Data, 32)),
                "hex(reserve), hex(\"user\"), hex(repayer), CAST(amount AS VARCHAR), \"useATokens\""),
            ("Pool_evt_LiquidationCall", LiquidationTopic,
                l => string.Join('|', l.A1, l.A2, l.A3, B(Big(l.Data, 0)), B(Big(l.Data, 32)), Addr(l.Data, 64), Flag(l.Data, 96)),
                "hex(\"collateralAsset\"), hex(\"debtAsset\"), hex(\"user\"), CAST(\"debtToCover\" AS VARCHAR), CAST(\"liquidatedCollateralAmount\" AS VARCHAR), "
                + "hex(liquidator), \"receiveAToken\""),
        };
        foreach (var (table, topic, row, columns) in cases)
        {
            var expected = Expected(topic, row);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, Actual(table, columns));
        }
        Assert.Contains(logs, l => (l.Topic0 == SupplyTopic || l.Topic0 == BorrowTopic) && Hex4(l.T3) != "0");
        Assert.Contains(logs, l => l.Topic0 == RepayTopic && Big(l.Data, 32).IsOne);
        Assert.Equal(logs.Count, cases.Sum(c => Expected(c.Topic, c.Row).Count));
    }

    /// <summary>A row of spellbook's lending models as computed here: type, token, the three or four parties, the signed raw amount.</summary>
    private sealed record Movement(string Hash, long Index, long Minute, string Month, string Type, string? LoanType, string Token, string Party,
        string? OnBehalfOf, string? Other, string? Liquidator, BigInteger Raw, int Sign);

    private static List<Movement> SupplyMovements(List<Log> logs) => [.. logs.SelectMany<Log, Movement>(l => l.Topic0 switch
    {
        SupplyTopic => [new(l.Hash, l.Index, l.Minute, l.Month, "deposit", null, l.A1, Addr(l.Data, 0), l.A2, null, null, Big(l.Data, 32), 1)],
        WithdrawTopic => [new(l.Hash, l.Index, l.Minute, l.Month, "withdraw", null, l.A1, l.A2, null, l.A3, null, Big(l.Data, 0), -1)],
        RepayTopic when Big(l.Data, 32).IsOne => [new(l.Hash, l.Index, l.Minute, l.Month, "repay_with_atokens", null, l.A1, l.A2, null, l.A3, null, Big(l.Data, 0), -1)],
        LiquidationTopic => [new(l.Hash, l.Index, l.Minute, l.Month, "deposit_liquidation", null, l.A1, l.A3, null, Addr(l.Data, 64), Addr(l.Data, 64), Big(l.Data, 32), -1)],
        _ => [],
    })];

    private static List<Movement> BorrowMovements(List<Log> logs) => [.. logs.SelectMany<Log, Movement>(l => l.Topic0 switch
    {
        BorrowTopic => [new(l.Hash, l.Index, l.Minute, l.Month, "borrow", Big(l.Data, 64) == 1 ? "stable" : Big(l.Data, 64) == 2 ? "variable" : null,
            l.A1, Addr(l.Data, 0), l.A2, null, null, Big(l.Data, 32), 1)],
        RepayTopic => [new(l.Hash, l.Index, l.Minute, l.Month, "repay", null, l.A1, l.A2, null, l.A3, null, Big(l.Data, 0), -1)],
        LiquidationTopic => [new(l.Hash, l.Index, l.Minute, l.Month, "borrow_liquidation", null, l.A2, l.A3, null, Addr(l.Data, 64), Addr(l.Data, 64), Big(l.Data, 0), -1)],
        _ => [],
    })];

    public static TheoryData<string> Models => new() { "supply", "borrow" };

    /// <summary>
    /// aave_v3_ethereum.base_{supply,borrow}, lending.{supply,borrow} and aave_ethereum.{supply,borrow}, computed here as spellbook's
    /// macros read the Pool's events: the signed amount (raw, then in units of the token and in USD at the minute's price).
    /// </summary>
    [Theory]
    [MemberData(nameof(Models))]
    public void Lending_models_are_spellbooks_reading_of_the_pools_events(string model)
    {
        var logs = Logs();
        var tokens = Tokens();
        var prices = Prices();
        bool supply = model == "supply";
        var expected = supply ? SupplyMovements(logs) : BorrowMovements(logs);
        string parties = supply ? "hex(depositor), hex(on_behalf_of), hex(withdrawn_to), hex(liquidator)" : "hex(borrower), hex(on_behalf_of), hex(repayer), hex(liquidator)";
        string loanType = supply ? "''" : "loan_type";
        var baseRows = fixture.Rows($"""
            SELECT hex(tx_hash), evt_index, transaction_type, {loanType}, hex(token_address), {parties}, amount, CAST(amount_raw AS VARCHAR),
                   CAST(block_month AS VARCHAR), blockchain, project, version, hex(project_contract_address)
            FROM aave_v3_ethereum.base_{model}
            """).ToDictionary(r => (r[0], long.Parse(r[1], CultureInfo.InvariantCulture)));
        var lendingRows = fixture.Rows($"""
            SELECT hex(tx_hash), evt_index, transaction_type, symbol, amount, CAST(amount_raw AS VARCHAR), amount_usd FROM lending.{model}
            """).ToDictionary(r => (r[0], long.Parse(r[1], CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Count, baseRows.Count);
        Assert.Equal(expected.Count, lendingRows.Count);
        foreach (var m in expected)
        {
            var b = baseRows[(m.Hash, m.Index)];
            Assert.Equal([m.Type, m.LoanType ?? "", m.Token, m.Party, m.OnBehalfOf ?? "", m.Other ?? "", m.Liquidator ?? ""], b[2..9]);
            AssertClose(m.Sign * (double)m.Raw, b[9]);
            Assert.Equal([m.Raw.ToString(CultureInfo.InvariantCulture), m.Month, "ethereum", "aave", "3", Pool], b[10..16]);
            var (symbol, decimals) = tokens[m.Token];
            var l = lendingRows[(m.Hash, m.Index)];
            Assert.Equal([m.Type, symbol], l[2..4]);
            AssertClose(m.Sign * (double)m.Raw / Math.Pow(10, decimals), l[4]);
            Assert.Equal(m.Raw.ToString(CultureInfo.InvariantCulture), l[5]);
            AssertClose(m.Sign * (double)m.Raw / Math.Pow(10, decimals) * prices[(m.Token, m.Minute)], l[6]);
        }
        Assert.Contains(expected, m => m.Sign < 0);
        Assert.Contains(expected, m => m.Liquidator is not null);
        // the project's view: lending's rows of Aave on Ethereum, its columns
        Assert.Equal(expected.Count, Convert.ToInt64(fixture.Scalar($"""
            SELECT count(*) FROM aave_ethereum.{model} a JOIN lending.{model} l USING (tx_hash, evt_index, transaction_type)
            WHERE a.amount = l.amount AND a.amount_usd IS NOT DISTINCT FROM l.amount_usd AND a.symbol = l.symbol
            """), CultureInfo.InvariantCulture));
    }

    private static void AssertClose(double expected, string actual)
    {
        double a = double.Parse(actual, CultureInfo.InvariantCulture);
        Assert.True(Math.Abs(a - expected) <= 1e-9 * Math.Max(1e-12, Math.Abs(expected)), $"{actual} vs {expected}");
    }
}
