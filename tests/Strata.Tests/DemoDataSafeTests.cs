using System.Globalization;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables13: Safe creations on the demo chain, Dune's decoded <c>gnosis_safe_ethereum</c> tables and spellbook's
/// <c>safe_ethereum.singletons</c> and <c>safe_ethereum.safes</c>, checked against what is computed here from the raw rows:
/// the factory calls' ABI-encoded arguments (<c>ethereum.transactions</c>) and the proxy each call returned (its root trace).
/// </summary>
public sealed class DemoDataSafeTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + "evt_index bigint, evt_block_time timestamp(3) with time zone, evt_block_number bigint, evt_block_date date, ";

    public static TheoryData<string, string> Schemas => new()
    {
        // ProxyCreation(address proxy, address singleton) / (address indexed proxy, address singleton)
        { "gnosis_safe_ethereum.GnosisSafeProxyFactory_v1_3_0_evt_ProxyCreation", Evt + "proxy varbinary, singleton varbinary" },
        { "gnosis_safe_ethereum.SafeProxyFactory_v_1_4_1_evt_ProxyCreation", Evt + "proxy varbinary, singleton varbinary" },
        // SafeSetup(address indexed initiator, address[] owners, uint256 threshold, address initializer, address fallbackHandler)
        { "gnosis_safe_ethereum.GnosisSafev1_3_0_evt_SafeSetup",
            Evt + "fallbackHandler varbinary, initializer varbinary, initiator varbinary, owners array(varbinary), threshold uint256" },
        { "safe_ethereum.singletons", "address varbinary" },
        // spellbook's safe_ethereum_safes, its select's order
        { "safe_ethereum.safes", "blockchain varchar, address varbinary, creation_version varchar, block_date date, block_month date, "
            + "creation_time timestamp(3) with time zone, tx_hash varbinary" },
        // spellbook's safe_transactions macro, its select's order
        { "safe_ethereum.transactions", "blockchain varchar, block_date date, block_month date, block_time timestamp(3) with time zone, "
            + "block_number bigint, tx_hash varbinary, address varbinary, to varbinary, value uint256, gas bigint, execution_gas_used bigint, "
            + "total_gas_used bigint, tx_index bigint, sub_traces bigint, trace_address array(bigint), success boolean, error varchar, "
            + "code varbinary, input varbinary, output varbinary, method varchar" },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Safe_tables_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    private sealed record Creation(string Hash, bool Success, string From, string Factory, string Singleton, string Setup, string[] Owners,
        long Threshold, string FallbackHandler, string Proxy, long Block, long Index, string Day)
    {
        public DemoData.SafeFactory Version => DemoData.SafeFactories.Single(f => f.Factory.Equals(Factory, StringComparison.OrdinalIgnoreCase));
    }

    private static long Word(byte[] data, int at) => (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(at + 24, 8));

    private static string Address(byte[] data, int at) => Convert.ToHexString(data.AsSpan(at + 12, 20));

    /// <summary>The calls of the Safe factories in chain order: the arguments read from their ABI encoding, the proxy from the root trace's output.</summary>
    private List<Creation> Creations()
    {
        string factories = string.Join(", ", DemoData.SafeFactories.Select(f => $"unhex('{f.Factory}')"));
        var creations = new List<Creation>();
        foreach (var r in fixture.Rows($"""
            SELECT hex(t.hash), t.success, hex(t."from"), hex(t."to"), hex(t.data), coalesce(hex(r.output), ''), t.block_number, t."index",
                   CAST(CAST(timezone('UTC', t.block_time) AS DATE) AS VARCHAR)
            FROM ethereum.transactions t
            JOIN ethereum.traces r ON r.tx_hash = t.hash AND r.block_number = t.block_number AND len(r.trace_address) = 0
            WHERE t."to" IN ({factories}) ORDER BY t.block_number, t."index"
            """))
        {
            byte[] data = Convert.FromHexString(r[4]);
            Assert.Equal("1688F0B9", r[4][..8]);  // createProxyWithNonce(address,bytes,uint256)
            int at = 4 + (int)Word(data, 4 + 32);
            byte[] setup = data[(at + 32)..(at + 32 + (int)Word(data, at))];
            Assert.Equal("B63E800D", Convert.ToHexString(setup[..4]));  // setup(address[],uint256,address,bytes,address,address,uint256,address)
            int owners = 4 + (int)Word(setup, 4);
            byte[] output = Convert.FromHexString(r[5]);
            creations.Add(new Creation(r[0], bool.Parse(r[1]), r[2], r[3], Address(data, 4), Convert.ToHexString(setup),
                [.. Enumerable.Range(0, (int)Word(setup, owners)).Select(j => Address(setup, owners + 32 + 32 * j))],
                Word(setup, 4 + 32), Address(setup, 4 + 4 * 32), output.Length == 32 ? Address(output, 0) : "",
                long.Parse(r[6], CultureInfo.InvariantCulture), long.Parse(r[7], CultureInfo.InvariantCulture), r[8]));
        }
        return creations;
    }

    [Fact]
    public void Each_creation_calls_its_versions_factory_with_a_valid_setup()
    {
        var creations = Creations();
        Assert.True(creations.Count(c => c.Success) >= 10, $"{creations.Count} creations");
        Assert.All(creations, c =>
        {
            Assert.Equal(c.Version.Singleton, c.Singleton, ignoreCase: true);
            Assert.Equal(c.Version.FallbackHandler, c.FallbackHandler, ignoreCase: true);
            Assert.InRange(c.Owners.Length, 1, 3);
            Assert.Equal(c.From, c.Owners[0]);
            Assert.Equal(c.Owners.Length, c.Owners.Distinct().Count());
            Assert.InRange(c.Threshold, 1, c.Owners.Length);
        });
        Assert.Equal(DemoData.SafeFactories.Count, creations.Select(c => c.Factory).Distinct().Count());
        Assert.All(creations.Where(c => c.Success), c => Assert.Equal(40, c.Proxy.Length));
        Assert.Equal(creations.Count(c => c.Success), creations.Where(c => c.Success).Select(c => c.Proxy).Distinct().Count());
    }

    [Fact]
    public void A_creations_traces_are_the_create2_the_setup_call_and_its_delegatecall()
    {
        var creations = Creations();
        var traces = fixture.Rows($"""
            SELECT hex(tx_hash), CAST(trace_address AS VARCHAR), type, coalesce(call_type, ''), hex("from"), hex("to"), coalesce(hex(address), ''),
                   coalesce(hex(input), ''), gas_used > 10000, success, sub_traces
            FROM ethereum.traces WHERE tx_hash IN (SELECT hash FROM ethereum.transactions WHERE "to" IN
                ({string.Join(", ", DemoData.SafeFactories.Select(f => $"unhex('{f.Factory}')"))}))
            ORDER BY block_number, tx_index, trace_address
            """).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var c in creations)
        {
            var t = traces[c.Hash];
            if (!c.Success)
            {
                Assert.Single(t);
                continue;
            }
            Assert.Equal(4, t.Count);
            Assert.Equal(["[]", "call", "call", c.From, c.Factory, "", "True", "2"], new[] { t[0][1], t[0][2], t[0][3], t[0][4], t[0][5], t[0][6], t[0][9], t[0][10] });
            Assert.Equal(["[0]", "create", "", c.Factory, c.Proxy, c.Proxy, "True"], t[1][1..7].Append(t[1][9]));
            // the creation code ends in its constructor argument, the singleton
            Assert.EndsWith("000000000000000000000000" + c.Singleton, t[1][7], StringComparison.Ordinal);
            Assert.Equal(["[1]", "call", "call", c.Factory, c.Proxy, "", c.Setup, "1"], new[] { t[2][1], t[2][2], t[2][3], t[2][4], t[2][5], t[2][6], t[2][7], t[2][10] });
            Assert.Equal(["[1, 0]", "call", "delegatecall", c.Proxy, c.Singleton, "", c.Setup, "True"], t[3][1..9]);
        }
    }

    [Fact]
    public void The_decoded_events_are_the_creations_of_each_factory()
    {
        var created = Creations().Where(c => c.Success).ToList();
        foreach (var (table, version) in new[] { ("GnosisSafeProxyFactory_v1_3_0_evt_ProxyCreation", "1.3.0"), ("SafeProxyFactory_v_1_4_1_evt_ProxyCreation", "1.4.1") })
        {
            var rows = fixture.Rows($"""
                SELECT hex(evt_tx_hash), hex(contract_address), hex(evt_tx_from), hex(proxy), hex(singleton)
                FROM gnosis_safe_ethereum."{table}" ORDER BY evt_block_number, evt_index
                """);
            var expected = created.Where(c => c.Version.Version == version).Select(c => new[] { c.Hash, c.Factory, c.From, c.Proxy, c.Singleton }).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, rows);
        }
        var setups = fixture.Rows("""
            SELECT hex(evt_tx_hash), hex(contract_address), hex(initiator), array_to_string(list_transform(owners, lambda o: hex(o)), ','),
                   CAST(threshold AS VARCHAR), hex(initializer), hex("fallbackHandler")
            FROM gnosis_safe_ethereum."GnosisSafev1_3_0_evt_SafeSetup" ORDER BY evt_block_number, evt_index
            """);
        Assert.Equal(created.Where(c => c.Version.Version == "1.3.0").Select(c => new[]
        {
            c.Hash, c.Proxy, c.Factory, string.Join(',', c.Owners), c.Threshold.ToString(CultureInfo.InvariantCulture), new string('0', 40), c.FallbackHandler,
        }).ToList(), setups);
        // every log of the creations: the proxy's SafeSetup then the factory's ProxyCreation; none for a failed one
        long logs = Convert.ToInt64(fixture.Scalar($"""
            SELECT count(*) FROM ethereum.logs WHERE tx_hash IN (SELECT hash FROM ethereum.transactions WHERE "to" IN
                ({string.Join(", ", DemoData.SafeFactories.Select(f => $"unhex('{f.Factory}')"))}))
            """), CultureInfo.InvariantCulture);
        Assert.Equal(2 * created.Count, logs);
    }

    [Fact]
    public void Safes_are_the_proxies_set_up_through_a_singleton_with_their_version()
    {
        var created = Creations().Where(c => c.Success).ToList();
        var rows = fixture.Rows("""
            SELECT blockchain, hex(address), creation_version, CAST(block_date AS VARCHAR), CAST(block_month AS VARCHAR), hex(tx_hash)
            FROM safe_ethereum.safes ORDER BY creation_time, tx_hash
            """);
        var expected = created.OrderBy(c => c.Block).ThenBy(c => c.Hash, StringComparer.Ordinal).Select(c => new[]
        {
            "ethereum", c.Proxy, c.Version.Version, c.Day, c.Day[..8] + "01", c.Hash,
        }).ToList();
        Assert.Equal(expected.OrderBy(e => e[5], StringComparer.Ordinal).Select(e => e[1]),
            rows.OrderBy(r => r[5], StringComparer.Ordinal).Select(r => r[1]));
        Assert.Equal(expected.OrderBy(e => e[5], StringComparer.Ordinal), rows.OrderBy(r => r[5], StringComparer.Ordinal));
        Assert.Equal(created.Select(c => c.Singleton).Distinct().Order(StringComparer.Ordinal),
            fixture.Rows("SELECT hex(address) FROM safe_ethereum.singletons").Select(r => r[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Safe_transactions_are_their_owners_execTransaction_calls_through_the_singleton()
    {
        var safes = Creations().Where(c => c.Success).ToDictionary(c => c.Proxy);
        string proxies = string.Join(", ", safes.Keys.Select(p => $"unhex('{p}')"));
        var calls = fixture.Rows($"""
            SELECT hex(hash), success, hex("from"), hex("to"), hex(data), CAST(gas_used AS VARCHAR), block_number, "index"
            FROM ethereum.transactions WHERE "to" IN ({proxies}) ORDER BY block_number, "index"
            """);
        Assert.True(calls.Count(c => c[1] == "True") >= 5, $"{calls.Count} Safe transactions");
        var traces = fixture.Rows($"""
            SELECT hex(tx_hash), CAST(trace_address AS VARCHAR), coalesce(call_type, ''), hex("from"), hex("to"), hex(input), success,
                   coalesce(error, ''), gas_used, gas
            FROM ethereum.traces WHERE tx_hash IN (SELECT hash FROM ethereum.transactions WHERE "to" IN ({proxies}))
            ORDER BY block_number, tx_index, trace_address
            """).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        var expected = new List<string[]>();
        foreach (var c in calls)
        {
            var safe = safes[c[3]];
            byte[] data = Convert.FromHexString(c[4]);
            Assert.Equal("6A761202", c[4][..8]);  // execTransaction(address,uint256,bytes,uint8,uint256,uint256,uint256,address,address,bytes)
            Assert.Equal(safe.Owners[0], c[2]);  // sent by the Safe's creator, its first owner
            Assert.True(safe.Block <= long.Parse(c[6], CultureInfo.InvariantCulture));
            string to = Address(data, 4);
            int inner = 4 + (int)Word(data, 4 + 2 * 32);
            string innerData = Convert.ToHexString(data.AsSpan(inner + 32, (int)Word(data, inner)));
            int signatures = 4 + (int)Word(data, 4 + 9 * 32);
            Assert.Equal(65 * safe.Threshold, Word(data, signatures));
            var t = traces[c[0]];
            // a failed one is its call reverting: the singleton reverts too (GS013: no safeTxGas, no refund), and so the root; as a
            // node traces it, each frame that reverted has its error and every frame of the transaction is unsuccessful
            string ok = c[1], error = c[1] == "True" ? "" : "Reverted";
            Assert.Equal(3, t.Count);
            Assert.Equal(["[]", "call", c[2], safe.Proxy, c[4], ok, error], t[0][1..8]);
            Assert.Equal(["[0]", "delegatecall", safe.Proxy, safe.Singleton, c[4], ok, error], t[1][1..8]);
            Assert.Equal(["[0, 0]", "call", safe.Proxy, to, innerData, ok, error], t[2][1..8]);
            // each frame used no more gas than its caller, nor more than it was given
            long Used(int j) => long.Parse(t[j][8], CultureInfo.InvariantCulture);
            Assert.True(Used(0) >= Used(1) && Used(1) >= Used(2), $"gas used {Used(0)}, {Used(1)}, {Used(2)}");
            Assert.All(t, f => Assert.True(long.Parse(f[8], CultureInfo.InvariantCulture) <= long.Parse(f[9], CultureInfo.InvariantCulture)));
            expected.Add([c[0], safe.Proxy, safe.Singleton, c[4], c[5], "[0]", "execTransaction", ok]);
        }
        var rows = fixture.Rows("""
            SELECT hex(tx_hash), hex(address), hex("to"), hex(input), CAST(total_gas_used AS VARCHAR), CAST(trace_address AS VARCHAR), method, success
            FROM safe_ethereum.transactions ORDER BY block_number, tx_index
            """);
        Assert.Equal(expected, rows);
        // each executed Safe transaction logs ExecutionSuccess from the Safe
        Assert.Equal(expected.Count(e => e[7] == "True"), Convert.ToInt64(fixture.Scalar($"""
            SELECT count(*) FROM ethereum.logs WHERE contract_address IN ({proxies})
              AND topic0 = unhex('442e715f626346e8c54381002da614f62bee8d27386535b2521ec8540898556e')
            """), CultureInfo.InvariantCulture));
    }
}
