namespace Strata.Tests;

/// <summary>
/// hostile10 (docs/notes/hostile10.md): result views of a timestamp column whose zones are offsets. Decision 138 made a
/// filter or sort on a zoned column compare instants by casting Trino's text to TIMESTAMPTZ; DuckDB reads an offset only
/// when it follows the time directly, so Trino's <c>2020-01-01 00:00:00.000 +05:30</c> failed as an unknown zone name
/// ("Conversion Error: Unknown TimeZone '+05:30'!") and no column of offsets could be filtered or sorted.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class Hostile10ViewTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task A_column_of_offset_zones_filters_and_sorts_by_its_instants()
    {
        string id = await Server.Alice.SubmitAsync("SELECT from_iso8601_timestamp(s) AS v FROM (VALUES "
            + "('2021-06-07T10:00:00+05:30'), ('2021-06-07T10:00:00-00:01'), ('2021-06-07T06:00:00+05:07'), ('2021-06-07T04:00:00Z')) AS x(s)");
        await Server.Alice.WaitAsync(id);
        var view = await Server.Alice.GetFromJsonNodeAsync(
            $"/api/v1/execution/{id}/results?sort_by={Uri.EscapeDataString("v desc")}&filters={Uri.EscapeDataString("v > '2021-06-07 01:00:00'")}");
        Assert.True(view["result"] is not null, view.ToJsonString());
        var rows = view["result"]!["rows"]!.AsArray().Select(r => r!["v"]!.GetValue<string>()).ToArray();
        // Instants: 10:01 UTC, 04:30 UTC, 04:00 UTC, 00:53 UTC (filtered out).
        Assert.Equal(["2021-06-07 10:00:00.000 -00:01", "2021-06-07 10:00:00.000 +05:30", "2021-06-07 04:00:00.000 UTC"], rows);
    }
}
