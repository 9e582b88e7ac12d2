using DuckDB.NET.Data;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The blocks' blob gas and excess blob gas (<c>ethereum.blocks.blob_gas_used</c>, <c>excess_blob_gas</c>), by the header rule of
/// the block's fork: EIP-4844's <c>excess(n) = max(0, excess(n - 1) + used(n - 1) - target)</c>, and from Fusaka (Osaka) on
/// EIP-7918's reserve price: when <c>BLOB_BASE_COST * base_fee_per_gas(n - 1) > GAS_PER_BLOB * blob_base_fee(n - 1)</c> (2^13
/// against 2^17: the blob fee is below a sixteenth of the parent's base fee) and the parent's excess and blob gas reach the
/// target, the excess does not fall: it grows by <c>used(n - 1) * (max - target) / max</c> (integer division).
/// <list type="bullet">
/// <item>The blob gas a block uses is the whole chain's, of which the demo's blob transactions are a sample: per block, the
/// target's blob count (the fork's: Dencun 3, Pectra 6, Fusaka's BPO1 10 and BPO2 14) plus noise of up to three blobs either way
/// and a demand that swings above and below the target over a day (its amplitude over some days), less 0.3 of a blob on
/// average (without it the walk drifts up as the square root of the blocks), less half a blob for each e-fold of the block's
/// fee above the reserve price (<see cref="BlobDemandPerEFold"/>), at least the demo's own blobs and at most the fork's
/// maximum (6, 9, 15, 21).</item>
/// <item>The fee is EIP-4844's <c>fake_exponential(1, excess, update fraction)</c>, the fraction the block's fork's (3338477,
/// 5007716, 8346193, 11684671). The rule is a recurrence through the fee (an exponential of the running excess), so it runs
/// here, block by block; a span that starts after Fusaka starts at the least excess whose fee meets the first block's reserve
/// price, where the chain's fee sits (before Fusaka, at zero).</item>
/// </list>
/// </summary>
public static partial class DemoData
{
    /// <summary>EIP-4844's blob gas a blob (GAS_PER_BLOB).</summary>
    private const long GasPerBlob = 131_072;

    /// <summary>EIP-7918's BLOB_BASE_COST: a blob costs at least this much execution gas at the parent's base fee.</summary>
    private const long BlobBaseCost = 8_192;

    /// <summary>The first block of Fusaka (Osaka), from which EIP-7918 holds: <see cref="ReferenceBlock"/>.</summary>
    private const long FusakaBlock = ReferenceBlock;

    /// <summary>A block's blob schedule by its number (spellbook's fork blocks: Pectra, BPO1, BPO2): target and maximum blobs and
    /// the blob base fee's update fraction.</summary>
    private static (long Target, long Max, long Fraction) BlobSchedule(long number) =>
        number >= 24_179_383 ? (14, 21, 11_684_671) : number >= 23_975_778 ? (10, 15, 8_346_193)
        : number >= 22_431_084 ? (6, 9, 5_007_716) : (3, 6, 3_338_477);

    /// <summary>EIP-4844's fake_exponential(factor, numerator, denominator): factor * e^(numerator / denominator), in integers.</summary>
    private static UInt128 FakeExponential(UInt128 factor, UInt128 numerator, UInt128 denominator)
    {
        UInt128 output = 0, accumulator = factor * denominator;
        for (UInt128 i = 1; accumulator > 0; i++)
        {
            output += accumulator;
            accumulator = checked(accumulator * numerator) / (denominator * i);
        }
        return output / denominator;
    }

    /// <summary>The excess blob gas of a block from its parent's, by the block's fork (EIP-4844, and EIP-7918 from Fusaka on).</summary>
    private static long NextExcessBlobGas(long number, long parentExcess, long parentBlobGasUsed, long parentBaseFee)
    {
        var (target, max, fraction) = BlobSchedule(number);
        if (parentExcess + parentBlobGasUsed < target * GasPerBlob)
        {
            return 0;
        }
        if (number >= FusakaBlock
            && (UInt128)BlobBaseCost * (UInt128)parentBaseFee > GasPerBlob * FakeExponential(1, (UInt128)parentExcess, (UInt128)fraction))
        {
            return parentExcess + parentBlobGasUsed * (max - target) / max;
        }
        return parentExcess + parentBlobGasUsed - target * GasPerBlob;
    }

