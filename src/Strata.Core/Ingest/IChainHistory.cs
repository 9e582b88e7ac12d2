using Strata.Core.Uploads;

namespace Strata.Core.Ingest;

/// <summary>
/// Reads back and cuts the stored parts of chain tables, for following a chain through reorganisations
/// (a port; the DuckDB loader implements it).
/// </summary>
public interface IChainHistory
{
    /// <summary>The stored blocks' hashes ("0x..." lowercase) by number, for numbers <paramref name="from"/> to <paramref name="to"/>.</summary>
    Task<IReadOnlyDictionary<long, string>> BlockHashesAsync(IReadOnlyList<string> blockFiles, long from, long to, CancellationToken cancellationToken);

    /// <summary>The highest block number in a part (the value of <paramref name="blockColumn"/>); null when it holds no row.</summary>
    Task<long?> MaxBlockAsync(string file, string blockColumn, CancellationToken cancellationToken);

    /// <summary>How many rows of a part have <paramref name="blockColumn"/> at most <paramref name="last"/>.</summary>
    Task<long> CountUpToAsync(string file, string blockColumn, long last, CancellationToken cancellationToken);

    /// <summary>Writes the rows of <paramref name="sourceFile"/> whose <paramref name="blockColumn"/> is at most
    /// <paramref name="last"/> to <paramref name="targetFile"/> (which must not exist), durably; returns the rows written.</summary>
    Task<long> KeepUpToAsync(string sourceFile, IReadOnlyList<UploadColumn> columns, string blockColumn, long last, string targetFile, CancellationToken cancellationToken);
}

/// <summary>Which column of each chain table holds the block number.</summary>
public static class ChainBlockColumns
{
    public static string Of(ChainTable table) => table switch
    {
        ChainTable.Blocks => "number",
        ChainTable.Erc20Transfers => "evt_block_number",
        _ => "block_number",
    };
}
