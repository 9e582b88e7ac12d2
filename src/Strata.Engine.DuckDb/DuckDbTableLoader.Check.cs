using Strata.Core.Uploads;

namespace Strata.Engine.DuckDb;

public sealed partial class DuckDbTableLoader
{
    /// <summary>
    /// Reads, converts and checks a body exactly as <see cref="LoadAsync"/> does (the same plan, reader,
    /// conversions and refusals), but counts its rows instead of writing a part: the NDJSON and CSV
    /// bodies' parser fuzzed directly (benchmarks/reliability <c>fuzz-bodies --direct</c>), which
    /// compares it with a real load on a sample of inputs. Every column is hashed, so no conversion is
    /// optimised away.
    /// </summary>
    internal long Check(string sourceFile, UploadFormat format, IReadOnlyList<UploadColumn> columns, CancellationToken cancellationToken) =>
        Read(sourceFile, format, columns, byPosition: false, select =>
        {
            using var connection = root.Duplicate();
            connection.Open();
            return DuckDbCommands.RunPlannedOnce(connection, $"SELECT count(*), bit_xor(hash(COLUMNS(*))) FROM ({select})", cancellationToken);
        }, cancellationToken);
}
