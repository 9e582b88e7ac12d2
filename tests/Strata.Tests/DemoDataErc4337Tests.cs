using System.Globalization;
using System.Numerics;
using Strata.Engine.DuckDb;
using static Strata.Tests.AbiWords;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables14: ERC-4337 bundles on the demo chain (EntryPoint v0.6 <c>handleOps</c>), Dune's decoded
/// <c>erc4337_ethereum</c> tables and spellbook's <c>account_abstraction_erc4337</c> user operations, checked against what is
/// computed here from the raw rows: the bundles' calldata parsed as the ABI encodes it, the blocks' base fees, the logs.
/// </summary>
public sealed class DemoDataErc4337Tests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private const string Evt = "contract_address varbinary, evt_tx_hash varbinary, evt_tx_from varbinary, evt_tx_to varbinary, evt_tx_index bigint, "
        + "evt_index bigint, evt_block_time timestamp(3) with time zone, evt_block_number bigint, evt_block_date date";

    private const string Userops = "blockchain varchar, version varchar, block_month date, block_time timestamp(3) with time zone, "
        + "entrypoint_contract varbinary, tx_hash varbinary, sender varbinary, userop_hash varbinary, success boolean, paymaster varbinary, "
        + "op_fee double, op_fee_usd double, bundler varbinary, tx_to varbinary, gas_symbol varchar, tx_fee double, tx_fee_usd double, beneficiary varbinary";

    /// <summary>handleOps' UserOperation[] as Dune decodes a tuple array (the struct's members in order).</summary>
    internal const string Ops = "array(row(sender varbinary, nonce uint256, initCode varbinary, callData varbinary, callGasLimit uint256, "
        + "verificationGasLimit uint256, preVerificationGas uint256, maxFeePerGas uint256, maxPriorityFeePerGas uint256, "
        + "paymasterAndData varbinary, signature varbinary))";

    private const string UserOperationEvent = "49628FD1471006C1482DA88028E9CE4DBB080B815C9B0344D39E5A8E6EC1419F";
    private const string BeforeExecution = "BB47EE3E183A558B1A2FF0874B079F3FC5478B7454EACF2BFC5AF2FF5878F972";
    private static readonly string EntryPoint = DemoData.EntryPointV06.ToUpperInvariant();
    private static readonly string Zero = new('0', 40);

    public static TheoryData<string, string> Schemas => new()
    {
        // UserOperationEvent(bytes32 indexed userOpHash, address indexed sender, address indexed paymaster, uint256 nonce, bool success,
        // uint256 actualGasCost, uint256 actualGasUsed)
        { "erc4337_ethereum.EntryPoint_v0_6_evt_UserOperationEvent", Evt + ", userOpHash varbinary, sender varbinary, paymaster varbinary, "
            + "nonce uint256, success boolean, actualGasCost uint256, actualGasUsed uint256" },
        { "erc4337_ethereum.EntryPoint_v0_6_evt_BeforeExecution", Evt },
        // handleOps(UserOperation[] ops, address beneficiary)
        { "erc4337_ethereum.EntryPoint_v0_6_call_handleOps", "contract_address varbinary, call_success boolean, call_tx_hash varbinary, "
            + "call_tx_from varbinary, call_tx_to varbinary, call_tx_index bigint, call_trace_address array(bigint), "
            + "call_block_time timestamp(3) with time zone, call_block_number bigint, call_block_date date, "
            + "ops " + Ops + ", beneficiary varbinary" },
        // spellbook's erc4337_userops_basics, then erc4337_userops_enrichments and the union (their selects' order)
        { "account_abstraction_erc4337_ethereum.v0_6_userops_basics", "blockchain varchar, version varchar, block_month date, "
            + "block_time timestamp(3) with time zone, entrypoint_contract varbinary, tx_hash varbinary, sender varbinary, userop_hash varbinary, "
            + "success boolean, paymaster varbinary, op_fee double, beneficiary varbinary" },
        { "account_abstraction_erc4337_ethereum.userops", Userops },
        { "account_abstraction_erc4337.userops", Userops },
    };

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Erc4337_tables_have_Dunes_columns_and_types(string table, string columns) =>
        DemoDataTests.AssertDuneColumns(fixture.Connection, table, columns);

    private sealed record Op(string Sender, BigInteger Nonce, string InitCode, string CallData, long CallGas, long VerGas, long Pvg, long MaxFee,
        long Prio, string PaymasterAndData, string Signature, string Tuple)
    {
        public string Paymaster => PaymasterAndData.Length >= 40 ? PaymasterAndData[..40] : Zero;
        public string Dest => CallData.Substring(8 + 24, 40);
        public string Func => CallData.Substring(2 * (4 + (int)Word(Convert.FromHexString(CallData), 4 + 64)) + 64, 72);
    }

    private sealed record Bundle(string Hash, bool Success, string From, long Block, long Index, long BaseFee, long GasUsed, long GasPrice, string Month,
        string Minute, string Beneficiary, List<Op> Ops);

    private static long Word(byte[] data, int at) => (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(data.AsSpan(at + 24, 8));

    private static string W(BigInteger v) => v.ToString("X64", CultureInfo.InvariantCulture)[^64..];

    /// <summary>The EntryPoint's handleOps transactions in chain order, their UserOperation[] read from the ABI encoding.</summary>
    private List<Bundle> Bundles()
    {
        var bundles = new List<Bundle>();
        foreach (var r in fixture.Rows($"""
            SELECT hex(t.hash), t.success, hex(t."from"), t.block_number, t."index", b.base_fee_per_gas, t.gas_used, t.gas_price,
                   CAST(CAST(date_trunc('month', timezone('UTC', t.block_time)) AS DATE) AS VARCHAR),
                   CAST(epoch(t.block_time)::BIGINT // 60 * 60 AS VARCHAR), hex(t.data)
            FROM ethereum.transactions t JOIN ethereum.blocks b ON b.number = t.block_number
            WHERE t."to" = unhex('{EntryPoint}') ORDER BY t.block_number, t."index"
            """))
        {
            byte[] data = Convert.FromHexString(r[10]);
            Assert.Equal("1FAD948C", r[10][..8]);  // handleOps((address,uint256,bytes,bytes,uint256,uint256,uint256,uint256,uint256,bytes,bytes)[],address)
            int count = (int)Word(data, 4 + 64);
            var starts = Enumerable.Range(0, count).Select(j => 4 + 96 + (int)Word(data, 4 + 96 + 32 * j)).Append(data.Length).ToList();
            var ops = new List<Op>();
            for (int j = 0; j < count; j++)
            {
                int p = starts[j];
                ops.Add(new Op(Convert.ToHexString(data.AsSpan(p + 12, 20)), Big(data, p + 32), Bytes(data, p + (int)Word(data, p + 64)),
                    Bytes(data, p + (int)Word(data, p + 96)), Word(data, p + 128), Word(data, p + 160), Word(data, p + 192), Word(data, p + 224),
                    Word(data, p + 256), Bytes(data, p + (int)Word(data, p + 288)), Bytes(data, p + (int)Word(data, p + 320)),
                    Convert.ToHexString(data.AsSpan(p, starts[j + 1] - p))));
            }
            long L(int k) => long.Parse(r[k], CultureInfo.InvariantCulture);
            bundles.Add(new Bundle(r[0], r[1] == "True", r[2], L(3), L(4), L(5), L(6), L(7), r[8], r[9], Convert.ToHexString(data.AsSpan(4 + 32 + 12, 20)), ops));
        }
        Assert.True(bundles.Count(b => b.Success) >= 10, $"{bundles.Count} bundles");
        return bundles;
    }

    [Fact]
    public void A_bundle_is_a_bundlers_handleOps_of_well_formed_user_operations()
    {
        var bundles = Bundles();
        foreach (var b in bundles)
        {
            Assert.Equal(b.From, b.Beneficiary);  // the bundler pays itself
            Assert.InRange(b.Ops.Count, 1, 3);
            foreach (var op in b.Ops)
            {
                Assert.Equal("", op.InitCode);
                Assert.Equal("B61D27F6", op.CallData[..8]);  // execute(address,uint256,bytes)
                Assert.Equal(130, op.Signature.Length);
                Assert.True(op.PaymasterAndData.Length is 0 or 298, op.PaymasterAndData);  // none, or paymaster + (validUntil, validAfter) + signature
                Assert.True(op.MaxFee == 2 * b.BaseFee + op.Prio, "maxFeePerGas");
            }
        }
        Assert.Contains(bundles, b => b.Ops.Any(o => o.Paymaster != Zero));
        Assert.Contains(bundles, b => b.Ops.Any(o => o.Paymaster == Zero));
        // the bundlers are few, and the demo's ERC-4337 bundles are Ethereum's only
        Assert.InRange(bundles.Select(b => b.From).Distinct().Count(), 2, 4);
        Assert.Equal(0L, Convert.ToInt64(fixture.Scalar($"SELECT count(*) FROM base.transactions WHERE \"to\" = unhex('{EntryPoint}')"), CultureInfo.InvariantCulture));
    }

    /// <summary>Per bundle, the logs and traces the EntryPoint leaves, computed from the calldata and the block's base fee.</summary>
    [Fact]
    public void A_bundles_logs_and_traces_are_the_EntryPoints()
    {
        var bundles = Bundles();
        var logs = fixture.Rows($"""
            SELECT hex(tx_hash), hex(contract_address), coalesce(hex(topic0), ''), coalesce(hex(topic1), ''), coalesce(hex(topic2), ''),
                   coalesce(hex(topic3), ''), hex(data)
            FROM ethereum.logs WHERE tx_hash IN (SELECT hash FROM ethereum.transactions WHERE "to" = unhex('{EntryPoint}'))
            ORDER BY block_number, "index"
            """).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        var traces = fixture.Rows($"""
            SELECT hex(tx_hash), CAST(trace_address AS VARCHAR), hex("from"), hex("to"), hex(input), hex(output), CAST(value AS VARCHAR), success,
                   coalesce(error, ''), sub_traces, gas_used, gas
            FROM ethereum.traces WHERE tx_hash IN (SELECT hash FROM ethereum.transactions WHERE "to" = unhex('{EntryPoint}'))
            ORDER BY block_number, tx_index, trace_address
            """).GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.ToList());
        int reverted = 0;
        foreach (var b in bundles)
        {
            var t = traces[b.Hash];
            if (!b.Success)
            {
                // FailedOp after the first account's validation: the root and that call, no logs
                Assert.False(logs.ContainsKey(b.Hash));
                Assert.Equal(2, t.Count);
                Assert.Equal(["[0]", EntryPoint, b.Ops[0].Sender, "False", ""], new[] { t[1][1], t[1][2], t[1][3], t[1][7], t[1][8] });
                Assert.StartsWith("3A871CDD", t[1][4], StringComparison.Ordinal);
                continue;
            }
            var l = logs[b.Hash];
            Assert.Equal(1 + b.Ops.Count, l.Count);
            Assert.Equal([EntryPoint, BeforeExecution, "", "", "", ""], l[0][1..]);
            var expected = new List<string[]>();
            int v = b.Ops.Count + b.Ops.Count(o => o.Paymaster != Zero), pos = 0;
            BigInteger collected = 0;
            for (int j = 0; j < b.Ops.Count; j++)
            {
                var op = b.Ops[j];
                var e = l[1 + j];
                byte[] data = Convert.FromHexString(e[6]);
                Assert.Equal([EntryPoint, UserOperationEvent], e[1..3]);
                Assert.Equal(["000000000000000000000000" + op.Sender, "000000000000000000000000" + op.Paymaster], e[4..6]);
                Assert.Equal(op.Nonce, Big(data, 0));
                Assert.Equal((BigInteger)0, op.Nonce & ulong.MaxValue);  // a fresh key, sequence 0
                bool success = Big(data, 32) == 1;
                reverted += success ? 0 : 1;
                BigInteger cost = Big(data, 64), used = Big(data, 96);
                Assert.Equal(used * Math.Min(op.MaxFee, op.Prio + b.BaseFee), cost);  // actualGasUsed × getUserOpGasPrice
                collected += cost;
                string hash = e[3];
                long prefund = (op.CallGas + op.VerGas * (op.Paymaster == Zero ? 1 : 3) + op.Pvg) * op.MaxFee;
                expected.Add([$"[{pos}]", EntryPoint, op.Sender, "3A871CDD" + W(96) + hash + W(0) + op.Tuple, W(0), "0", "True", ""]);
                if (op.Paymaster != Zero)
                {
                    expected.Add([$"[{pos + 1}]", EntryPoint, op.Paymaster, "F465C77E" + W(96) + hash + W(prefund) + op.Tuple, W(64) + W(0) + W(0), "0", "True", ""]);
                }
                pos += op.Paymaster == Zero ? 1 : 2;
            }
            for (int j = 0; j < b.Ops.Count; j++)
            {
                var op = b.Ops[j];
                byte[] data = Convert.FromHexString(l[1 + j][6]);
                bool success = Big(data, 32) == 1;
                string ok = success ? "True" : "False", error = success ? "" : "Reverted";
                var inner = t.Single(r => r[1] == $"[{v + j}]");
                Assert.Equal([EntryPoint, EntryPoint, W(Big(data, 64)), "True"], new[] { inner[2], inner[3], inner[5], inner[7] });
                Assert.StartsWith("1D732756", inner[4], StringComparison.Ordinal);  // innerHandleOp(bytes,UserOpInfo,bytes)
                expected.Add([$"[{v + j}]", EntryPoint, EntryPoint, inner[4], W(Big(data, 64)), "0", "True", ""]);
                expected.Add([$"[{v + j}, 0]", EntryPoint, op.Sender, op.CallData, "", "0", ok, error]);
                expected.Add([$"[{v + j}, 0, 0]", op.Sender, op.Dest, op.Func, "", "0", ok, error]);
            }
            expected.Add([$"[{v + b.Ops.Count}]", EntryPoint, b.From, "", "", collected.ToString(CultureInfo.InvariantCulture), "True", ""]);
            Assert.Equal(["[]", b.From, EntryPoint, "True"], new[] { t[0][1], t[0][2], t[0][3], t[0][7] });
            Assert.Equal((v + b.Ops.Count + 1).ToString(CultureInfo.InvariantCulture), t[0][9]);
            Assert.Equal(expected, t.Skip(1).Select(r => r[1..9]).ToList());
            // each frame used no more than it was given, and the root's children no more than the root
            Assert.All(t, r => Assert.True(long.Parse(r[10], CultureInfo.InvariantCulture) <= long.Parse(r[11], CultureInfo.InvariantCulture)));
            Assert.True(t.Where(r => r[1].Count(c => c == ',') == 0 && r[1] != "[]").Sum(r => long.Parse(r[10], CultureInfo.InvariantCulture))
                        <= long.Parse(t[0][10], CultureInfo.InvariantCulture));
        }
        Assert.True(reverted > 0, "some user operations revert");
    }

    /// <summary>The decoded tables and spellbook's user operations, from the bundles parsed here and their logs.</summary>
    [Fact]
    public void Decoded_tables_and_userops_are_the_bundles()
    {
        var bundles = Bundles();
        var events = fixture.Rows($"""
            SELECT hex(tx_hash), hex(topic1), hex(data) FROM ethereum.logs
            WHERE contract_address = unhex('{EntryPoint}') AND topic0 = unhex('{UserOperationEvent}') ORDER BY block_number, "index"
            """);
        var expectedEvents = new List<string[]>();
        var expectedOps = new List<string[]>();
        int k = 0;
        foreach (var b in bundles.Where(b => b.Success))
        {
            double price = Convert.ToDouble(fixture.Scalar($"""
                SELECT price FROM prices.usd WHERE blockchain = 'ethereum' AND contract_address = unhex('c02aaa39b223fe8d0a0e5c4f27ead9083c756cc2')
                  AND minute = to_timestamp({b.Minute})
                """), CultureInfo.InvariantCulture);
            double txFee = (double)b.GasUsed * b.GasPrice / 1e18;
            foreach (var op in b.Ops)
            {
                var e = events[k++];
                Assert.Equal(b.Hash, e[0]);
                byte[] data = Convert.FromHexString(e[2]);
                string success = Big(data, 32) == 1 ? "True" : "False";
                BigInteger cost = Big(data, 64);
                expectedEvents.Add([b.Hash, e[1], op.Sender, op.Paymaster, op.Nonce.ToString(CultureInfo.InvariantCulture), success,
                    cost.ToString(CultureInfo.InvariantCulture), Big(data, 96).ToString(CultureInfo.InvariantCulture)]);
                double fee = (double)cost / 1e18;
                expectedOps.Add([b.Month, b.Hash, op.Sender, e[1], success, op.Paymaster, R(fee), R(fee * price), b.From, EntryPoint, R(txFee),
                    R(txFee * price), b.Beneficiary]);
            }
        }
        Assert.Equal(events.Count, k);
        Assert.Equal(expectedEvents, fixture.Rows("""
            SELECT hex(evt_tx_hash), hex("userOpHash"), hex(sender), hex(paymaster), CAST(nonce AS VARCHAR), success,
                   CAST("actualGasCost" AS VARCHAR), CAST("actualGasUsed" AS VARCHAR)
            FROM erc4337_ethereum."EntryPoint_v0_6_evt_UserOperationEvent" ORDER BY evt_block_number, evt_index
            """));
        Assert.Equal(bundles.Count(b => b.Success), Convert.ToInt64(fixture.Scalar(
            "SELECT count(*) FROM erc4337_ethereum.\"EntryPoint_v0_6_evt_BeforeExecution\""), CultureInfo.InvariantCulture));
        // handleOps: every call (failed ones too), its ops as the calldata holds them
        var calls = fixture.Rows("""
            SELECT hex(call_tx_hash), call_success, hex(beneficiary), len(ops),
                   '[' || array_to_string(list_transform(ops, lambda o: hex(o.sender) || ':' || CAST(o.nonce AS VARCHAR) || ':' || hex(o."initCode") || ':' || hex(o."callData")
                       || ':' || CAST(o."callGasLimit" AS VARCHAR) || ':' || CAST(o."verificationGasLimit" AS VARCHAR) || ':' || CAST(o."preVerificationGas" AS VARCHAR)
                       || ':' || CAST(o."maxFeePerGas" AS VARCHAR) || ':' || CAST(o."maxPriorityFeePerGas" AS VARCHAR) || ':' || hex(o."paymasterAndData")
                       || ':' || hex(o.signature)), ', ') || ']'
            FROM erc4337_ethereum."EntryPoint_v0_6_call_handleOps" ORDER BY call_block_number, call_tx_index
            """);
        Assert.Equal(bundles.Select(b => new[] { b.Hash, b.Success ? "True" : "False", b.Beneficiary, b.Ops.Count.ToString(CultureInfo.InvariantCulture),
                "[" + string.Join(", ", b.Ops.Select(o => string.Join(':', o.Sender, o.Nonce.ToString(CultureInfo.InvariantCulture), o.InitCode, o.CallData,
                    o.CallGas, o.VerGas, o.Pvg, o.MaxFee, o.Prio, o.PaymasterAndData, o.Signature))) + "]" }),
            calls);
        var rows = fixture.Rows("""
            SELECT CAST(block_month AS VARCHAR), hex(tx_hash), hex(sender), hex(userop_hash), success, hex(paymaster), op_fee, op_fee_usd, hex(bundler),
                   hex(tx_to), tx_fee, tx_fee_usd, hex(beneficiary), blockchain, version, gas_symbol, hex(entrypoint_contract)
            FROM account_abstraction_erc4337.userops ORDER BY block_time, tx_hash, userop_hash
            """);
        Assert.All(rows, r => Assert.Equal(["ethereum", "v0.6", "ETH", EntryPoint], r[13..]));
        Assert.Equal(expectedOps.OrderBy(e => e[1], StringComparer.Ordinal).ThenBy(e => e[3], StringComparer.Ordinal).Select(e => string.Join('|', e)),
            rows.Select(r => string.Join('|', r[..6].Concat([R(D(r[6])), R(D(r[7]))]).Concat(r[8..10]).Concat([R(D(r[10])), R(D(r[11])), r[12]])))
                .OrderBy(s => s.Split('|')[1], StringComparer.Ordinal).ThenBy(s => s.Split('|')[3], StringComparer.Ordinal));
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>A double to nine significant digits (the model's products and divisions round in the last place).</summary>
    private static string R(double d) => d.ToString("G9", CultureInfo.InvariantCulture);
}
