using System.Globalization;
using System.Numerics;
using System.Text;
using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Lido's pool on the demo chain: stETH balances are shares, and every amount of stETH is converted to and from shares at
/// the pool's totals, as Lido's StETH contract does (<c>getSharesByPooledEth(e) = e * totalShares / totalPooledEther</c>,
/// <c>getPooledEthByShares(s) = s * totalPooledEther / totalShares</c>, both rounding down).
/// <list type="bullet">
/// <item>The pool starts the span at <see cref="StethTotalPooledEtherAtStart"/> wei and <see cref="StethTotalSharesAtStart"/>
/// shares (1.21 ether a share). The demo has no oracle report (no rebase), so only its submits change the totals: a
/// successful submit of e wei mints <c>s = getSharesByPooledEth(e)</c> shares at the totals before it, then both totals grow
/// (by s and by e), and its mint <c>Transfer</c> carries <c>getPooledEthByShares(s)</c> at the totals after it, which is e or
/// a few wei less.</item>
/// <item>A wallet's <c>transfer(recipient, amount)</c> of stETH moves <c>getSharesByPooledEth(amount)</c> shares at the totals
/// of its moment and logs <c>Transfer(amount)</c> then <c>TransferShares(shares)</c>.</item>
/// <item>The recurrence (each submit's rounding moves the next one's rate) runs here, in chain order, over the temporary
/// transactions; its result is <c>demo_tx</c>'s <c>steth_shares</c> and <c>steth_value</c> (the mint's stETH).</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    /// <summary>Lido's total pooled ether at the span's start, in wei (9,680,000 ETH).</summary>
    public static BigInteger StethTotalPooledEtherAtStart { get; } = BigInteger.Parse("9680000000000000000000000", CultureInfo.InvariantCulture);

    /// <summary>Lido's total shares at the span's start (8,000,000e18: 1.21 ether a share).</summary>
    public static BigInteger StethTotalSharesAtStart { get; } = BigInteger.Parse("8000000000000000000000000", CultureInfo.InvariantCulture);

    /// <summary>Rows a statement of the pool's results inserts.</summary>
    private const int StethPoolBatch = 2000;

    /// <summary>Computes the stETH shares of the successful submits and stETH transfers of demo_tx, in chain order.</summary>
    private static void StethPool(DuckDBConnection connection)
    {
        var rows = new List<(long I, BigInteger Shares, BigInteger Value)>();
        BigInteger pooled = StethTotalPooledEtherAtStart, shares = StethTotalSharesAtStart;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = $"""
                SELECT i, kind, CAST(path_amt[1] AS VARCHAR) FROM demo_tx
                WHERE success AND (kind = 'lido' OR (kind = 'erc20' AND path_id[1] = {StethTokenId}))
                ORDER BY i
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                long i = reader.GetInt64(0);
                var amount = BigInteger.Parse(reader.GetString(2), CultureInfo.InvariantCulture);
                BigInteger moved = amount * shares / pooled;
                if (string.Equals(reader.GetString(1), "lido", StringComparison.Ordinal))
                {
                    shares += moved;
                    pooled += amount;
                    rows.Add((i, moved, moved * pooled / shares));
                }
                else
                {
                    rows.Add((i, moved, amount));
                }
            }
        }
        DuckDbCommands.Exec(connection, "CREATE OR REPLACE TEMP TABLE demo_steth (i BIGINT, shares HUGEINT, value HUGEINT)");
        foreach (var batch in rows.Chunk(StethPoolBatch))
        {
            var sql = new StringBuilder("INSERT INTO demo_steth VALUES ");
            sql.AppendJoin(", ", batch.Select(r => string.Create(CultureInfo.InvariantCulture, $"({r.I}, '{r.Shares}'::HUGEINT, '{r.Value}'::HUGEINT)")));
            DuckDbCommands.Exec(connection, sql.ToString());
        }
        DuckDbCommands.Exec(connection, """
            ALTER TABLE demo_tx ADD COLUMN steth_shares HUGEINT;
            ALTER TABLE demo_tx ADD COLUMN steth_value HUGEINT;
            UPDATE demo_tx SET steth_shares = s.shares, steth_value = s.value FROM demo_steth s WHERE demo_tx.i = s.i;
            """);
    }
}
