using System.IO.Pipelines;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Strata.Application;
using Strata.Server.Apis;
using Strata.Storage.Files.Uploads;

namespace Strata.Tests;

/// <summary>
/// hostile13 (docs/notes/hostile13.md): the CSV of <c>POST /uploads/csv</c> (a JSON string) was parsed whole, a 200 MB
/// body about 1.2 GB of server memory per request; it is now unescaped into its spool file as the body arrives.
/// </summary>
public sealed class Hostile13CsvBodyTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("strata-h13-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private async Task<(JsonElement Fields, byte[]? Csv)> ReadAsync(byte[] body, int maxRest = 1 << 20, int seed = 0)
    {
        var files = new PartFiles(Path.Combine(directory, "uploads"));
        var (fields, data) = await CsvUploadBodyReader.ReadAsync(new TrickleStream(body, seed), files, maxRest, CancellationToken.None);
        using (data)
        {
            byte[]? csv = data is null ? null : await File.ReadAllBytesAsync(data.Path);
            return (fields, csv);
        }
    }

    [Fact]
    public async Task The_data_string_is_unescaped_exactly_as_a_json_parser_reads_it_however_the_body_is_cut()
    {
        var random = new Random(13);
        string[] pieces = ["a", ",", "\n", "\r\n", "\"", "\\", "/", "\t", "\b", "\f", "\u0001", "\u001f", "é", "ż", "中", "😀", "\u2028", " ", "x,y\n1,2\n"];
        var relaxed = new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (int round = 0; round < 200; round++)
        {
            string text = "h" + string.Concat(Enumerable.Range(0, random.Next(1, 300)).Select(_ => pieces[random.Next(pieces.Length)]));
            string encoded = JsonSerializer.Serialize(text, round % 2 == 0 ? relaxed : JsonSerializerOptions.Default);
            // Fields around data, a "data" key inside a nested object, and the key itself escaped on some rounds.
            string key = round % 3 == 0 ? "\"d\\u0061ta\"" : "\"data\"";
            string body = round % 4 == 0
                ? $"{{ {key} : {encoded}, \"table_name\": \"t{round}\", \"other\": {{\"data\": \"no\"}} }}"
                : $"{{\"other\": [\"data\", {{\"data\": 1}}], \"table_name\": \"t{round}\",{key}:{encoded}}}";
            var (fields, csv) = await ReadAsync(Encoding.UTF8.GetBytes(body), seed: round);
            Assert.Equal(Encoding.UTF8.GetBytes(text), csv);
            Assert.Equal($"t{round}", fields.GetProperty("table_name").GetString());
        }
    }

    [Theory]
    [InlineData("{\"table_name\": \"t\"}")]
    [InlineData("{\"table_name\": \"t\", \"data\": \" \\n\\t \\r\\n\"}")]
    [InlineData("{\"table_name\": \"t\", \"data\": null}")]
    public async Task A_missing_or_blank_data_string_spools_nothing(string body)
    {
        var (_, csv) = await ReadAsync(Encoding.UTF8.GetBytes(body));
        Assert.Null(csv);
        Assert.Empty(Directory.GetFiles(Path.Combine(directory, "uploads", "incoming")));
    }

    [Theory]
    [InlineData("{\"data\": \"a\\uD800b\"}", "lone UTF-16 surrogate")]
    [InlineData("{\"data\": \"a\\uDC00\"}", "lone UTF-16 surrogate")]
    [InlineData("{\"data\": \"a\\uD83D\\n\"}", "lone UTF-16 surrogate")]
    [InlineData("{\"data\": \"a\\x\"}", "invalid escape")]
    [InlineData("{\"data\": \"a\\u12G4\"}", "four hex digits")]
    [InlineData("{\"data\": \"a\nb\"}", "control character (0x0A) at byte offset 11")]
    [InlineData("{\"data\": \"a\\n\", \"data\": \"b\"}", "data is given twice")]
    [InlineData("{\"data\": \"a\\n", "not valid JSON")]
    [InlineData("{\"data\" \"a\\n\"}", "not valid JSON")]
    [InlineData("[\"data\", \"a\"]", "must be a JSON object")]
    public async Task A_malformed_body_is_refused_naming_what_is_wrong_and_leaves_no_spool(string body, string expected)
    {
        var refused = await Assert.ThrowsAsync<UseCaseException>(() => ReadAsync(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(UseCaseError.Invalid, refused.Error);
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(directory, "uploads", "incoming")));
    }

    [Fact]
    public async Task Invalid_utf8_is_refused_with_its_offset_in_the_body_inside_data_or_out()
    {
        byte[] inData = [.. "{\"data\": \"abc"u8, 0xC3, 0x28, .. "\"}"u8];
        var refused = await Assert.ThrowsAsync<UseCaseException>(() => ReadAsync(inData));
        Assert.Contains("not valid UTF-8 (first bad byte at offset 13)", refused.Message, StringComparison.Ordinal);
        byte[] cut = [.. "{\"x\": \"a"u8, 0xE2, 0x82];
        refused = await Assert.ThrowsAsync<UseCaseException>(() => ReadAsync(cut));
        Assert.Contains("not valid UTF-8 (first bad byte at offset 8)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fields_other_than_data_are_held_to_the_json_body_limit()
    {
        string big = "{\"table_name\": \"t\", \"data\": \"a\\n1\\n\", \"x\": \"" + new string('p', 5000) + "\"}";
        var refused = await Assert.ThrowsAsync<UseCaseException>(() => ReadAsync(Encoding.UTF8.GetBytes(big), maxRest: 4096));
        Assert.Equal(UseCaseError.TooLarge, refused.Error);
        Assert.Contains("at most 4096 bytes", refused.Message, StringComparison.Ordinal);
        // Data itself is not counted: 64 KiB of CSV under a 4 KiB limit for the rest.
        string csv = "n\\n" + string.Concat(Enumerable.Range(0, 10_000).Select(i => $"{i}\\n"));
        var (_, data) = await ReadAsync(Encoding.UTF8.GetBytes("{\"table_name\": \"t\", \"data\": \"" + csv + "\"}"), maxRest: 4096);
        Assert.Equal(Encoding.UTF8.GetBytes(csv.Replace("\\n", "\n", StringComparison.Ordinal)), data);
    }

    /// <summary>A body read in pieces of 1 to 9 bytes: every escape, UTF-8 sequence and key is cut somewhere.</summary>
    private sealed class TrickleStream(byte[] bytes, int seed) : Stream
    {
        private readonly Random random = new(seed);
        private int position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => bytes.Length;
        public override long Position { get => position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, bytes.Length - position), random.Next(1, 10));
            Array.Copy(bytes, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}

/// <summary>The CSV upload over the wire: the CSV reaches its spool file while the body is still arriving.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class Hostile13CsvUploadWireTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task A_csv_upload_is_spooled_as_its_body_arrives_not_held_whole()
    {
        string name = UploadApi.Name("streamed");
        string incoming = Server.Services<PartFiles>().IncomingDirectory;
        var pipe = new Pipe();
        using var content = new StreamContent(pipe.Reader.AsStream());
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var streaming = Server.NewClient(StrataServer.AliceKey, followRedirects: false);
        var post = streaming.PostAsync("/api/v1/uploads/csv", content);
        await using var body = pipe.Writer.AsStream();
        await body.WriteAsync(Encoding.UTF8.GetBytes($"{{\"table_name\": \"{name}\", \"data\": \"n,s\\n"));
        const int Rows = 200_000;
        for (int i = 0; i < Rows; i += 10_000)
        {
            await body.WriteAsync(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(i, 10_000).Select(n => $"{n},\\\"q\\u00e9\\\"\\n"))));
        }
        await body.FlushAsync();
        // Every row is in the server's spool file before the body has ended (parsed whole, nothing was written yet).
        long expected = 4 + Enumerable.Range(0, Rows).Sum(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture).Length + 7L);
        var deadline = DateTime.UtcNow + Api.HangGuard;
        while (SpooledBytes(incoming) < expected && DateTime.UtcNow < deadline && !post.IsCompleted)
        {
            await Task.Delay(20);
        }
        Assert.False(post.IsCompleted, post.IsCompleted ? await (await post).Content.ReadAsStringAsync() : "");
        Assert.Equal(expected, SpooledBytes(incoming));
        await body.WriteAsync("\", \"is_private\": true}"u8.ToArray());
        await pipe.Writer.CompleteAsync();
        using var response = await post;
        string text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        Assert.Equal(Rows, JsonDocument.Parse(text).RootElement.GetProperty("rows_written").GetInt64());
        var result = await UploadApi.RunAsync(Server.Alice, $"select s, count(*) as c from dune.alice.dataset_{name} group by s");
        Assert.Equal("qé", result["result"]!["rows"]![0]!["s"]!.GetValue<string>());
        Assert.Equal(Rows, result["result"]!["rows"]![0]!["c"]!.GetValue<long>());
        Assert.Equal(0, SpooledBytes(incoming));
    }

    private static long SpooledBytes(string incoming) =>
        Directory.EnumerateFiles(incoming, "*.csv.tmp").Sum(f => new FileInfo(f).Length);
}

