using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text;
using System.Web;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using DuckDB.NET.Data;

namespace Strata.Tests;

/// <summary>
/// Views of a stored result (contract sections 6 and 9): columns, filters, sort_by, sample_count on JSON,
/// CSV, Parquet and Arrow; the combinations that must fail; ETag/304, Range, gzip; downloads read back
/// with DuckDB and Apache.Arrow.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class ResultViewsTests(InProcessSharedServer shared)
{
    /// <summary>1000 deterministic rows: every kind of column a filter or sort can meet, NULLs and a name with a quote.</summary>
    public const string Sql =
        "select range as id, range * 1.5 as amount, 'name ' || CAST(range AS varchar) as label, "
        + "timestamp '2021-06-01' + to_seconds(range) as ts, (CAST(range AS uint256) * uint256 '1000000000000000000000') as big, "
        + "case when range % 10 = 0 then null else range % 7 end as maybe, range % 3 = 0 as flag, range as \"we\"\"ird\" "
        + "from range(1000)";

    public static readonly string[] AllColumns = ["id", "amount", "label", "ts", "big", "maybe", "flag", "we\"ird"];

    // 256-bit integers are BIGNUM, named uint256 (docs/notes/uint256-exact.md).
    private static readonly string[] AllTypes = ["bigint", "decimal(21,1)", "varchar", "timestamp(3)", "uint256", "bigint", "boolean", "bigint"];

    private static readonly ConcurrentDictionary<(string, string), Lazy<Task<string>>> Executions = new();

    private InProcessServer Server => shared.Server;

    /// <summary>One row of <see cref="Sql"/>, as the JSON encoding gives it.</summary>
    public sealed record Row(long Id, string Amount, string Label, string Ts, string Big, long? Maybe, bool Flag, long Weird)
    {
        public DateTime Time => new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(Id);
    }

    public static Row Expected(long i) => new(
        i,
        $"{i * 15 / 10}.{i * 15 % 10}",
        "name " + i,
        new DateTime(2021, 6, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i).ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture) + " UTC",
        (new BigInteger(i) * BigInteger.Pow(10, 21)).ToString(CultureInfo.InvariantCulture),
        i % 10 == 0 ? null : i % 7,
        i % 3 == 0,
        i);

    private static readonly Row[] All = Enumerable.Range(0, 1000).Select(i => Expected(i)).ToArray();

    private static Row Parse(JsonNode row) => new(
        row["id"]!.GetValue<long>(),
        row["amount"]!.GetValue<string>(),
        row["label"]!.GetValue<string>(),
        row["ts"]!.GetValue<string>(),
        row["big"]!.GetValue<string>(),
        row["maybe"]?.GetValue<long>(),
        row["flag"]!.GetValue<bool>(),
        row["we\"ird"]!.GetValue<long>());

    private static long[] Ids(JsonNode body) => body["result"]!["rows"]!.AsArray().Select(r => r!["id"]!.GetValue<long>()).ToArray();

    private static string Q(string value) => Uri.EscapeDataString(value);

    private Task<string> ExecutionAsync(string sql = Sql) =>
        Executions.GetOrAdd((Server.DataDir, sql), _ => new Lazy<Task<string>>(async () =>
        {
            string id = await Server.Alice.SubmitAsync(sql);
            var status = await Server.Alice.WaitAsync(id);
            Assert.Equal("QUERY_STATE_COMPLETED", status["state"]!.GetValue<string>());
            return id;
        })).Value;

    private async Task<JsonNode> OkJsonAsync(string path)
    {
        var (code, body, response) = await Server.Alice.GetJsonAsync(path);
        Assert.True(code == HttpStatusCode.OK, $"GET {path}: {code} {await response.Content.ReadAsStringAsync()}");
        return body!;
    }

    /// <summary>A GET with the whole body as bytes; <paramref name="configure"/> adds headers.</summary>
    private async Task<(HttpResponseMessage Response, byte[] Body)> SendAsync(string path, Action<HttpRequestMessage>? configure = null, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        var response = await (client ?? Server.Alice).SendAsync(request);
        return (response, await response.Content.ReadAsByteArrayAsync());
    }

    // ---------------------------------------------------------------- columns

    [Fact]
    public async Task Columns_project_in_the_given_order()
    {
        string id = await ExecutionAsync();
        var body = await OkJsonAsync($"/api/v1/execution/{id}/results?limit=3&offset=10&columns={Q("label,ts,id")}");
        var meta = body["result"]!["metadata"]!;
        Assert.Equal(["label", "ts", "id"], meta["column_names"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(["varchar", "timestamp(3)", "bigint"], meta["column_types"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(9, meta["datapoint_count"]!.GetValue<long>());
        Assert.Equal(1000, meta["total_row_count"]!.GetValue<long>());
        var rows = body["result"]!["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        for (int k = 0; k < 3; k++)
        {
            var row = rows[k]!.AsObject();
            Assert.Equal(["label", "ts", "id"], row.Select(p => p.Key));
            Assert.Equal(Expected(10 + k).Label, row["label"]!.GetValue<string>());
            Assert.Equal(Expected(10 + k).Ts, row["ts"]!.GetValue<string>());
            Assert.Equal(10 + k, row["id"]!.GetValue<long>());
        }

        // A bare name matches case-insensitively when only one column matches; spaces around names are trimmed.
        body = await OkJsonAsync($"/api/v1/execution/{id}/results?limit=1&columns={Q(" MAYBE , Id ")}");
        Assert.Equal(["maybe", "id"], body["result"]!["metadata"]!["column_names"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Theory]
    [InlineData("\"we\"\"ird\",id")] // SQL quoting, as the contract writes it
    [InlineData("\"we\\\"ird\",id")] // what Dune's TypeScript SDK sends for a name with a quote
    public async Task Columns_accept_a_quoted_name_with_a_quote_in_it(string columns)
    {
        string id = await ExecutionAsync();
        var body = await OkJsonAsync($"/api/v1/execution/{id}/results?limit=2&offset=7&columns={Q(columns)}");
        Assert.Equal(["we\"ird", "id"], body["result"]!["metadata"]!["column_names"]!.AsArray().Select(n => n!.GetValue<string>()));
        var rows = body["result"]!["rows"]!.AsArray();
        Assert.Equal([7L, 8L], rows.Select(r => r!["we\"ird"]!.GetValue<long>()));
        Assert.Equal(["we\"ird", "id"], rows[0]!.AsObject().Select(p => p.Key));

        using var csv = await Server.Alice.GetAsync($"/api/v1/execution/{id}/results/csv?limit=2&offset=7&columns={Q(columns)}");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("\"we\"\"ird\",id\n7,7\n8,8\n", await csv.Content.ReadAsStringAsync());
    }

    // ---------------------------------------------------------------- sort_by

    public static TheoryData<string> Sorts() => new(
        "maybe desc, id asc",
        "maybe asc, id desc",
        "MAYBE DESC,flag,id DESC",
        "flag desc, maybe, label desc",
        "big desc",
        "label",
        "ts desc",
        "amount DESC, id",
        "\"we\"\"ird\" desc");

    /// <summary>The expected order of a sort_by value, NULLs last in both directions, ties in result order.</summary>
    private static IEnumerable<Row> Sorted(string sortBy)
    {
        IOrderedEnumerable<Row>? ordered = null;
        foreach (var key in sortBy.Split(','))
        {
            var parts = key.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string name = parts[0].ToLowerInvariant();
            bool desc = parts.Length > 1 && parts[1].Equals("desc", StringComparison.OrdinalIgnoreCase);
            IComparer<Row> comparer = name switch
            {
                "id" or "\"we\"\"ird\"" => Comparer<Row>.Create((a, b) => a.Id.CompareTo(b.Id)),
                "amount" => Comparer<Row>.Create((a, b) => a.Id.CompareTo(b.Id)),
                "label" => Comparer<Row>.Create((a, b) => string.CompareOrdinal(a.Label, b.Label)),
                "ts" => Comparer<Row>.Create((a, b) => a.Time.CompareTo(b.Time)),
                "big" => Comparer<Row>.Create((a, b) => BigInteger.Parse(a.Big, CultureInfo.InvariantCulture).CompareTo(BigInteger.Parse(b.Big, CultureInfo.InvariantCulture))),
                "flag" => Comparer<Row>.Create((a, b) => a.Flag.CompareTo(b.Flag)),
                "maybe" => Comparer<Row>.Create((a, b) => (a.Maybe, b.Maybe) switch
                {
                    (null, null) => 0,
                    (null, _) => desc ? -1 : 1, // NULLs last: flipped back below for DESC
                    (_, null) => desc ? 1 : -1,
                    var (x, y) => x!.Value.CompareTo(y!.Value),
                }),
                _ => throw new ArgumentException(name),
            };
            ordered = ordered is null
                ? desc ? All.OrderByDescending(r => r, comparer) : All.OrderBy(r => r, comparer)
                : desc ? ordered.ThenByDescending(r => r, comparer) : ordered.ThenBy(r => r, comparer);
        }
        return ordered!;
    }

    [Theory]
    [MemberData(nameof(Sorts))]
    public async Task Sort_by_orders_exactly_with_nulls_last(string sortBy)
    {
        string id = await ExecutionAsync();
        var body = await OkJsonAsync($"/api/v1/execution/{id}/results?sort_by={Q(sortBy)}");
        var rows = body["result"]!["rows"]!.AsArray().Select(r => Parse(r!)).ToArray();
        Assert.Equal(Sorted(sortBy).ToArray(), rows);
        Assert.Equal(1000, body["result"]!["metadata"]!["total_row_count"]!.GetValue<long>());
        if (sortBy.StartsWith("maybe", StringComparison.OrdinalIgnoreCase))
        {
            Assert.All(rows[..900], r => Assert.NotNull(r.Maybe));
            Assert.All(rows[900..], r => Assert.Null(r.Maybe));
        }
    }

    // ---------------------------------------------------------------- filters

    /// <summary>Filters and, for each, which rows of <see cref="Sql"/> must match.</summary>
    private static readonly Dictionary<string, Func<Row, bool>> FilterCases = new()
    {
        ["id = 7"] = r => r.Id == 7,
        ["id != 7 AND id < 10"] = r => r.Id != 7 && r.Id < 10,
        ["id <> 7 AND id < 10"] = r => r.Id != 7 && r.Id < 10,
        ["id < 5"] = r => r.Id < 5,
        ["id <= 5"] = r => r.Id <= 5,
        ["id > 994"] = r => r.Id > 994,
        ["id >= 994"] = r => r.Id >= 994,
        ["5 < id AND id < 8"] = r => r.Id is > 5 and < 8,
        ["id IN (3, 5, 999, 5000)"] = r => r.Id is 3 or 5 or 999,
        ["id BETWEEN 10 AND 20 AND flag = true"] = r => r.Id is >= 10 and <= 20 && r.Flag,
        ["flag = FALSE AND id < 10"] = r => !r.Flag && r.Id < 10,
        ["id > 1e2 AND id < 1.05e2"] = r => r.Id is > 100 and < 105,
        ["id = amount"] = r => r.Id * 3 == r.Id * 2,
        ["amount > 1490"] = r => r.Id * 1.5 > 1490,
        ["amount = 1.5"] = r => r.Id == 1,
        ["amount BETWEEN 3 AND 4.5"] = r => r.Id is 2 or 3,
        ["label = 'name 42'"] = r => r.Id == 42,
        ["label = 'it''s'"] = _ => false,
        ["label < 'name 100'"] = r => string.CompareOrdinal(r.Label, "name 100") < 0,
        ["label LIKE 'name 99_'"] = r => r.Id >= 990,
        ["label LIKE '%7' AND id < 100"] = r => r.Id % 10 == 7 && r.Id < 100,
        ["label IN ('name 1', 'name 500', 'nope')"] = r => r.Id is 1 or 500,
        ["\"label\" = 'name 8'"] = r => r.Id == 8,
        ["ID = 4"] = r => r.Id == 4,
        ["\"we\"\"ird\" = 3"] = r => r.Id == 3,
        ["maybe IS NULL"] = r => r.Maybe is null,
        ["maybe IS NOT NULL AND maybe >= 5"] = r => r.Maybe >= 5,
        ["maybe != 3"] = r => r.Maybe is not null and not 3,
        ["maybe = 3 OR maybe IS NULL"] = r => r.Maybe is null or 3,
        ["maybe IN (1, 2) AND id < 20"] = r => r.Maybe is 1 or 2 && r.Id < 20,
        ["(id < 10 OR id >= 990) AND (maybe = 1 OR maybe IS NULL)"] = r => (r.Id < 10 || r.Id >= 990) && r.Maybe is null or 1,
        ["((id < 3)) OR (id > 997 AND (flag = true OR maybe = 4))"] = r => r.Id < 3 || (r.Id > 997 && (r.Flag || r.Maybe == 4)),
        ["id < 3 OR id > 996 AND flag = true"] = r => r.Id < 3 || (r.Id > 996 && r.Flag),
        ["ts >= TIMESTAMP '2021-06-01 00:16:30'"] = r => r.Id >= 990,
        ["ts < '2021-06-01 00:00:03'"] = r => r.Id < 3,
        ["ts BETWEEN TIMESTAMP '2021-06-01 00:00:05' AND TIMESTAMP '2021-06-01 00:00:07.000 UTC'"] = r => r.Id is >= 5 and <= 7,
        ["ts = TIMESTAMP '2021-06-01 01:00:09+01:00'"] = r => r.Id == 9,
        ["ts = '2021-06-01 00:00:05.000 UTC'"] = r => r.Id == 5,
        ["ts < DATE '2021-06-02' AND id < 2"] = r => r.Id < 2,
        ["big = 999000000000000000000000"] = r => r.Id == 999,
        ["big > 997000000000000000000000"] = r => r.Id > 997,
        ["big BETWEEN 1000000000000000000000 AND 3000000000000000000000"] = r => r.Id is >= 1 and <= 3,
        ["big IN (0, 5000000000000000000000)"] = r => r.Id is 0 or 5,
        ["big < 1"] = r => r.Id == 0,
        ["big = 999000000000000000000001"] = _ => false,
        ["big = '42000000000000000000000'"] = r => r.Id == 42,
    };

    public static TheoryData<string> Filters() => new(FilterCases.Keys);

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Filters_match_exactly_the_expected_rows(string filter)
    {
        string id = await ExecutionAsync();
        var expected = All.Where(FilterCases[filter]).ToArray();
        var body = await OkJsonAsync($"/api/v1/execution/{id}/results?filters={Q(filter)}");
        var rows = body["result"]!["rows"]!.AsArray().Select(r => Parse(r!)).ToArray();
        Assert.Equal(expected, rows);
        var meta = body["result"]!["metadata"]!;
        Assert.Equal(expected.Length, meta["total_row_count"]!.GetValue<long>());
        Assert.Equal(expected.Length, meta["row_count"]!.GetValue<long>());
        Assert.Equal(expected.Length * AllColumns.Length, meta["datapoint_count"]!.GetValue<long>());
        Assert.Null(body["next_uri"]);
    }

    /// <summary>A column of 256-bit integers beyond the 128-bit range: comparisons must be exact, not via double.</summary>
    private const string HugeSql = "select range as id, (range::varchar || lpad('', 69, '0') || '1')::bignum as huge from range(10)";

    // 5 * 10^70 + 1 is row 5's value; 5 * 10^70 is in no row.
    private const string Five = "50000000000000000000000000000000000000000000000000000000000000000000001";
    private const string FiveRound = "50000000000000000000000000000000000000000000000000000000000000000000000";

    [Theory]
    [InlineData("huge = " + Five, new long[] { 5 })]
    [InlineData("huge IN (" + Five + ")", new long[] { 5 })]
    [InlineData("huge < " + Five, new long[] { 0, 1, 2, 3, 4 })]
    [InlineData("huge >= " + Five, new long[] { 5, 6, 7, 8, 9 })]
    [InlineData("huge = '" + FiveRound + "'", new long[0])]
    [InlineData("huge > '" + FiveRound + "'", new long[] { 5, 6, 7, 8, 9 })]
    [InlineData("huge = " + FiveRound, new long[0])]
    [InlineData("huge > " + FiveRound, new long[] { 5, 6, 7, 8, 9 })]
    [InlineData("huge <= " + FiveRound, new long[] { 0, 1, 2, 3, 4 })]
    [InlineData("huge BETWEEN " + FiveRound + " AND " + Five, new long[] { 5 })]
    public async Task Filters_on_256_bit_integers_are_exact(string filter, long[] expected)
    {
        string id = await ExecutionAsync(HugeSql);
        var body = await OkJsonAsync($"/api/v1/execution/{id}/results?filters={Q(filter)}");
        Assert.Equal("uint256", body["result"]!["metadata"]!["column_types"]![1]!.GetValue<string>());
        Assert.Equal(expected, Ids(body));
        Assert.Equal(expected.Length, body["result"]!["metadata"]!["total_row_count"]!.GetValue<long>());
        Assert.All(body["result"]!["rows"]!.AsArray(), r =>
            Assert.Equal(r!["id"]!.GetValue<long>() == 0 ? "1" : r["id"]!.GetValue<long>() + new string('0', 69) + "1", r["huge"]!.GetValue<string>()));
    }

    // ---------------------------------------------------------------- paging a view by next_uri

    [Fact]
    public async Task A_filtered_sorted_projected_view_pages_by_next_uri()
    {
        string id = await ExecutionAsync();
        const string columns = "id,\"we\"\"ird\",maybe,label";
        const string filters = "(maybe IS NOT NULL AND maybe >= 2 OR label LIKE 'name 1%') AND id BETWEEN 50 AND 899";
        const string sortBy = "maybe desc, id asc";
        const int limit = 97;
        var expected = Sorted(sortBy).Where(r => ((r.Maybe >= 2) || r.Label.StartsWith("name 1", StringComparison.Ordinal)) && r.Id is >= 50 and <= 899).ToArray();
        Assert.InRange(expected.Length, 5 * limit, 10 * limit);

        var sent = new Dictionary<string, string>
        {
            ["columns"] = columns,
            ["filters"] = filters,
            ["sort_by"] = sortBy,
            ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
            ["allow_partial_results"] = "true",
            ["ignore_max_datapoints_per_request"] = "true",
        };
        string? uri = $"/api/v1/execution/{id}/results?" + string.Join("&", sent.Select(kv => kv.Key + "=" + Q(kv.Value)));
        var seen = new List<JsonNode>();
        long offset = 0;
        int pages = 0;
        while (uri is not null)
        {
            var body = await OkJsonAsync(uri);
            pages++;
            var rows = body["result"]!["rows"]!.AsArray();
            var meta = body["result"]!["metadata"]!;
            Assert.Equal(["id", "we\"ird", "maybe", "label"], meta["column_names"]!.AsArray().Select(n => n!.GetValue<string>()));
            Assert.Equal(expected.Length, meta["total_row_count"]!.GetValue<long>());
            Assert.Equal(Math.Min(limit, expected.Length - offset), rows.Count);
            Assert.Equal(rows.Count, meta["row_count"]!.GetValue<long>());
            seen.AddRange(rows.Select(r => r!));
            if (body["next_uri"] is { } next)
            {
                var nextUri = new Uri(next.GetValue<string>());
                Assert.Equal(Server.BaseUrl.Authority, nextUri.Authority);
                Assert.Equal($"/api/v1/execution/{id}/results", nextUri.AbsolutePath);
                var q = HttpUtility.ParseQueryString(nextUri.Query);
                foreach (var (key, value) in sent)
                {
                    Assert.Equal(value, q[key]);
                }
                offset += rows.Count;
                Assert.Equal(offset, body["next_offset"]!.GetValue<long>());
                Assert.Equal(offset.ToString(CultureInfo.InvariantCulture), q["offset"]);
                Assert.Equal(sent.Count + 1, q.Count);
                uri = nextUri.PathAndQuery;
            }
            else
            {
                Assert.Null(body["next_offset"]);
                uri = null;
            }
        }
        Assert.Equal((expected.Length + limit - 1) / limit, pages);
        Assert.Equal(expected.Select(r => r.Id), seen.Select(r => r["id"]!.GetValue<long>()));
        Assert.Equal(expected.Length, seen.Select(r => r["id"]!.GetValue<long>()).Distinct().Count());
        Assert.Equal(expected.Select(r => r.Maybe), seen.Select(r => r["maybe"]?.GetValue<long>()));
        Assert.Equal(expected.Select(r => r.Label), seen.Select(r => r["label"]!.GetValue<string>()));
        Assert.Equal(expected.Select(r => r.Weird), seen.Select(r => r["we\"ird"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Csv_applies_the_same_view_and_pages_by_its_headers()
    {
        string id = await ExecutionAsync();
        const string filters = "maybe IN (5, 6) AND id < 300";
        const string sortBy = "label desc";
        var expected = Sorted(sortBy).Where(r => r.Maybe is 5 or 6 && r.Id < 300).ToArray();
        string? uri = $"/api/v1/execution/{id}/results/csv?columns={Q("label,\"we\"\"ird\",ts,big,maybe")}&filters={Q(filters)}&sort_by={Q(sortBy)}&limit=20";
        var lines = new List<string>();
        int pages = 0;
        while (uri is not null)
        {
            using var response = await Server.Alice.GetAsync(uri);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            var text = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
            Assert.Equal("label,\"we\"\"ird\",ts,big,maybe", text[0]);
            lines.AddRange(text.Skip(1));
            pages++;
            if (response.Headers.TryGetValues("x-dune-next-uri", out var next))
            {
                var q = HttpUtility.ParseQueryString(new Uri(next.Single()).Query);
                Assert.Equal(filters, q["filters"]);
                Assert.Equal(sortBy, q["sort_by"]);
                Assert.Equal("label,\"we\"\"ird\",ts,big,maybe", q["columns"]);
                Assert.Equal(response.Headers.GetValues("x-dune-next-offset").Single(), q["offset"]);
                uri = new Uri(next.Single()).PathAndQuery;
            }
            else
            {
                uri = null;
            }
        }
        Assert.Equal((expected.Length + 19) / 20, pages);
        Assert.Equal(expected.Select(r => $"{r.Label},{r.Weird},{r.Ts},{r.Big},{r.Maybe}"), lines);
    }

    // ---------------------------------------------------------------- sample_count

    [Fact]
    public async Task Sample_count_returns_about_n_distinct_real_rows()
    {
        string id = await ExecutionAsync();
        var body = await OkJsonAsync($"/api/v1/execution/{id}/results?sample_count=50");
        var rows = body["result"]!["rows"]!.AsArray().Select(r => Parse(r!)).ToArray();
        Assert.InRange(rows.Length, 25, 50);
        Assert.Equal(rows.Length, rows.Select(r => r.Id).Distinct().Count());
        Assert.All(rows, r => Assert.Equal(Expected(r.Id), r));
        Assert.Equal(rows.Length, body["result"]!["metadata"]!["row_count"]!.GetValue<long>());
        Assert.Null(body["next_uri"]);
        Assert.Null(body["next_offset"]);

        // Not simply the first rows: over a few samples of 50 out of 1000, some id is at least 100.
        var ids = new HashSet<long>(rows.Select(r => r.Id));
        for (int i = 0; i < 3; i++)
        {
            ids.UnionWith(Ids(await OkJsonAsync($"/api/v1/execution/{id}/results?sample_count=50&columns=id")));
        }
        Assert.Contains(ids, i => i >= 100);

        // With columns and sort_by; more than there are rows gives every row once.
        body = await OkJsonAsync($"/api/v1/execution/{id}/results?sample_count=20&columns={Q("label,id")}&sort_by={Q("id desc")}");
        Assert.Equal(["label", "id"], body["result"]!["metadata"]!["column_names"]!.AsArray().Select(n => n!.GetValue<string>()));
        var sampled = Ids(body);
        Assert.InRange(sampled.Length, 10, 20);
        Assert.Equal(sampled.OrderByDescending(i => i), sampled);
        Assert.All(body["result"]!["rows"]!.AsArray(), r => Assert.Equal("name " + r!["id"]!.GetValue<long>(), r["label"]!.GetValue<string>()));
        body = await OkJsonAsync($"/api/v1/execution/{id}/results?sample_count=5000&columns=id");
        Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), Ids(body).Order());

        using var csv = await Server.Alice.GetAsync($"/api/v1/execution/{id}/results/csv?sample_count=7&columns=id,label");
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal("id,label", lines[0]);
        Assert.InRange(lines.Length - 1, 3, 7);
        Assert.All(lines.Skip(1), l => Assert.Equal("name " + l.Split(',')[0], l.Split(',')[1]));
    }

    /// <summary>
    /// A strong ETag promises byte-identical bodies. A sample is drawn afresh on each request, so two
    /// identical sample requests must either give the same rows or different (or no) strong ETags.
    /// </summary>
    [Fact]
    public async Task A_strong_etag_on_a_sample_means_the_same_sample()
    {
        string id = await ExecutionAsync();
        string path = $"/api/v1/execution/{id}/results?sample_count=5&columns=id";
        var bodies = new List<(string? ETag, string Ids)>();
        for (int i = 0; i < 4; i++)
        {
            var (response, bytes) = await SendAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = JsonNode.Parse(bytes)!;
            bodies.Add((response.Headers.ETag is { IsWeak: false } tag ? tag.Tag : null, string.Join(",", Ids(body))));
        }
        foreach (var group in bodies.Where(b => b.ETag is not null).GroupBy(b => b.ETag))
        {
            Assert.True(group.Select(b => b.Ids).Distinct().Count() == 1,
                $"strong ETag {group.Key} was sent with different samples: {string.Join(" | ", group.Select(b => b.Ids))}");
        }
    }

    // ---------------------------------------------------------------- what must fail

    private static readonly string[] Endpoints = ["results", "results/csv", "results/parquet", "results/arrow"];

    /// <summary>Asserts a 400 with a compact {"error": ...} body and no ETag; returns the message.</summary>
    private async Task<string> BadRequestAsync(string path)
    {
        var (response, bytes) = await SendAsync(path);
        string text = Encoding.UTF8.GetString(bytes);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {path}: expected 400, got {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Headers.ETag);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["error"], body.Select(p => p.Key));
        // Compact, and the message's characters as written (no \u0022-style escapes).
        Assert.Equal(body.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), text);
        string message = body["error"]!.GetValue<string>();
        Assert.DoesNotContain("internal error", message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", message, StringComparison.Ordinal);
        return message;
    }

    [Theory]
    [InlineData("sample_count=10&limit=5", "sample_count cannot be combined with limit, offset or filters")]
    [InlineData("sample_count=10&offset=0", "sample_count cannot be combined with limit, offset or filters (offset only with the sample_seed of a sample's next_uri)")]
    [InlineData("sample_count=10&offset=20", "sample_count cannot be combined with limit, offset or filters (offset only with the sample_seed of a sample's next_uri)")]
    [InlineData("sample_count=10&filters=id%20%3D%201", "sample_count cannot be combined with limit, offset or filters")]
    [InlineData("limit=5&offset=1&filters=id%20%3E%201&sample_count=3", "sample_count cannot be combined with limit, offset or filters")]
    [InlineData("sample_count=0", "sample_count must be a positive integer, got '0'")]
    [InlineData("sample_count=abc", "sample_count must be a positive integer, got 'abc'")]
    [InlineData("sample_count=-3", "sample_count must be a positive integer, got '-3'")]
    [InlineData("sample_count=1.5", "sample_count must be a positive integer, got '1.5'")]
    [InlineData("limit=-1", "limit must be a non-negative integer, got '-1'")]
    [InlineData("limit=ten", "limit must be a non-negative integer, got 'ten'")]
    [InlineData("offset=x", "offset must be a non-negative integer, got 'x'")]
    [InlineData("allow_partial_results=yes", "allow_partial_results must be true or false, got 'yes'")]
    [InlineData("ignore_max_datapoints_per_request=2", "ignore_max_datapoints_per_request must be true or false, got '2'")]
    public async Task Bad_paging_and_sampling_parameters_are_400_on_every_format(string query, string message)
    {
        string id = await ExecutionAsync();
        foreach (var endpoint in Endpoints)
        {
            Assert.Equal(message, await BadRequestAsync($"/api/v1/execution/{id}/{endpoint}?{query}"));
        }
    }

    [Theory]
    [InlineData("columns", "nope", "unknown column \"nope\"", 0)]
    [InlineData("columns", "id, nope", "unknown column \"nope\"", 4)]
    [InlineData("columns", "id,label,id", "column \"id\" is listed twice", 9)]
    [InlineData("columns", "\"Label\"", "unknown column \"Label\"", 0)]
    [InlineData("columns", "id,,label", "expected a column name", 3)]
    [InlineData("columns", "\"unterminated", "unterminated quoted column name", 0)]
    [InlineData("sort_by", "nope desc", "unknown column \"nope\"", 0)]
    [InlineData("sort_by", "id, abs(amount)", "functions are not allowed", 4)]
    [InlineData("sort_by", "id sideways", "expected ASC, DESC, ',' or the end after the column, found \"sideways\"", 3)]
    [InlineData("sort_by", "id; drop table x", "';'", 2)]
    [InlineData("filters", "nope = 1", "unknown column \"nope\"", 0)]
    [InlineData("filters", "id = 1 AND \"Label\" = 'x'", "unknown column \"Label\"", 11)]
    [InlineData("filters", "abs(id) = 1", "functions are not allowed (abs(...))", 0)]
    [InlineData("filters", "id = lower('x')", "functions are not allowed (lower(...))", 5)]
    [InlineData("filters", "id IN (SELECT 1)", "subqueries are not allowed", 7)]
    [InlineData("filters", "id = (select max(id) from x)", "subqueries are not allowed", 6)]
    [InlineData("filters", "NOT id = 1", "NOT is not supported", 0)]
    [InlineData("filters", "id = 1 AND NOT flag = true", "NOT is not supported", 11)]
    [InlineData("filters", "label NOT LIKE 'x%'", "NOT is not supported", 6)]
    [InlineData("filters", "id = 1; drop table t", "';' is not allowed", 6)]
    [InlineData("filters", "id = 1 -- comment", "comments are not allowed", 7)]
    [InlineData("filters", "id = /* c */ 1", "comments are not allowed", 5)]
    [InlineData("filters", "id = ", "expected a column or a value, found the end of the input", 5)]
    [InlineData("filters", "(id = 1", "", 7)]
    [InlineData("filters", "id = 1)", "", 6)]
    [InlineData("filters", "label = 'open", "", 8)]
    [InlineData("filters", "id = NULL", "NULL can only be tested with IS NULL or IS NOT NULL", 5)]
    [InlineData("filters", "label LIKE label", "LIKE needs a pattern in single quotes", 11)]
    [InlineData("filters", "id > 1.5e400", "number out of range", 5)]
    [InlineData("filters", "ts > TIMESTAMP '2021-13-01'", "invalid TIMESTAMP value", 15)]
    [InlineData("filters", "flag", "expected a comparison", 4)]
    [InlineData("filters", "id = 1 AND", "expected a column or a value, found the end of the input", 10)]
    [InlineData("filters", "id IN ()", "expected a column or a value, found ')'", 7)]
    public async Task Bad_views_are_400_naming_the_problem_and_position(string parameter, string value, string problem, int position)
    {
        string id = await ExecutionAsync();
        foreach (var endpoint in Endpoints)
        {
            string message = await BadRequestAsync($"/api/v1/execution/{id}/{endpoint}?{parameter}={Q(value)}");
            Assert.StartsWith(parameter + ": ", message, StringComparison.Ordinal);
            Assert.Contains(problem, message, StringComparison.Ordinal);
            Assert.EndsWith($" at position {position}", message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("amount LIKE 'x'")]
    [InlineData("big LIKE '1%'")]
    [InlineData("label > 5")]
    [InlineData("label BETWEEN 1 AND 2")]
    [InlineData("ts > 5")]
    [InlineData("id > TIMESTAMP '2021-06-01'")]
    [InlineData("id = 'abc'")]
    [InlineData("id IN ('a')")]
    [InlineData("0x10 = id")]
    public async Task Type_mismatches_the_engine_catches_are_400_not_500(string filter)
    {
        string id = await ExecutionAsync();
        foreach (var endpoint in Endpoints)
        {
            string message = await BadRequestAsync($"/api/v1/execution/{id}/{endpoint}?filters={Q(filter)}");
            Assert.False(string.IsNullOrWhiteSpace(message));
        }
    }

    [Fact]
    public async Task Garbage_views_are_never_a_500()
    {
        string id = await ExecutionAsync();
        string[] atoms =
        [
            "id", "amount", "label", "ts", "big", "maybe", "flag", "\"we\"\"ird\"", "\"we\\\"ird\"", "=", "!=", "<>", "<", "<=", ">", ">=",
            "AND", "OR", "(", ")", "IN", "LIKE", "IS", "NULL", "NOT", "BETWEEN", "'x'", "'2021-06-01'", "1", "-1", "1.5", "1e5",
            "true", "false", "TIMESTAMP", "DATE", "BLOB", "'\\x00'", "0x1f", ",", ";", "--", "/*", "*/", "\"", "'", "\\", "\0", "é", "😀",
            new string('9', 90), "asc", "desc", "%", "_", "ESCAPE", "select", "*", ".", "::", "||", "+", "-", "[", "]", "{", "}",
        ];
        string[] parameters = ["filters", "sort_by", "columns", "sample_count", "limit", "offset"];
        var random = new Random(20210601);
        var failures = new List<string>();
        for (int i = 0; i < 400; i++)
        {
            string Value() => string.Join(random.Next(3) == 0 ? "" : " ", Enumerable.Range(0, random.Next(1, 9)).Select(_ => atoms[random.Next(atoms.Length)]));
            var query = new StringBuilder($"{parameters[random.Next(parameters.Length)]}={Q(Value())}");
            if (random.Next(3) == 0)
            {
                query.Append('&').Append(parameters[random.Next(3)]).Append('=').Append(Q(Value()));
            }
            string path = $"/api/v1/execution/{id}/{Endpoints[random.Next(Endpoints.Length)]}?{query}";
            var (response, bytes) = await SendAsync(path);
            if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
            {
                failures.Add($"{(int)response.StatusCode} {path} {Encoding.UTF8.GetString(bytes)}");
            }
            else if (response.StatusCode == HttpStatusCode.BadRequest && JsonNode.Parse(bytes)?["error"] is null)
            {
                failures.Add($"400 without an error body: {path}");
            }
        }
        // Bytes that are not UTF-8 at all.
        foreach (var raw in new[] { "filters=%FF", "filters=id%20%3D%20%27%C0%80%27", "columns=%ED%A0%80", "sort_by=%FE%FF", "sample_count=%FF" })
        {
            foreach (var endpoint in Endpoints)
            {
                var (response, bytes) = await SendAsync($"/api/v1/execution/{id}/{endpoint}?{raw}");
                if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.BadRequest))
                {
                    failures.Add($"{(int)response.StatusCode} {endpoint}?{raw} {Encoding.UTF8.GetString(bytes)}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    // ---------------------------------------------------------------- ETag / 304

    [Fact]
    public async Task Results_carry_a_strong_etag_and_if_none_match_gives_304()
    {
        string id = await ExecutionAsync();
        var paths = new[]
        {
            $"/api/v1/execution/{id}/results?limit=1",
            $"/api/v1/execution/{id}/results?limit=2",
            $"/api/v1/execution/{id}/results?limit=1&offset=1",
            $"/api/v1/execution/{id}/results?limit=1&columns=id",
            $"/api/v1/execution/{id}/results?limit=1&filters={Q("id > 1")}",
            $"/api/v1/execution/{id}/results?limit=1&filters={Q("id > 2")}",
            $"/api/v1/execution/{id}/results?limit=1&sort_by={Q("id desc")}",
            $"/api/v1/execution/{id}/results/csv?limit=1",
            $"/api/v1/execution/{id}/results/csv?limit=1&columns=id",
            $"/api/v1/execution/{id}/results/arrow?limit=1",
            $"/api/v1/execution/{id}/results/parquet?limit=1",
            $"/api/v1/execution/{id}/results/parquet",
        };
        var tags = new List<string>();
        foreach (var path in paths)
        {
            var (response, body) = await SendAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var etag = response.Headers.ETag;
            Assert.NotNull(etag);
            Assert.False(etag.IsWeak, path);
            Assert.StartsWith("\"", etag.Tag, StringComparison.Ordinal);
            tags.Add(etag.Tag);

            // The same request again: the same ETag; with If-None-Match: 304 and no body.
            var (again, againBody) = await SendAsync(path);
            Assert.Equal(etag, again.Headers.ETag);
            Assert.Equal(body, againBody);
            var (notModified, empty) = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(etag));
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(empty);
            Assert.Equal(etag, notModified.Headers.ETag);

            // A list that names it, and a different tag.
            var (listed, _) = await SendAsync(path, r => r.Headers.TryAddWithoutValidation("If-None-Match", "\"other\", " + etag.Tag));
            Assert.Equal(HttpStatusCode.NotModified, listed.StatusCode);
            var (other, otherBody) = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"not-it\"")));
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.Equal(body, otherBody);
        }
        Assert.Equal(tags.Count, tags.Distinct().Count());

    }

    [Fact]
    public async Task Unfinished_executions_carry_no_etag()
    {
        string running = await Server.Alice.SubmitAsync(LifecycleTests.Endless);
        try
        {
            await Server.Alice.WaitForStateAsync(running, "QUERY_STATE_EXECUTING");
            var (response, bytes) = await SendAsync($"/api/v1/execution/{running}/results");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("QUERY_STATE_EXECUTING", JsonNode.Parse(bytes)!["state"]!.GetValue<string>());
            Assert.Null(response.Headers.ETag);
            Assert.Null(response.Headers.CacheControl);
            foreach (var endpoint in new[] { "results/csv", "results/parquet", "results/arrow" })
            {
                (response, bytes) = await SendAsync($"/api/v1/execution/{running}/{endpoint}");
                Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
                Assert.Null(response.Headers.ETag);
                Assert.StartsWith("{\"error\":\"Query state is QUERY_STATE_EXECUTING, cannot provide ", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            }
        }
        finally
        {
            await Server.Alice.PostJsonAsync($"/api/v1/execution/{running}/cancel", null);
        }
        var status = await Server.Alice.WaitAsync(running);
        Assert.Equal("QUERY_STATE_CANCELLED", status["state"]!.GetValue<string>());
    }

    // ---------------------------------------------------------------- gzip

    [Theory]
    [InlineData("results?limit=200")]
    [InlineData("results/csv?limit=200")]
    [InlineData("results?columns=id,label&filters=maybe%20IS%20NULL&sort_by=id%20desc")]
    [InlineData("results/csv?columns=id,label&filters=maybe%20IS%20NULL&sort_by=id%20desc")]
    public async Task Gzip_when_asked_and_the_same_body_decompressed(string endpoint)
    {
        string id = await ExecutionAsync();
        // The in-process client decompresses nothing: the gzip body arrives as the server wrote it.
        using var client = Server.NewClient(StrataServer.AliceKey);
        string path = $"/api/v1/execution/{id}/{endpoint}";

        var (identity, plain) = await SendAsync(path, client: client);
        Assert.Equal(HttpStatusCode.OK, identity.StatusCode);
        Assert.Empty(identity.Content.Headers.ContentEncoding);

        var (gzipped, compressed) = await SendAsync(path, r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip")), client);
        Assert.Equal(HttpStatusCode.OK, gzipped.StatusCode);
        Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", gzipped.Headers.Vary);
        Assert.Equal(identity.Content.Headers.ContentType, gzipped.Content.Headers.ContentType);
        Assert.True(compressed.Length < plain.Length, $"{compressed.Length} compressed bytes vs {plain.Length}");
        using var inflate = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var decompressed = new MemoryStream();
        await inflate.CopyToAsync(decompressed);
        Assert.Equal(plain, decompressed.ToArray());
    }

    /// <summary>
    /// A gzip body and an identity body are different representations: a strong ETag must tell them apart
    /// (RFC 9110 8.8.3.3), or a cache may combine them.
    /// </summary>
    [Fact]
    public async Task Strong_etags_differ_between_content_codings()
    {
        string id = await ExecutionAsync();
        // The in-process client decompresses nothing: the gzip body arrives as the server wrote it.
        using var client = Server.NewClient(StrataServer.AliceKey);
        foreach (var path in new[] { $"/api/v1/execution/{id}/results?limit=200", $"/api/v1/execution/{id}/results/csv?limit=200" })
        {
            var (identity, _) = await SendAsync(path, client: client);
            var (gzipped, _) = await SendAsync(path, r => r.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip")), client);
            Assert.Equal(["gzip"], gzipped.Content.Headers.ContentEncoding);
            if (identity.Headers.ETag is { IsWeak: false } a && gzipped.Headers.ETag is { IsWeak: false } b)
            {
                Assert.True(a.Tag != b.Tag, $"{path}: identity and gzip bodies share the strong ETag {a.Tag}");
            }
        }
    }

    // ---------------------------------------------------------------- Range

    [Fact]
    public async Task Whole_arrow_download_resumes_with_range()
    {
        string id = await ExecutionAsync();
        string path = $"/api/v1/execution/{id}/results/arrow";
        var (full, whole) = await SendAsync(path);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("application/vnd.apache.arrow.stream", full.Content.Headers.ContentType!.MediaType);
        Assert.Contains("bytes", full.Headers.AcceptRanges);
        var (head, first) = await SendAsync(path, r => r.Headers.Range = new RangeHeaderValue(0, 99));
        Assert.Equal(HttpStatusCode.PartialContent, head.StatusCode);
        var (tail, rest) = await SendAsync(path, r =>
        {
            r.Headers.Range = new RangeHeaderValue(100, null);
            r.Headers.IfRange = new RangeConditionHeaderValue(full.Headers.ETag!);
        });
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        byte[] joined = first.Concat(rest).ToArray();
        Assert.Equal(whole, joined);
        using var reader = new Apache.Arrow.Ipc.ArrowStreamReader(new MemoryStream(joined));
        long rows = 0;
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            rows += batch.Length;
            batch.Dispose();
        }
        Assert.Equal(1000, rows);
    }

    [Fact]
    public async Task Whole_parquet_download_resumes_with_range()
    {
        string id = await ExecutionAsync();
        string path = $"/api/v1/execution/{id}/results/parquet";
        var (full, whole) = await SendAsync(path);
        Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        Assert.Equal("application/vnd.apache.parquet", full.Content.Headers.ContentType!.MediaType);
        Assert.Equal(whole.Length, full.Content.Headers.ContentLength);
        Assert.Contains("bytes", full.Headers.AcceptRanges);
        Assert.True(whole.Length > 200);
        var etag = full.Headers.ETag!;

        var (head, first) = await SendAsync(path, r => r.Headers.Range = new RangeHeaderValue(0, 99));
        Assert.Equal(HttpStatusCode.PartialContent, head.StatusCode);
        Assert.Equal(100, first.Length);
        Assert.Equal(100, head.Content.Headers.ContentLength);
        Assert.Equal($"bytes 0-99/{whole.Length}", head.Content.Headers.ContentRange!.ToString());
        Assert.Equal(etag, head.Headers.ETag);

        var (tail, rest) = await SendAsync(path, r =>
        {
            r.Headers.Range = new RangeHeaderValue(100, null);
            r.Headers.IfRange = new RangeConditionHeaderValue(etag);
        });
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal($"bytes 100-{whole.Length - 1}/{whole.Length}", tail.Content.Headers.ContentRange!.ToString());
        Assert.Equal(whole, first.Concat(rest).ToArray());

        // A stale If-Range gets the whole file; a range past the end is 416.
        var (stale, all) = await SendAsync(path, r =>
        {
            r.Headers.Range = new RangeHeaderValue(100, null);
            r.Headers.IfRange = new RangeConditionHeaderValue("\"stale\"");
        });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(whole, all);
        var (beyond, _) = await SendAsync(path, r => r.Headers.Range = new RangeHeaderValue(whole.Length + 10, null));
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);

        // The stored file answers If-None-Match too, and the resumed bytes are a real Parquet file.
        var (cached, empty) = await SendAsync(path, r => r.Headers.IfNoneMatch.Add(etag));
        Assert.Equal(HttpStatusCode.NotModified, cached.StatusCode);
        Assert.Empty(empty);
        var read = ReadParquet(first.Concat(rest).ToArray(), "select count(*), min(id), max(id) from data");
        Assert.Equal([1000L, 0L, 999L], read.Single().Select(Convert.ToInt64));
    }

    // ---------------------------------------------------------------- downloads read back

    /// <summary>Runs <paramref name="sql"/> in an in-memory DuckDB over the Parquet bytes (as view <c>data</c>); returns the rows and column names.</summary>
    private static List<object?[]> ReadParquet(byte[] parquet, string sql) => ReadParquet(parquet, sql, out _);

    private static List<object?[]> ReadParquet(byte[] parquet, string sql, out string[] names)
    {
        string file = Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N") + ".parquet");
        File.WriteAllBytes(file, parquet);
        try
        {
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            using (var view = connection.CreateCommand())
            {
                view.CommandText = $"create view data as select * from read_parquet('{file.Replace("'", "''", StringComparison.Ordinal)}')";
                view.ExecuteNonQuery();
            }
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                rows.Add(row);
            }
            return rows;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void AssertAttachment(HttpResponseMessage response, string fileName)
    {
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal(fileName, disposition.FileName?.Trim('"'));
        if (disposition.FileNameStar is { } star)
        {
            Assert.Equal(fileName, star);
        }
    }

    [Fact]
    public async Task Whole_parquet_download_reads_back_with_duckdb()
    {
        string id = await ExecutionAsync();
        var (response, bytes) = await SendAsync($"/api/v1/execution/{id}/results/parquet");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertAttachment(response, $"{id}.parquet");

        var rows = ReadParquet(bytes, "select * from data", out var names);
        Assert.Equal(AllColumns, names);
        Assert.Equal(1000, rows.Count);
        for (int i = 0; i < 1000; i++)
        {
            var expected = Expected(i);
            var row = rows[i];
            Assert.Equal((long)i, Convert.ToInt64(row[0], CultureInfo.InvariantCulture));
            Assert.Equal(decimal.Parse(expected.Amount, CultureInfo.InvariantCulture), Convert.ToDecimal(row[1], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Label, row[2]);
            Assert.Equal(expected.Time, DateTime.SpecifyKind((DateTime)row[3]!, DateTimeKind.Utc));
            Assert.Equal(expected.Big, Convert.ToString(row[4], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Maybe, row[5] is null ? null : Convert.ToInt64(row[5], CultureInfo.InvariantCulture));
            Assert.Equal(expected.Flag, row[6]);
            Assert.Equal((long)i, Convert.ToInt64(row[7], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Parquet_download_applies_columns_filters_sort_by_limit_and_offset()
    {
        string id = await ExecutionAsync();
        var (response, bytes) = await SendAsync($"/api/v1/execution/{id}/results/parquet?columns={Q("label,\"we\"\"ird\",big,id")}&filters={Q("maybe IS NOT NULL AND (id < 30 OR id > 985)")}&sort_by={Q("maybe desc, id")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.apache.parquet", response.Content.Headers.ContentType!.MediaType);
        AssertAttachment(response, $"{id}.parquet");
        var expected = Sorted("maybe desc, id").Where(r => r.Maybe is not null && (r.Id < 30 || r.Id > 985)).ToArray();
        var rows = ReadParquet(bytes, "select * from data", out var names);
        Assert.Equal(["label", "we\"ird", "big", "id"], names);
        Assert.Equal(expected.Select(r => r.Id), rows.Select(r => Convert.ToInt64(r[3], CultureInfo.InvariantCulture)));
        Assert.Equal(expected.Select(r => r.Label), rows.Select(r => (string)r[0]!));
        Assert.Equal(expected.Select(r => r.Big), rows.Select(r => Convert.ToString(r[2], CultureInfo.InvariantCulture)));

        (response, bytes) = await SendAsync($"/api/v1/execution/{id}/results/parquet?limit=10&offset=5&columns=id");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        rows = ReadParquet(bytes, "select id from data");
        Assert.Equal(Enumerable.Range(5, 10).Select(i => (long)i), rows.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)));
    }

    private static async Task<(Schema Schema, List<RecordBatch> Batches)> ReadArrowAsync(byte[] bytes)
    {
        using var reader = new ArrowStreamReader(new MemoryStream(bytes));
        var batches = new List<RecordBatch>();
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            batches.Add(batch);
        }
        return (reader.Schema, batches);
    }

    private static IEnumerable<T?> Values<T>(List<RecordBatch> batches, string column, Func<IArrowArray, int, T?> get) =>
        batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(i => get(b.Column(column), i)));

    [Fact]
    public async Task Arrow_download_reads_back_with_apache_arrow()
    {
        string id = await ExecutionAsync();
        var (response, bytes) = await SendAsync($"/api/v1/execution/{id}/results/arrow");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.apache.arrow.stream", response.Content.Headers.ContentType!.MediaType);
        AssertAttachment(response, $"{id}.arrow");
        var (schema, batches) = await ReadArrowAsync(bytes);
        Assert.Equal(AllColumns, schema.FieldsList.Select(f => f.Name));
        Assert.Equal(1000, batches.Sum(b => b.Length));
        Assert.Equal(All.Select(r => (long?)r.Id), Values(batches, "id", (a, i) => ((Int64Array)a).GetValue(i)));
        Assert.Equal(All.Select(r => r.Amount), Values(batches, "amount", (a, i) => ((StringArray)a).GetString(i)));
        Assert.Equal(All.Select(r => r.Label), Values(batches, "label", (a, i) => ((StringArray)a).GetString(i)));
        Assert.Equal(All.Select(r => (DateTimeOffset?)new DateTimeOffset(r.Time)), Values(batches, "ts", (a, i) => ((TimestampArray)a).GetTimestamp(i)));
        Assert.Equal(All.Select(r => r.Big), Values(batches, "big", (a, i) => ((StringArray)a).GetString(i)));
        Assert.Equal(All.Select(r => r.Maybe), Values(batches, "maybe", (a, i) => ((Int64Array)a).GetValue(i)));
        Assert.Equal(All.Select(r => (bool?)r.Flag), Values(batches, "flag", (a, i) => ((BooleanArray)a).GetValue(i)));
        Assert.Equal(All.Select(r => (long?)r.Weird), Values(batches, "we\"ird", (a, i) => ((Int64Array)a).GetValue(i)));
    }

    [Fact]
    public async Task Arrow_download_applies_columns_filters_sort_by_limit_and_offset()
    {
        string id = await ExecutionAsync();
        var (response, bytes) = await SendAsync($"/api/v1/execution/{id}/results/arrow?columns={Q("\"we\\\"ird\",ts,maybe")}&filters={Q("ts BETWEEN TIMESTAMP '2021-06-01 00:01:00' AND '2021-06-01 00:02:00' AND flag = true")}&sort_by={Q("maybe, ts desc")}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertAttachment(response, $"{id}.arrow");
        var (schema, batches) = await ReadArrowAsync(bytes);
        Assert.Equal(["we\"ird", "ts", "maybe"], schema.FieldsList.Select(f => f.Name));
        var expected = Sorted("maybe, ts desc").Where(r => r.Id is >= 60 and <= 120 && r.Flag).ToArray();
        Assert.Equal(21, expected.Length);
        Assert.Equal(expected.Select(r => (long?)r.Id), Values(batches, "we\"ird", (a, i) => ((Int64Array)a).GetValue(i)));
        Assert.Equal(expected.Select(r => r.Maybe), Values(batches, "maybe", (a, i) => ((Int64Array)a).GetValue(i)));
        Assert.Equal(expected.Select(r => (DateTimeOffset?)new DateTimeOffset(r.Time)), Values(batches, "ts", (a, i) => ((TimestampArray)a).GetTimestamp(i)));

        (response, bytes) = await SendAsync($"/api/v1/execution/{id}/results/arrow?limit=10&offset=995&columns=label");
        (schema, batches) = await ReadArrowAsync(bytes);
        Assert.Equal(["label"], schema.FieldsList.Select(f => f.Name));
        Assert.Equal(Enumerable.Range(995, 5).Select(i => "name " + i), Values(batches, "label", (a, i) => ((StringArray)a).GetString(i)));

        (response, bytes) = await SendAsync($"/api/v1/execution/{id}/results/arrow?sample_count=15&columns=id,label");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (_, batches) = await ReadArrowAsync(bytes);
        var sampled = Values(batches, "id", (a, i) => ((Int64Array)a).GetValue(i)).ToArray();
        Assert.InRange(sampled.Length, 7, 15);
        Assert.Equal(sampled.Length, sampled.Distinct().Count());
        Assert.Equal(sampled.Select(i => "name " + i), Values(batches, "label", (a, i) => ((StringArray)a).GetString(i)));
    }
}

/// <summary>QUERY_STATE_COMPLETED_PARTIAL results and allow_partial_results, on a server with a small stored-size cap.</summary>
public sealed class ResultViewsPartialTests(ResultViewsPartialTests.PartialServer fixture) : IClassFixture<ResultViewsPartialTests.PartialServer>
{
    public const string PartialText = "Partial Result, please request with 'allow_partial_results=true'";

    public const string PartialBody = "{\"error\":\"" + PartialText + "\"}";

    /// <summary>A server whose stored results are cut at 100,000 bytes, with one result that hit the cap. The Program in
    /// process: what is tested is the result routes' answers for a partial result, not the process.</summary>
    public sealed class PartialServer : IAsyncLifetime
    {
        public InProcessServer Server { get; private set; } = null!;

        public string ExecutionId { get; private set; } = "";

        public long StoredRows { get; private set; }

        public async Task InitializeAsync()
        {
            Server = await InProcessServer.StartAsync(new Dictionary<string, string> { ["Strata__MaxResultBytes"] = "100000" });
            ExecutionId = await Server.Alice.SubmitAsync("select range as n, 'row ' || CAST(range AS varchar) as label from range(1000000) order by n");
            var status = await Server.Alice.WaitAsync(ExecutionId);
            Assert.Equal("QUERY_STATE_COMPLETED_PARTIAL", status["state"]!.GetValue<string>());
            StoredRows = status["result_metadata"]!["total_row_count"]!.GetValue<long>();
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private HttpClient Alice => fixture.Server.Alice;

    private string Path(string endpoint, string query) => $"/api/v1/execution/{fixture.ExecutionId}/{endpoint}{query}";

    [Theory]
    [InlineData("")]
    [InlineData("?limit=5")]
    [InlineData("?allow_partial_results=false")]
    [InlineData("?columns=n&filters=n%20%3C%2010&sort_by=n%20desc")]
    [InlineData("?sample_count=3")]
    public async Task Without_allow_partial_results_every_format_is_400_with_the_contract_text(string query)
    {
        Assert.InRange(fixture.StoredRows, 1000, 999_999);
        foreach (var endpoint in new[] { "results", "results/csv", "results/parquet", "results/arrow" })
        {
            using var response = await Alice.GetAsync(Path(endpoint, query));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            Assert.Equal(["error"], body.Select(p => p.Key));
            Assert.Equal(PartialText, body["error"]!.GetValue<string>());
            Assert.Null(response.Headers.ETag);
        }
    }

    /// <summary>
    /// The contract gives this body exactly, and clients show it as is (Dune's TypeScript SDK puts the raw body
    /// in its error message), so the apostrophes are sent as they are, not as \u0027 escapes.
    /// </summary>
    [Fact]
    public async Task The_partial_error_body_is_the_contract_text_byte_for_byte()
    {
        using var response = await Alice.GetAsync(Path("results", ""));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PartialBody, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task With_allow_partial_results_rows_are_served_also_through_views()
    {
        long stored = fixture.StoredRows;
        var body = await Alice.GetFromJsonNodeAsync(Path("results", "?allow_partial_results=true&limit=100&offset=10"));
        Assert.Equal("QUERY_STATE_COMPLETED_PARTIAL", body["state"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(10, 100).Select(i => (long)i), body["result"]!["rows"]!.AsArray().Select(r => r!["n"]!.GetValue<long>()));
        Assert.Equal(stored, body["result"]!["metadata"]!["total_row_count"]!.GetValue<long>());
        var next = HttpUtility.ParseQueryString(new Uri(body["next_uri"]!.GetValue<string>()).Query);
        Assert.Equal("true", next["allow_partial_results"]);
        Assert.Equal("110", next["offset"]);

        // Filters count matching stored rows; sort_by sees only the stored rows.
        body = await Alice.GetFromJsonNodeAsync(Path("results", $"?allow_partial_results=true&filters={Uri.EscapeDataString("n >= 100 AND n < 150 OR label = 'row 999999'")}&sort_by=n%20desc&columns=label"));
        Assert.Equal(50, body["result"]!["metadata"]!["total_row_count"]!.GetValue<long>());
        Assert.Equal(Enumerable.Range(100, 50).Reverse().Select(i => "row " + i), body["result"]!["rows"]!.AsArray().Select(r => r!["label"]!.GetValue<string>()));
        body = await Alice.GetFromJsonNodeAsync(Path("results", "?allow_partial_results=true&sort_by=n%20desc&limit=1&columns=n"));
        Assert.Equal(stored - 1, body["result"]!["rows"]![0]!["n"]!.GetValue<long>());
        body = await Alice.GetFromJsonNodeAsync(Path("results", "?allow_partial_results=true&sample_count=10"));
        Assert.All(body["result"]!["rows"]!.AsArray(), r => Assert.InRange(r!["n"]!.GetValue<long>(), 0, stored - 1));

        using var csv = await Alice.GetAsync(Path("results/csv", "?allow_partial_results=true&filters=n%20%3C%203&columns=label,n"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("label,n\nrow 0,0\nrow 1,1\nrow 2,2\n", await csv.Content.ReadAsStringAsync());

        using var arrow = await Alice.GetAsync(Path("results/arrow", "?allow_partial_results=true&columns=n"));
        Assert.Equal(HttpStatusCode.OK, arrow.StatusCode);
        using var reader = new ArrowStreamReader(await arrow.Content.ReadAsStreamAsync());
        long count = 0;
        while (await reader.ReadNextRecordBatchAsync() is { } batch)
        {
            var values = (Int64Array)batch.Column("n");
            for (int i = 0; i < batch.Length; i++)
            {
                Assert.Equal(count + i, values.GetValue(i));
            }
            count += batch.Length;
        }
        Assert.Equal(stored, count);

        using var parquet = await Alice.GetAsync(Path("results/parquet", "?allow_partial_results=true"));
        Assert.Equal(HttpStatusCode.OK, parquet.StatusCode);
        string file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N") + ".parquet");
        await File.WriteAllBytesAsync(file, await parquet.Content.ReadAsByteArrayAsync());
        try
        {
            using var connection = new DuckDBConnection("Data Source=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"select count(*), count(distinct n), min(n), max(n) from read_parquet('{file}')";
            using var result = command.ExecuteReader();
            Assert.True(result.Read());
            Assert.Equal([stored, stored, 0L, stored - 1], Enumerable.Range(0, 4).Select(i => Convert.ToInt64(result.GetValue(i), CultureInfo.InvariantCulture)));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
