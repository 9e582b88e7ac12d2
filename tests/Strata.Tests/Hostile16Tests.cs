using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Engine.DuckDb.DuneSql;
using Strata.Server.Configuration;
using Strata.Server.Hosting;
using Strata.Tests.DuneSql;
using Strata.Tests.Infrastructure;

namespace Strata.Tests;

/// <summary>
/// hostile16 (docs/notes/hostile16.md): title_case linear in its text, overlay past the text's end as Trino's,
/// timestamp(p) precisions outside Trino's 0–12 refused, and a result views' share too small to run a view refused at
/// start-up.
/// </summary>
public sealed class Hostile16FunctionTests
{
    /// <summary>The template title_case had before hostile16: a substring per position (each walks the text from its start).</summary>
    private const string QuadraticTitleCase =
        "array_to_string(list_transform(range(1, length(s) + 1), i -> CASE WHEN i = 1 "
        + @"OR NOT regexp_full_match(substring(s, i - 1, 1), '[\pL\pN]') THEN upper(substring(s, i, 1)) "
        + "ELSE lower(substring(s, i, 1)) END), '')";

    [Fact]
    public void Title_case_splits_the_text_once_instead_of_a_substring_per_character()
    {
        string sql = DuneSqlTranslator.Translate("SELECT title_case(name) FROM t").Sql;
        Assert.Contains("string_split(", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("substring(", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_case_gives_what_the_per_character_form_gave_on_mixed_text()
    {
        // Letters, digits, blanks, punctuation, accented and CJK letters, an emoji (four UTF-8 bytes), a combining mark.
        string[] pieces = ["hELLO", " ", "wORLD", "-", "wide_web", "2nd", "é", "ÉCOLE", "中文", "👍", "a", "\u0301", "x", "\t", "ß", "İ", ".", "0"];
        var random = new Random(16);
        var text = new System.Text.StringBuilder();
        while (text.Length < 3000)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }
        string literal = text.ToString().Replace("'", "''", StringComparison.Ordinal);
        using var db = new DuneSqlDb();
        string expected = db.TranslatedRows($"SELECT {QuadraticTitleCase} FROM (SELECT '{literal}' AS s)")[0][0];
        Assert.Equal(expected, db.Scalar($"SELECT title_case('{literal}')"));
        Assert.Equal(
            ["Hello World-Wide_Web 2nd", "", "A", "É", "NULL", "👍A"],
            db.Rows("SELECT title_case(s) FROM (VALUES ('hELLO wORLD-wide_web 2nd', 1), ('', 2), ('a', 3), ('é', 4), (NULL, 5), ('👍a', 6)) t(s, k) ORDER BY k").Select(r => r[0]));
    }

    [Fact]
    public void Title_case_of_a_long_text_is_answered()
    {
        // 1,000,000 characters: the per-character substrings walked about 5·10¹¹ bytes (200,000 took 106 s on the attack
        // server); split once it is a list of them.
        using var db = new DuneSqlDb();
        var row = db.Rows("SELECT length(t), substr(t, 1, 8), substr(t, 999993, 8) FROM (SELECT title_case(lpad('', 1000000, 'ab c')) AS t)")[0];
        Assert.Equal(["1000000", "Ab Cab C", "ab Cab C"], row);
    }

    [Theory]
    // Trino reads substring past the end as the end; DuckDB refused a length past 2³² ("Substring length outside of supported range").
    [InlineData("overlay('abc' PLACING 'x' FROM 9223372036854775806)", "abcx")]
    [InlineData("overlay('abc' PLACING 'x' FROM 4294967297)", "abcx")]
    [InlineData("overlay('abc' PLACING 'x' FROM 2 FOR 4294967297)", "ax")]
    [InlineData("overlay('abc' PLACING 'x' FROM 2 FOR 1)", "axc")]
    public void Overlay_past_the_end_of_the_text_is_trinos(string expression, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar("SELECT " + expression));
    }

    [Fact]
    public void Overlay_whose_end_passes_a_bigint_fails_as_trinos_addition()
    {
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT overlay('abc' PLACING 'x' FROM 1 FOR 9223372036854775807)"));
        // DuckDB's words here; the server's message is Trino's "bigint addition overflow: 1 + 9223372036854775807".
        Assert.Contains("Overflow in addition of INT64 (1 + 9223372036854775807)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CAST(TIMESTAMP '2020-01-01' AS timestamp(13))", "TIMESTAMP precision must be in range [0, 12]: 13")]
    [InlineData("CAST(TIMESTAMP '2020-01-01' AS timestamp(99999999999))", "TIMESTAMP precision must be in range [0, 12]: 99999999999")]
    [InlineData("CAST(TIMESTAMP '2020-01-01' AS timestamp(-1))", "TIMESTAMP precision must be in range [0, 12]: -1")]
    [InlineData("TRY_CAST('2020-01-01' AS timestamp(13) with time zone)", "TIMESTAMP precision must be in range [0, 12]: 13")]
    [InlineData("CAST('12:00:00' AS time(20))", "TIME precision must be in range [0, 12]: 20")]
    public void A_timestamp_precision_outside_trinos_range_is_refused(string expression, string message)
    {
        // Each was a timestamp(3) (or a time) silently.
        using var db = new DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT " + expression));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CAST(TIMESTAMP '2020-01-01 00:00:00.123456' AS timestamp(12))", "2020-01-01 00:00:00.123456")]
    [InlineData("CAST(TIMESTAMP '2020-01-01 00:00:00.123456' AS timestamp(0))", "2020-01-01 00:00:00")]
    public void A_precision_in_range_still_casts(string expression, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.StartsWith(expected, db.Scalar("SELECT " + expression), StringComparison.Ordinal);
    }
}