    /// <summary>The least excess blob gas whose fee, at the fork of block <paramref name="number"/>, meets the reserve price of
    /// <paramref name="baseFee"/> (EIP-7918's condition no longer holds).</summary>
    private static long ReserveExcess(long number, long baseFee)
    {
        long fraction = BlobSchedule(number).Fraction;
        bool Below(long excess) => (UInt128)BlobBaseCost * (UInt128)baseFee > GasPerBlob * FakeExponential(1, (UInt128)excess, (UInt128)fraction);
        long low = 0, high = 1;
        while (Below(high))
        {
            high *= 2;
        }
        while (low < high)
        {
            long mid = low + (high - low) / 2;
            (low, high) = Below(mid) ? (mid + 1, high) : (low, mid);
        }
        return low;
    }

    /// <summary>How many blobs a block's demand falls for each e-fold of the blob base fee above the reserve price (above 1 wei
    /// before Fusaka): rollups post less when blobs cost more, so the fee settles a few times above the reserve at the day's peak
    /// demand instead of climbing exponentially while the demand stays above the target.</summary>
    private const double BlobDemandPerEFold = 0.5;

    /// <summary>demo_blob_gas (b, blob_gas_used, excess_blob_gas): the blocks' blob gas and excess, for ethereum.blocks.</summary>
    private static void BlobGas(DuckDBConnection connection)
    {
        var blocks = new List<(long B, long Number, long BaseFee, long Own, long Most, double Demand)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                WITH t AS (
                    SELECT b, sum(coalesce(len(blob_versioned_hashes), 0))::BIGINT AS own FROM demo_tx GROUP BY b
                ), f AS (
                    SELECT k.b, k.number, k.base_fee, coalesce(t.own, 0) AS own,
                           CASE WHEN k.number >= 24179383 THEN 14 WHEN k.number >= 23975778 THEN 10 WHEN k.number >= 22431084 THEN 6 ELSE 3 END AS target,
                           CASE WHEN k.number >= 24179383 THEN 21 WHEN k.number >= 23975778 THEN 15 WHEN k.number >= 22431084 THEN 9 ELSE 6 END AS most
                    FROM demo_blocks k LEFT JOIN t USING (b)
                )
                SELECT b, number, base_fee::BIGINT, own::BIGINT, most::BIGINT,
                       (target + demo_int(b, 8, 7) - 3
                        + 0.08 * (0.6 + 0.4 * sin(2 * pi() * b / 33840 + 0.3)) * target * sin(2 * pi() * b / 7200 + 1.1) - 0.3 + demo_u(b, 1008))::DOUBLE
                FROM f ORDER BY b
                """;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                blocks.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetDouble(5)));
            }
        }
        DuckDbCommands.Exec(connection, "CREATE OR REPLACE TEMP TABLE demo_blob_gas (b BIGINT, blob_gas_used BIGINT, excess_blob_gas BIGINT)");
        using var appender = connection.CreateAppender("temp", "main", "demo_blob_gas");
        long excess = 0, used = 0;
        for (int k = 0; k < blocks.Count; k++)
        {
            var (b, number, baseFee, own, most, demand) = blocks[k];
            excess = k == 0
                ? number >= FusakaBlock ? ReserveExcess(number, baseFee) : 0
                : NextExcessBlobGas(number, excess, used, blocks[k - 1].BaseFee);
            double fee = (double)FakeExponential(1, (UInt128)excess, (UInt128)BlobSchedule(number).Fraction);
            double floor = number >= FusakaBlock ? (double)BlobBaseCost * baseFee / GasPerBlob : 1;
            double pressure = Math.Max(0, Math.Log(fee / floor));
            used = GasPerBlob * Math.Max(own, Math.Min(most, Math.Max(0, (long)Math.Floor(demand - BlobDemandPerEFold * pressure))));
            appender.CreateRow().AppendValue(b).AppendValue(used).AppendValue(excess).EndRow();
        }
    }
}
