using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// The table loader's statements are planned once and kept small (fuzz-fast): planning was most of an
/// insert's cost (docs/benchmarks.md, "Table loader planning"). A DuckDBCommand bound each statement
/// twice (prepare, then DuckDB's rebind of a prepared statement that reads files), and the NDJSON
/// statement repeated each key's extraction in every part of its conversion.
/// </summary>
public sealed partial class LoaderPlanningTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "strata-planning-" + Guid.NewGuid().ToString("N"));
    private readonly DuckDBConnection connection = new("Data Source=:memory:");

    public LoaderPlanningTests()
    {
        Directory.CreateDirectory(directory);
        connection.Open();
    }

    public void Dispose()
    {
        connection.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void The_NDJSON_statement_extracts_each_key_once()
    {
        string[] types = ["integer", "varchar", "double", "boolean", "timestamp", "date", "decimal(18,4)", "varbinary", "uint256", "bigint"];
        var columns = types.Select((t, i) => new UploadColumn($"c{i}", UploadColumnType.Parse(t)!)).ToArray();

        var plan = DuckDbTableLoader.PlanNdJson(Path.Combine(directory, "body.ndjson"), columns);

        // Before: json_extract_string(j, '$."c4"') appeared 8 times in the timestamp's conversion alone.
        Assert.Equal(columns.Length, JsonExtract().Matches(plan.From).Count);
        Assert.All(plan.Values, v => Assert.DoesNotContain("json_extract_string", v));
        Assert.Null(plan.Where);
    }

    [Fact]
    public async Task The_two_level_NDJSON_statement_loads_and_refuses_as_before()
    {
        using var loader = new DuckDbTableLoader(new DuckDbLimits(1, "256MB", Path.Combine(directory, "tmp")));
        UploadColumn[] columns = [new("a", UploadColumnType.Parse("integer")!), new("e", UploadColumnType.Parse("timestamp")!), new("b", UploadColumnType.Varchar)];
        string body = Path.Combine(directory, "body.ndjson");
        await File.WriteAllTextAsync(body, "{\"a\": 1, \"e\": \"2021-01-01T00:00:00+02:00\", \"b\": \"x\"}\n{\"a\": null}\n");
        string part = Path.Combine(directory, "part.parquet");

        Assert.Equal(2, await loader.LoadAsync(body, UploadFormat.NdJson, columns, part, CancellationToken.None));
        Assert.Equal("2020-12-31 22:00:00", DuckDbCommands.Scalar(connection, $"SELECT e::VARCHAR FROM read_parquet('{part}') WHERE a = 1"));

        await File.WriteAllTextAsync(body, "{\"a\": 1}\n{\"a\": 2, \"zz\": 1}\n");
        var key = await Assert.ThrowsAsync<UploadRejectedException>(() => loader.LoadAsync(body, UploadFormat.NdJson, columns, part + "2", CancellationToken.None));
        Assert.Equal("row 2: unknown key \"zz\"; the table's columns are a, e, b", key.Message);

        await File.WriteAllTextAsync(body, "{\"a\": 1}\n{\"a\": \"1.5\"}\n");
        var bad = await Assert.ThrowsAsync<UploadRejectedException>(() => loader.LoadAsync(body, UploadFormat.NdJson, columns, part + "3", CancellationToken.None));
        Assert.Equal("row 2, column \"a\": value \"1.5\" is not a valid integer", bad.Message);
    }

    [Fact]
    public void RunPlannedOnce_returns_the_first_value_and_throws_DuckDBs_message()
    {
        Assert.Equal(42, DuckDbCommands.RunPlannedOnce(connection, "SELECT 42::BIGINT, 'x'", CancellationToken.None));
        Assert.Equal(0, DuckDbCommands.RunPlannedOnce(connection, "SELECT 1 WHERE false", CancellationToken.None));

        var e = Assert.Throws<DuckDbStatementException>(() => DuckDbCommands.RunPlannedOnce(connection, "SELECT error('strata-upload:1:bad:x')", CancellationToken.None));
        Assert.StartsWith("Invalid Input Error: strata-upload:1:bad:x", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunPlannedOnce_is_interrupted_by_its_token()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var e = Assert.Throws<DuckDbStatementException>(() => DuckDbCommands.RunPlannedOnce(connection, "SELECT count(*) FROM range(1000000000000) a", cancel.Token));

        Assert.Contains("Interrupt", e.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
    }

    [GeneratedRegex(@"json_extract_string\(", RegexOptions.CultureInvariant)]
    private static partial Regex JsonExtract();
}