/// <summary>hostile16: a result views' memory limit split by <c>Strata:ResultViews:Concurrent</c> into shares too small to
/// run a view stops start-up naming the settings (hostile15 left it unchecked).</summary>
public sealed class Hostile16ViewShareTests
{
    [Theory]
    [InlineData(null, "256", "Strata:ResultViews:Concurrent is 256: the result views' memory limit 1GB (the medium tier's, Strata:Medium:MemoryLimit) shared by 256 views leaves 3906250 bytes to each")]
    [InlineData("16MB", "4", "Strata:ResultViews:Concurrent is 4: the result views' memory limit 16MB (Strata:ResultViews:MemoryLimit) shared by 4 views leaves 4000000 bytes to each")]
    public void A_share_below_the_least_a_view_needs_stops_start_up_naming_the_settings(string? memory, string concurrent, string message)
    {
        using var services = Services(memory, concurrent);
        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ResultViewLimitOptions>>().Value);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
        Assert.Contains("less than a view's least share of 8388608 bytes (8 MiB); lower Strata:ResultViews:Concurrent or raise Strata:ResultViews:MemoryLimit", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "4")]
    [InlineData(null, "64")]
    [InlineData("32MiB", "4")]
    public void A_share_of_at_least_the_floor_starts(string? memory, string concurrent)
    {
        using var services = Services(memory, concurrent);
        Assert.Equal(int.Parse(concurrent, System.Globalization.CultureInfo.InvariantCulture), services.GetRequiredService<IOptions<ResultViewLimitOptions>>().Value.Concurrent);
    }

    [Fact]
    public async Task A_sort_at_the_least_share_runs()
    {
        // The floor is one a view can work in: four views on 32 MiB sort a small result each at once.
        string directory = Path.Combine(Path.GetTempPath(), "strata-h16-share-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string parquet = Path.Combine(directory, "r.parquet");
            using (var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"COPY (SELECT i AS n, md5(i::VARCHAR) AS label FROM range(20000) t(i)) TO '{parquet}' (FORMAT parquet)";
                command.ExecuteNonQuery();
            }
            var schema = new Strata.Core.Results.ResultSchema([new("n", "bigint", Strata.Core.Results.ColumnKind.Int64), new("label", "varchar", Strata.Core.Results.ColumnKind.Text)]);
            var query = new Strata.Core.Results.Querying.ResultQuery("r", parquet, schema, [0, 1], null, [new Strata.Core.Results.Querying.SortColumn("label", Descending: true)], 0, 10, null);
            var limits = new Strata.Engine.DuckDb.DuckDbLimits(2, "32MiB", Path.Combine(directory, "tmp"), 0);
            using var engine = new Strata.Engine.DuckDb.DuckDbResultQuery(directory, limits, views: 4);
            var pages = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => engine.QueryAsync(query, CancellationToken.None)));
            foreach (var (page, matching) in pages)
            {
                using (page)
                {
                    Assert.Equal((10, 20000L), (page.RowCount, matching));
                }
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ServiceProvider Services(string? memory, string concurrent)
    {
        var settings = new Dictionary<string, string?> { ["Strata:Medium:MemoryLimit"] = "1GB", ["Strata:ResultViews:Concurrent"] = concurrent };
        if (memory is not null)
        {
            settings["Strata:ResultViews:MemoryLimit"] = memory;
        }
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddStrataOptions().AddQueryEngine();
        services.AddOptions<ResultViewLimitOptions>().BindConfiguration(ResultViewLimitOptions.Section).ValidateDataAnnotations();
        return services.BuildServiceProvider();
    }
}

