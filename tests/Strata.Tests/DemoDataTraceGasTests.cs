using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables15: every demo transaction's traces are consistent with one another as a node's call tracer reports them,
/// checked from the raw rows of <c>ethereum.traces</c> and <c>ethereum.transactions</c>, for every kind of demo transaction (told
/// apart here by the transaction's recipient and selector). A node gives a call at most 63/64 of the gas its caller has left
/// (EIP-150) after what the caller used before it (at least its earlier callees' gas used), plus the 2,300 stipend when it moves
/// value; a frame uses no more than it was given, and its callees' gas used is part of its own; a frame that ran out of gas used
/// all it was given, and a transaction whose root ran out of gas used its whole limit; a frame succeeds only if its caller does.
/// </summary>
public sealed class DemoDataTraceGasTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    private sealed record Frame(int[] Address, long Gas, long Used, string Error, bool Success, bool Value, long SubTraces);

    private sealed record Tx(string Kind, bool Success, long GasUsed, long GasLimit, bool Create, List<Frame> Frames);

    /// <summary>What a transaction is, from its raw row: the kinds the demo chain generates.</summary>
    private static string Kind(string to, string selector, string type) => type == "3" ? "blob"
        : to.Length == 0 ? "create"
        : selector.Length == 0 ? "eth"
        : selector switch
        {
            "A9059CBB" => "erc20 transfer", "095EA7B3" => "approve", "7FF36AB5" or "18CBAFE5" or "38ED1739" => "swap",
            "D0E30DB0" => "weth deposit", "2E1A7D4D" => "weth withdraw", "A0712D68" => "nft mint", "A1903EAB" => "lido submit",
            "22895118" => "beacon deposit", "1688F0B9" => "safe creation", "6A761202" => "safe execTransaction",
            "1FAD948C" => "erc4337 handleOps", "13D79A0B" => "cow settle", _ => "contract call",
        };

    private Dictionary<string, Tx> Transactions()
    {
        var txs = new Dictionary<string, Tx>();
        foreach (var r in fixture.Rows("""
            SELECT hex(hash), coalesce(hex("to"), ''), substr(hex(data), 1, 8), type, success, gas_used, gas_limit FROM ethereum.transactions
            """))
        {
            txs[r[0]] = new Tx(Kind(r[1], r[2], r[3]), r[4] == "True", long.Parse(r[5], CultureInfo.InvariantCulture),
                long.Parse(r[6], CultureInfo.InvariantCulture), r[1].Length == 0, []);
        }
        foreach (var r in fixture.Rows("""
            SELECT hex(tx_hash), array_to_string(trace_address, ','), gas, gas_used, coalesce(error, ''), success, value > 0, sub_traces
            FROM ethereum.traces ORDER BY block_number, tx_index, trace_address
            """))
        {
            int[] address = r[1].Length == 0 ? [] : r[1].Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
            txs[r[0]].Frames.Add(new Frame(address, long.Parse(r[2], CultureInfo.InvariantCulture), long.Parse(r[3], CultureInfo.InvariantCulture),
                r[4], r[5] == "True", r[6] == "True", long.Parse(r[7], CultureInfo.InvariantCulture)));
        }
        return txs;
    }

    [Fact]
    public void Every_trace_is_consistent_with_its_caller_and_its_transaction()
    {
        var txs = Transactions();
        var problems = new List<string>();
        var checkedKinds = new Dictionary<string, int>();
        int outOfGas = 0, children = 0;
        foreach (var (hash, tx) in txs)
        {
            void Problem(string what) => problems.Add($"{tx.Kind} {hash[..16]}: {what}");
            var byAddress = tx.Frames.ToDictionary(f => string.Join(',', f.Address));
            if (!byAddress.TryGetValue("", out var root))
            {
                Problem("no root trace");
                continue;
            }
            checkedKinds[tx.Kind] = checkedKinds.GetValueOrDefault(tx.Kind) + 1;
            long intrinsic = tx.GasLimit - root.Gas;
            if (intrinsic < 21000 || (tx.Create && intrinsic < 53000))
            {
                Problem($"root gas {root.Gas} leaves {intrinsic} of the limit {tx.GasLimit} for the intrinsic cost");
            }
            if (root.Used > tx.GasUsed - 21000 && root.Used > 0)
            {
                Problem($"root used {root.Used} of a transaction that used {tx.GasUsed}");
            }
            if (root.Success != tx.Success)
            {
                Problem("root's success differs from the transaction's");
            }
            if (root.Error == "Out of gas")
            {
                outOfGas++;
                if (tx.GasUsed != tx.GasLimit)
                {
                    Problem($"out of gas, but used {tx.GasUsed} of its limit {tx.GasLimit}");
                }
            }
            foreach (var f in tx.Frames)
            {
                string at = "[" + string.Join(',', f.Address) + "]";
                if (f.Used < 0 || f.Used > f.Gas)
                {
                    Problem($"{at} used {f.Used} of {f.Gas}");
                }
                if (f.Error == "Out of gas" && f.Used != f.Gas)
                {
                    Problem($"{at} out of gas after {f.Used} of {f.Gas}");
                }
                if (f.Error.Length > 0 && f.Success)
                {
                    Problem($"{at} has an error and succeeded");
                }
                var kids = tx.Frames.Where(c => c.Address.Length == f.Address.Length + 1 && c.Address.AsSpan(0, f.Address.Length).SequenceEqual(f.Address))
                    .OrderBy(c => c.Address[^1]).ToList();
                if (kids.Count != f.SubTraces || kids.Select((c, j) => c.Address[^1] != j).Any(b => b))
                {
                    Problem($"{at} says {f.SubTraces} callees, has {kids.Count}");
                }
                long before = 0;
                foreach (var c in kids)
                {
                    children++;
                    long left = f.Gas - before;
                    long allowed = left - left / 64 + (c.Value ? 2300 : 0);
                    if (c.Gas > allowed)
                    {
                        Problem($"[{string.Join(',', c.Address)}] given {c.Gas}, its caller had {left} left (63/64: {left - left / 64})");
                    }
                    if (c.Success && !f.Success)
                    {
                        Problem($"[{string.Join(',', c.Address)}] succeeded under a failed caller");
                    }
                    before += c.Used;
                }
                if (before > f.Used)
                {
                    Problem($"{at} used {f.Used}, its callees {before}");
                }
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} problems, e.g.\n" + string.Join('\n', problems.Take(20)));
        string[] kinds =
        [
            "eth", "blob", "create", "erc20 transfer", "approve", "swap", "weth deposit", "weth withdraw", "nft mint", "lido submit",
            "beacon deposit", "safe creation", "safe execTransaction", "erc4337 handleOps", "contract call",
        ];
        Assert.All(kinds, k => Assert.True(checkedKinds.GetValueOrDefault(k) >= 5, $"{k}: {checkedKinds.GetValueOrDefault(k)} transactions"));
        Assert.True(outOfGas >= 5 && children >= 1000, $"{outOfGas} out of gas, {children} inner calls");
    }
}
