namespace Strata.Engine.DuckDb.DuneSql;

internal static unsafe partial class DuneNative
{
    /// <summary>
    /// The preamble of a native scalar function's row loop over one chunk of <paramref name="arguments"/> (1 or 2)
    /// argument vectors: <paramref name="rows"/> is the chunk's size, each row NULL in any argument is set NULL in
    /// <paramref name="output"/> (64 rows a word at a time), and the mask returned says which rows have a value in
    /// every argument (null: all of them). The loop then reads
    /// <c>for (ulong row = 0; row &lt; rows; row++) { if (!IsValid(valid, row)) continue; ... }</c>.
    /// </summary>
    internal static ulong* ValidRows(IntPtr input, IntPtr output, int arguments, out ulong rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(arguments, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(arguments, 2);
        rows = ChunkSize(input);
        ulong* first = Validity(ChunkVector(input, 0));
        ulong* second = arguments == 2 ? Validity(ChunkVector(input, 1)) : null;
        ulong* valid = null;
        if (first == null && second == null)
        {
            return valid;
        }
        for (ulong word = 0; word < (rows + 63) / 64; word++)
        {
            ulong both = (first == null ? ulong.MaxValue : first[word]) & (second == null ? ulong.MaxValue : second[word]);
            if (both == ulong.MaxValue)
            {
                continue;
            }
            if (valid == null)
            {
                EnsureValidityWritable(output);
                valid = Validity(output);
            }
            valid[word] &= both;
        }
        return valid;
    }
}
