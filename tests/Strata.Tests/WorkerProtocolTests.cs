using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.Isolation;

namespace Strata.Tests;

/// <summary>
/// The request an engine worker receives is the one the server sent: every column type of every visible table survives
/// the pipe's JSON. A nested view column whose name was lost there (<see cref="UploadColumnType.NestedName"/> had no
/// setter the serializer could use) made the worker unable to build the empty view of another owner's public nested
/// view, so any catalog-listing query failed once such a view existed (nested2).
/// </summary>
public sealed class WorkerProtocolTests
{
    [Fact]
    public void A_run_request_keeps_every_column_type_of_its_tables_through_the_workers_pipe()
    {
        string[] names =
        [
            "varchar", "integer", "bigint", "double", "boolean", "timestamp", "date", "varbinary", "uint256", "int256", "decimal(38,1)",
            "timestamp(3) with time zone", "array(bigint)", "array(varbinary)", "array(row(address varbinary, storagekeys array(varbinary)))",
            "array(integer)", "map(integer, varbinary)", "row(n bigint, from varbinary, t timestamp(3))", "array(array(varchar))", "timestamp(9)",
        ];
        var columns = names.Select((n, i) => new UploadColumn("c" + i, UploadColumnType.ParseStored(n) ?? throw new InvalidOperationException(n))).ToList();
        // Every kind a table column may have (a new kind must be added here).
        Assert.Equal(Enum.GetValues<UploadTypeKind>().Order(), columns.Select(c => c.Type.Kind).Distinct().Order());
        var request = new EngineRequest("01JEXAMPLE", "select 1", "bob", PerformanceTier.Medium, 1 << 20,
            [new TableSnapshot("alice", "result_nested", columns, ["/data/uploads/1/part.parquet"])]);

        byte[] frame = WorkerFrames.Encode(FrameType.Run, new RunMessage(request), WorkerJson.Default.RunMessage);
        var received = WorkerFrames.Decode(frame[5..], WorkerJson.Default.RunMessage).Request;

        var table = Assert.Single(received.Tables);
        Assert.Equal(columns, table.Columns);
        Assert.Equal(names, table.Columns.Select(c => c.Type.ToString()));
        // What the worker builds its views from: the same DuckDB type for each column.
        Assert.Equal(columns.Select(c => DuckDbTableLoader.StoredType(c.Type)), table.Columns.Select(c => DuckDbTableLoader.StoredType(c.Type)));
    }
}
