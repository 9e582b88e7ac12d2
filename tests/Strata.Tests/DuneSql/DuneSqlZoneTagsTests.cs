using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// The zone tags of the zone-per-value type are one execution's (decision zones-sec): a query that meets more IANA zones
/// and odd-minute offsets than a value's digits below the millisecond can name fails with its own error, and the next
/// execution (of another owner, on the same engine) starts with every tag free; a value whose digits name no zone of the
/// query fails cleanly instead of reading another query's zone.
/// </summary>
public sealed class DuneSqlZoneTagsTests
{
    /// <summary>Each whole-minute offset from -13:59 to +13:59 once, as an ISO text per row (1,680 rows, about 1,570 of
    /// them odd minutes: more than a query's tags).</summary>
    internal const string TooManyOffsets = "SELECT count(DISTINCT from_iso8601_timestamp('2024-01-01T00:00:00' || s)) AS n FROM ("
        + "SELECT CASE WHEN i % 2 = 0 THEN '+' ELSE '-' END || lpad(CAST(i / 2 / 60 AS varchar), 2, '0') || ':' "
        + "|| lpad(CAST(i / 2 % 60 AS varchar), 2, '0') AS s FROM unnest(sequence(0, 1679)) AS u(i))";

    /// <summary>A new odd-minute offset and a named zone from columns: each needs a tag of its own.</summary>
    internal const string NewZones = "SELECT CAST(from_iso8601_timestamp(s) AS varchar) AS a, CAST(at_timezone(from_iso8601_timestamp(s), z) AS varchar) AS b "
        + "FROM (VALUES ('2024-01-01T00:00:00+05:07', 'Pacific/Chatham')) AS t(s, z)";

    [Fact]
    public void A_query_past_its_zone_tags_fails_naming_the_cause()
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<Exception>(() => db.Rows(TooManyOffsets));
        Assert.Contains(DuneZones.TooManyZonesMessage, e.Message, StringComparison.Ordinal);
        Assert.Contains($"at most {DuneZones.NamedTagCapacity} IANA zones", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_within_its_zone_tags_reads_every_offset()
    {
        using var db = new DuneSqlDb();
        // 880 offsets, 879 distinct instants (+00:00 and -00:00 are one), 820 of odd minutes: within one query's tags.
        Assert.Equal("879", db.Rows(TooManyOffsets.Replace("1679", "879", StringComparison.Ordinal))[0][0]);
    }

    [Fact]
    public void One_execution_running_out_of_zone_tags_leaves_the_next_its_own()
    {
        using (var first = new DuneSqlDb())
        {
            Assert.ThrowsAny<Exception>(() => first.Rows(TooManyOffsets));
        }
        using var next = new DuneSqlDb();
        Assert.Equal(["2024-01-01 00:00:00.000 +05:07", "2024-01-01 08:38:00.000 Pacific/Chatham"], next.Rows(NewZones)[0]);
    }

    [Fact]
    public void A_value_whose_digits_name_no_zone_of_the_query_fails_cleanly()
    {
        using var db = new DuneSqlDb();
        // A DuneSQL text cannot name the type; DuckDB's own text cast can make a value whose digits below the
        // millisecond (500) are no tag the connection gave. The functions fail saying so, and the process survives.
        Assert.Equal("2024-01-01 00:00:00.000 +05:07", db.Rows(NewZones)[0][0]);
        foreach (string expression in new[] { "timezone_hour(x)", "CAST(x AS varchar)", "CAST(x AS timestamp)", "x + INTERVAL 1 DAY" })
        {
            var e = Assert.ThrowsAny<Exception>(() => db.Exec(
                $"SELECT {expression} FROM (SELECT '2024-01-01 00:00:00.0005+00'::{DuneZones.PerValueType} AS x)"));
            Assert.Contains("carries no zone", e.Message, StringComparison.Ordinal);
        }
        Assert.Equal("2024-01-01 00:00:00.000 +05:07", db.Rows(NewZones)[0][0]);
    }
}

[Collection(SharedServerCollection.Name)]
public sealed class DuneSqlZoneTagsHttpTests(SharedServer shared)
{
    /// <summary>The production path: the server's warm engine worker (one per tier) runs Alice's execution, then Bob's.</summary>
    [Fact]
    public Task One_owner_running_out_of_zone_tags_does_not_fail_another_owners_query_on_the_same_worker() =>
        ExhaustThenAsk(shared.Server.Alice, shared.Server.Bob);

    /// <summary>Alice's query runs out of zone tags and fails naming the cause; Bob's next query, and Alice's, get tags of
    /// their own.</summary>
    internal static async Task ExhaustThenAsk(HttpClient alice, HttpClient bob)
    {
        string id = await alice.SubmitAsync(DuneSqlZoneTagsTests.TooManyOffsets);
        var status = await alice.WaitAsync(id, timeout: TimeSpan.FromMinutes(3));
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains(DuneZones.TooManyZonesMessage, status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var owner in new[] { bob, alice })
        {
            var (row, _, _) = await owner.RunFirstRowAsync(DuneSqlZoneTagsTests.NewZones);
            Assert.Equal("2024-01-01 00:00:00.000 +05:07", row["a"]!.GetValue<string>());
            Assert.Equal("2024-01-01 08:38:00.000 Pacific/Chatham", row["b"]!.GetValue<string>());
        }
    }
}

[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlZoneTagsInProcessTests(InProcessSharedServer shared)
{
    /// <summary>The in-process engine (engine workers off): every execution runs in the server's own process.</summary>
    [Fact]
    public Task One_owner_running_out_of_zone_tags_does_not_fail_another_owners_query_in_the_server_process() =>
        DuneSqlZoneTagsHttpTests.ExhaustThenAsk(shared.Server.Alice, shared.Server.Bob);
}