/// <summary>
/// Each owner's share of the result views' instance, and the Parquet download files: under the data directory, a
/// bounded number at once, gone after the download (before: the system temp directory, unbounded).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class Hostile13ResultViewLimitTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private ResultViewLimits Limits => Server.Services<ResultViewLimits>();

    [Fact]
    public async Task One_owner_runs_a_bounded_number_of_result_views_at_once_and_another_owner_is_not_held_up()
    {
        string alices = await Server.Alice.SubmitAsync("select x from unnest(sequence(1, 1000)) as t(x)");
        string bobs = await Server.Bob.SubmitAsync("select x from unnest(sequence(1, 1000)) as t(x)");
        await Server.Alice.WaitAsync(alices);
        await Server.Bob.WaitAsync(bobs);
        var held = new List<IDisposable>();
        for (int i = 0; i < Limits.PerOwner; i++)
        {
            held.Add(await Limits.EnterViewAsync("alice", CancellationToken.None));
        }
        try
        {
            using var refused = await Server.Alice.GetAsync($"/api/v1/execution/{alices}/results?sort_by=x%20desc&limit=3");
            Assert.Equal((HttpStatusCode)429, refused.StatusCode);
            Assert.Contains($"an owner may run {Limits.PerOwner} filtered, sorted or sampled", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            // The plain page reads the file, not the instance: not counted.
            using var plain = await Server.Alice.GetAsync($"/api/v1/execution/{alices}/results?limit=3");
            Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
            var other = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/execution/{bobs}/results?sort_by=x%20desc&limit=3");
            Assert.Equal(1000, other["result"]!["rows"]![0]!["x"]!.GetValue<long>());
        }
        finally
        {
            held.ForEach(h => h.Dispose());
        }
        var after = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{alices}/results?sort_by=x%20desc&limit=3");
        Assert.Equal(1000, after["result"]!["rows"]![0]!["x"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_sorted_parquet_download_is_written_under_the_data_directory_a_bounded_number_at_once_and_removed()
    {
        Assert.StartsWith(Path.GetFullPath(Server.DataDir), Limits.DownloadDirectory, StringComparison.Ordinal);
        string id = await Server.Alice.SubmitAsync("select x from unnest(sequence(1, 5000)) as t(x)");
        await Server.Alice.WaitAsync(id);
        string url = $"/api/v1/execution/{id}/results/parquet?sort_by=x%20desc";
        var held = Enumerable.Range(0, Limits.MaxParquetFiles).Select(_ => Limits.NewParquetFile()).ToList();
        try
        {
            using var refused = await Server.Alice.GetAsync(url);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Contains($"the server writes at most {Limits.MaxParquetFiles} at a time", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            held.ForEach(h => h.Dispose());
        }
        using var response = await Server.Alice.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        byte[] parquet = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("PAR1"u8.ToArray(), parquet[..4]);
        Assert.Empty(Directory.GetFiles(Limits.DownloadDirectory));
    }
}

/// <summary><c>GET /api/v1/ingest/status</c> is open to every key: a failed follow shows its kind, not the node's or runtime's text.</summary>
public sealed class Hostile13IngestStatusTests
{
    [Fact]
    public void A_failed_follow_shows_its_kind_and_not_the_errors_text()
    {
        Exception[] failures =
        [
            new Strata.Application.Ingest.ChainNodeException("The node does not answer eth_getBlockReceipts: project SECRET123 over quota"),
            new HttpRequestException("Connection refused (node-SECRET123.internal:8545)"),
            new IOException("/srv/SECRET123/uploads/t/x.parquet: No space left on device"),
            new InvalidOperationException("state SECRET123"),
        ];
        var registry = new Strata.Application.Ingest.IngestRegistry();
        registry.Begin("devnet", TimeProvider.System);
        foreach (var failure in failures)
        {
            registry.Set("devnet", Strata.Application.Ingest.FollowState.Failed, Strata.Application.Ingest.IngestRegistry.FailureReason(failure));
            string shown = registry.Snapshot().Single().Error!;
            Assert.DoesNotContain("SECRET123", shown, StringComparison.Ordinal);
            Assert.Contains("the server log has the details", shown, StringComparison.Ordinal);
        }
    }
}
