using System.Net;

namespace Strata.Tests;

/// <summary>
/// A server whose host time zone is not UTC: timestamps with an offset must still be stored as UTC.
/// Also: a malformed CSV whose text looks like the loader's internal error marker is still a 400.
/// One server process for the class (its host time zone is why it is a process; each case makes tables of its own name).
/// </summary>
public sealed class UploadConversionEdgeTests(UploadConversionEdgeTests.NewYorkServer fixture) : IClassFixture<UploadConversionEdgeTests.NewYorkServer>
{
    private StrataServer Server => fixture.Server;

    /// <summary>A server process whose host time zone is America/New_York.</summary>
    public sealed class NewYorkServer : IAsyncLifetime
    {
        public StrataServer Server { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Server = await StrataServer.StartAsync(settings: new Dictionary<string, string> { ["TZ"] = "America/New_York" });

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    [Fact]
    public async Task Offsets_are_converted_to_utc_whatever_the_host_time_zone()
    {
        string name = UploadApi.Name("tz");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("k", "integer", null), ("t", "timestamp", null)));
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name,
            "k,t\n1,2024-01-01 12:00:00+02:00\n2,2024-01-01T12:00:00Z\n3,2024-01-01 12:00:00 UTC\n4,2024-01-01 12:00:00\n5,2024-07-01 12:00:00-04:00\n");
        var result = await UploadApi.RunAsync(Server.Alice, $"select k, t from dune.alice.{name} order by k");
        var values = result["result"]!["rows"]!.AsArray().Select(r => r!["t"]!.GetValue<string>()).ToArray();
        Assert.Equal(
            ["2024-01-01 10:00:00.000 UTC", "2024-01-01 12:00:00.000 UTC", "2024-01-01 12:00:00.000 UTC", "2024-01-01 12:00:00.000 UTC", "2024-07-01 16:00:00.000 UTC"],
            values);
    }

    [Theory]
    [InlineData("strata-upload:99:bad:zz")]
    [InlineData("strata-upload:x")]
    [InlineData("strata-upload:0:bad:")]
    public async Task A_malformed_csv_quoting_the_marker_is_a_400_with_the_readers_message(string text)
    {
        string name = UploadApi.Name("marker");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("a", "integer", null), ("b", "varchar", null)));
        var (status, body, raw) = await UploadApi.InsertAsync(Server.Alice, "alice", name, $"a,b\n1,x\n2,y,{text}\n");
        Assert.True(status == HttpStatusCode.BadRequest, raw);
        Assert.StartsWith("The CSV body could not be read", body!["error"]!.GetValue<string>());
        Assert.Equal(0, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
    }
}
