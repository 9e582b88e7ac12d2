using System.Diagnostics;
using System.Net;

namespace Strata.Tests;

/// <summary>
/// Issue 9, item 9 (upload side): dates and timestamps outside years 1-9999 (infinity, year 20000,
/// BC) are refused at insert with the usual row/column/value error, so a public table never holds a
/// value other owners' reads cannot render.
/// </summary>
[Collection(InProcessServerCollection.Name)]
public sealed class UploadRangeTests(InProcessSharedServer shared)
{
    [Theory]
    [InlineData("d", "infinity")]
    [InlineData("d", "-infinity")]
    [InlineData("d", "20000-01-01")]
    [InlineData("d", "0000-01-01")]
    [InlineData("t", "infinity")]
    [InlineData("t", "20000-01-01 00:00:00")]
    [InlineData("t", "9999-12-31 23:00:00-05:00")]
    [InlineData("t", "0001-01-01 00:00:00+01:00")]
    public async Task Out_of_range_dates_and_timestamps_are_refused_in_csv_and_ndjson(string column, string value)
    {
        var server = shared.Server;
        string name = UploadApi.Name("range");
        await UploadApi.CreateOkAsync(server.Alice, "alice", name, UploadApi.Schema(("d", "date", null), ("t", "timestamp", null)));
        string good = column == "d" ? "2024-01-01,2024-01-01 00:00:00" : "2024-01-01,2024-01-01 00:00:00";
        string bad = column == "d" ? $"{value},2024-01-01 00:00:00" : $"2024-01-01,{value}";
        var (status, body, _) = await UploadApi.InsertAsync(server.Alice, "alice", name, $"d,t\n{good}\n{bad}\n");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal($"row 2, column \"{column}\": value \"{value}\" is not a valid {(column == "d" ? "date" : "timestamp")}", body!["error"]!.GetValue<string>());
        string json = column == "d" ? $"{{\"d\":\"{value}\"}}" : $"{{\"t\":\"{value}\"}}";
        (status, body, _) = await UploadApi.InsertAsync(server.Alice, "alice", name, "{\"d\":\"2024-01-01\"}\n" + json + "\n", "application/x-ndjson");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"row 2, column \"{column}\"", body!["error"]!.GetValue<string>());
        Assert.Equal(0, await UploadApi.CountAsync(server.Alice, $"dune.alice.{name}"));
    }

    [Fact]
    public async Task The_edges_of_the_range_are_accepted_and_read_back()
    {
        var server = shared.Server;
        string name = UploadApi.Name("edges");
        await UploadApi.CreateOkAsync(server.Alice, "alice", name, UploadApi.Schema(("d", "date", null), ("t", "timestamp", null)));
        await UploadApi.InsertOkAsync(server.Alice, "alice", name, "d,t\n0001-01-01,0001-01-01 00:00:00\n9999-12-31,9999-12-31 23:59:59.999999\n");
        var rows = (await UploadApi.RunAsync(server.Bob, $"select d, t from dune.alice.{name} order by d"))["result"]!["rows"]!.AsArray();
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public async Task A_csv_upload_does_not_infer_a_timestamp_column_whose_values_leave_the_range()
    {
        var server = shared.Server;
        string name = UploadApi.Name("inferrange");
        var (status, _, text) = await UploadApi.UploadCsvAsync(server.Alice, name, "t\n2024-01-01 00:00:00\n9999-12-31 23:00:00-05:00\n");
        Assert.True(status == HttpStatusCode.OK, text);
        var listed = await UploadApi.FindListedAsync(server.Alice, "dataset_" + name);
        Assert.Equal("varchar", UploadApi.Columns(listed!)[0].Type);
    }
}

/// <summary>Disk full on an upload: a 507 naming the cause, the table as before, the server up.</summary>
public sealed class UploadDiskFullTests : IAsyncLifetime
{
    private readonly string mount = Path.Combine(Path.GetTempPath(), "strata-diskfull-" + Guid.NewGuid().ToString("N"));
    private StrataServer server = null!;

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, UseShellExecute = false })!;
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed (this test needs root to mount a tmpfs): {error}");
        }
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(mount);
        Run("mount", "-t", "tmpfs", "-o", "size=192m", "tmpfs", mount);
        server = await StrataServer.StartAsync(dataDir: mount);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Run("umount", mount);
        Directory.Delete(mount);
    }

    [Fact]
    public async Task An_insert_on_a_full_disk_is_a_507_and_leaves_the_table_as_before()
    {
        string name = UploadApi.Name("full");
        await UploadApi.CreateOkAsync(server.Alice, "alice", name, UploadApi.Schema(("k", "integer", null), ("v", "varchar", null)));
        await UploadApi.InsertOkAsync(server.Alice, "alice", name, "k,v\n1,one\n");
        string ballast = Path.Combine(mount, "ballast");
        long free = new DriveInfo(mount).AvailableFreeSpace;
        using (var file = new FileStream(ballast, FileMode.CreateNew))
        {
            // Leave about 256 KB: the 4 MB body below cannot be spooled.
            byte[] chunk = new byte[1 << 20];
            for (long left = free - (256 << 10); left > 0; left -= chunk.Length)
            {
                file.Write(chunk, 0, (int)Math.Min(chunk.Length, left));
            }
        }
        var body = new System.Text.StringBuilder("k,v\n");
        for (int k = 0; body.Length < 4_000_000; k++)
        {
            body.Append(k).Append(",value number ").Append(k).Append('\n');
        }
        var (status, json, text) = await UploadApi.InsertAsync(server.Alice, "alice", name, body.ToString());
        Assert.True(status == HttpStatusCode.InsufficientStorage, $"{status} {text}");
        Assert.StartsWith("disk full", json!["error"]!.GetValue<string>());
        File.Delete(ballast);
        Assert.Equal(1, await UploadApi.CountAsync(server.Alice, $"dune.alice.{name}"));
        await UploadApi.InsertOkAsync(server.Alice, "alice", name, "k,v\n2,two\n");
        Assert.Equal(2, await UploadApi.CountAsync(server.Alice, $"dune.alice.{name}"));
    }
}