/// <summary>hostile16: an execution past DuckDB's memory limit fails naming the tier's limit, without DuckDB's suggestions to
/// SET threads or memory_limit (which the sandbox refuses) and its tuning guide's address.</summary>
public sealed class Hostile16MemoryMessageTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("strata-h16-memory-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void A_query_past_the_tiers_memory_limit_fails_naming_the_limit_and_no_set_command()
    {
        string demo = Path.Combine(directory, "demo.duckdb");
        using (var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={demo}"))
        {
            connection.Open();
        }
        var engine = new Strata.Engine.DuckDb.DuckDbEngine(new Strata.Engine.DuckDb.DuckDbEngineSettings(demo, Path.Combine(directory, "tmp"),
            new Dictionary<Strata.Core.Executions.PerformanceTier, Strata.Engine.DuckDb.DuckDbTierSettings>
            {
                [Strata.Core.Executions.PerformanceTier.Medium] = new(1, "64MB", 1L << 30),
            }));
        var results = new Strata.Storage.Files.Results.LocalResultStore(Path.Combine(directory, "results"));
        // One list of 20,000,000 bigints (160 MB): an aggregate state DuckDB cannot spill.
        var request = new Strata.Core.Engine.EngineRequest(Strata.Core.Executions.ExecutionIds.New(), "SELECT cardinality(array_agg(i)) FROM unnest(sequence(1, 10000)) a(i), unnest(sequence(1, 2000)) b(j)",
            "alice", Strata.Core.Executions.PerformanceTier.Medium, 1L << 30, []);
        var e = Assert.Throws<Strata.Core.Engine.QueryFailedException>(() => engine.Execute(request, schema => results.CreateWriter(request.ExecutionId, schema), CancellationToken.None));
        string message = e.Error.Message;
        Assert.StartsWith("Out of Memory Error: the query needed more memory than an execution of the medium tier may use (memory limit 64MB; ", message, StringComparison.Ordinal);
        Assert.Contains("Sort, join or aggregate less data at once", message, StringComparison.Ordinal);
        Assert.DoesNotContain("SET ", message, StringComparison.Ordinal);
        Assert.DoesNotContain("duckdb.org", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nul_in_the_text_is_refused_with_its_position_in_the_metadata_only()
    {
        // The server maps the line and column back into the user's text (a NUL from a parameter value points at its
        // {{name}}); the message named the substituted text's column beside them ("column 10" with metadata column 9).
        var e = Assert.Throws<Strata.Core.Engine.QueryFailedException>(() => Strata.Engine.DuckDb.DuckDbEngine.RefuseNul("SELECT 1,\n  'a\0b'"));
        Assert.Equal("Parser Error: the query text contains a NUL character (U+0000), which SQL text cannot hold", e.Error.Message);
        Assert.Equal((2, 5), (e.Error.Line, e.Error.Column));
    }
}

/// <summary>hostile16: a chunked request body whose chunk size overflows Kestrel's parser (<c>ffffffffffffffff</c>) is a 400
/// with the contract's error body; it was a 500 (Kestrel throws an IOException there, not a BadHttpRequestException).
/// Kestrel's parser runs only in Kestrel, so the server is hosted on it, in process.</summary>
public sealed class Hostile16ChunkedBodyTests
{
    [Fact]
    public async Task A_chunk_size_past_what_kestrel_reads_is_a_400_with_an_error_body()
    {
        string dir = Path.Combine(Path.GetTempPath(), "strata-h16-chunked-" + Guid.NewGuid().ToString("N"));
        const string key = "h16-chunked-test-key-01";
        Directory.CreateDirectory(dir);
        DemoTemplate.CopyInto(dir, DemoTemplate.InProcessStrataScale);
        try
        {
            using (var server = new Strata.Reliability.InProcessStrata(dir, new Dictionary<string, string> { ["Strata:ApiKeys"] = $"alice:{key}" }))
            {
                server.UseKestrel(0);
                server.StartServer();
                var address = new Uri(server.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
                    .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());
                foreach (string size in (string[])["ffffffffffffffff", "80000000"])
                {
                    using var tcp = new System.Net.Sockets.TcpClient();
                    await tcp.ConnectAsync(System.Net.IPAddress.Loopback, address.Port);
                    var stream = tcp.GetStream();
                    byte[] request = System.Text.Encoding.ASCII.GetBytes(
                        $"POST /api/v1/sql/execute HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\nX-Dune-Api-Key: {key}\r\n\r\n{size}\r\n{{\"sql\"");
                    await stream.WriteAsync(request);
                    // Up to the end of the error body: the connection may stay open after it.
                    var received = new System.Text.StringBuilder();
                    var buffer = new byte[4096];
                    int read;
                    while (!received.ToString().Contains("\"}", StringComparison.Ordinal) && (read = await stream.ReadAsync(buffer)) > 0)
                    {
                        received.Append(System.Text.Encoding.ASCII.GetString(buffer, 0, read));
                    }
                    string response = received.ToString();
                    Assert.StartsWith("HTTP/1.1 400 ", response, StringComparison.Ordinal);
                    Assert.Contains("Content-Type: application/json", response, StringComparison.Ordinal);
                    Assert.Contains("{\"error\":\"bad request", response, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>hostile16: a CSV whose last line is longer than DuckDB's reader buffer (32 MiB) lost that row silently (the
/// upload succeeded with rows_written 0); a line past the CSV line limit is now refused naming it, before DuckDB reads.</summary>
public sealed class Hostile16CsvLineTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("strata-h16-csv-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Csv(string name, params string[] lines)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    [Fact]
    public async Task A_last_line_longer_than_the_readers_buffer_is_refused_not_dropped()
    {
        string csv = Csv("long.csv", "a,b", "q,0", new string('x', 33_000_000) + ",1");
        using var loader = new Strata.Engine.DuckDb.DuckDbTableLoader(new Strata.Engine.DuckDb.DuckDbLimits(1, "1GB", Path.Combine(directory, "tmp"), 1L << 30));
        var inferred = await Assert.ThrowsAsync<Strata.Core.Uploads.UploadRejectedException>(() => loader.InferCsvAsync(csv, 1000, CancellationToken.None));
        Assert.Equal("Line 3 of the CSV is longer than 2097152 bytes, the most a CSV line may hold; split the value or upload it another way.", inferred.Message);
        Strata.Core.Uploads.UploadColumn[] columns = [new("a", Strata.Core.Uploads.UploadColumnType.Varchar), new("b", Strata.Core.Uploads.UploadColumnType.Varchar)];
        var loaded = await Assert.ThrowsAsync<Strata.Core.Uploads.UploadRejectedException>(() =>
            loader.LoadAsync(csv, Strata.Core.Uploads.UploadFormat.Csv, columns, Path.Combine(directory, "part.parquet"), CancellationToken.None));
        Assert.StartsWith("Line 3 of the CSV is longer than 2097152 bytes", loaded.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "part.parquet")));
    }

    [Fact]
    public async Task Lines_within_the_limit_load_every_row()
    {
        string csv = Csv("ok.csv", "a,b", "q,0", new string('x', 1_000_000) + ",1", "z,2");
        using var loader = new Strata.Engine.DuckDb.DuckDbTableLoader(new Strata.Engine.DuckDb.DuckDbLimits(1, "1GB", Path.Combine(directory, "tmp"), 1L << 30));
        var columns = await loader.InferCsvAsync(csv, 1000, CancellationToken.None);
        Assert.Equal(3, await loader.LoadAsync(csv, Strata.Core.Uploads.UploadFormat.Csv, columns, Path.Combine(directory, "part.parquet"), CancellationToken.None));
    }
}
