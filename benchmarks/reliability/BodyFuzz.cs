using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Strata.Reliability;

/// <summary>
/// Mutated request bodies for every route that reads a JSON, NDJSON or CSV body, sent through the
/// server pipeline (<see cref="InProcessStrata"/> or a real server). Every answer is checked: no
/// 5xx, every non-2xx carries the contract's <c>{"error": "..."}</c>, and none takes over 1 s.
/// Accepted executions are cancelled at once, accepted tables other than the fixture dropped, and
/// the fixture tables cleared every 500 accepted inserts, so nothing piles up; those requests are
/// the harness's and checked the same way, but not counted as inputs.
/// </summary>
internal sealed class BodyFuzz
{
    public const string Owner = "fuzz";

    internal static readonly string[] ExecuteSeeds =
    [
        "{\"sql\":\"select 1\"}", "{\"sql\":\"select 1\",\"performance\":\"large\"}", "{\"sql\":\"select 2 as x\",\"performance\":\"medium\"}",
        "{\"sql\":\"select {{a}}\",\"query_parameters\":{\"a\":1}}", "{\"sql\":\"select 1\",\"dialect\":\"duckdb\"}", "{\"query_sql\":\"select 2\"}",
    ];

    internal static readonly string[] CreateSeeds =
    [
        "{\"name\":\"q\",\"query_sql\":\"select {{a}}\",\"parameters\":[{\"key\":\"a\",\"type\":\"number\",\"value\":\"1\"}]}",
        "{\"name\":\"q2\",\"query_sql\":\"select '{{t}}', {{d}}\",\"parameters\":[{\"key\":\"t\",\"type\":\"text\",\"value\":\"x\"},{\"key\":\"d\",\"type\":\"datetime\",\"value\":\"2021-01-01 00:00:00\"}],\"is_private\":true,\"description\":\"d\",\"tags\":[\"a\",\"b\"]}",
        "{\"name\":\"q3\",\"query_sql\":\"select 1\",\"query_parameters\":{\"a\":\"1\"}}",
    ];

    internal static readonly string[] UpdateSeeds =
    [
        "{\"name\":\"renamed\"}", "{\"query_sql\":\"select {{a}} + 1\"}", "{\"description\":\"x\",\"tags\":[\"t\"],\"is_private\":false}",
        "{\"parameters\":[{\"key\":\"a\",\"type\":\"number\",\"value\":\"2\"}]}", "{\"is_archived\":true}",
    ];

    internal static readonly string[] QueryExecuteSeeds =
    [
        "{\"query_parameters\":{\"a\":\"2\"}}", "{\"query_parameters\":{\"a\":3},\"performance\":\"medium\"}", "{}",
        "{\"query_parameters\":[{\"key\":\"a\",\"value\":\"4\"}]}", "{\"performance\":\"large\"}",
    ];

    internal static readonly string[] UploadCreateSeeds =
    [
        "{\"namespace\":\"fuzz\",\"table_name\":\"u\",\"schema\":[{\"name\":\"a\",\"type\":\"integer\"}]}",
        "{\"namespace\":\"fuzz\",\"table_name\":\"v\",\"description\":\"d\",\"is_private\":true,\"schema\":[{\"name\":\"a\",\"type\":\"decimal(10,2)\"},{\"name\":\"b\",\"type\":\"varchar\",\"nullable\":true},{\"name\":\"c\",\"type\":\"timestamp\"}]}",
        "{\"namespace\":\"fuzz\",\"table_name\":\"w\",\"schema\":[{\"name\":\"x\",\"type\":\"uint256\"},{\"name\":\"y\",\"type\":\"varbinary\"},{\"name\":\"z\",\"type\":\"date\"}]}",
    ];

    /// <summary>The fixture table's schema: every column type an insert converts to.</summary>
    private const string FixtureTable =
        "{\"namespace\":\"fuzz\",\"table_name\":\"t\",\"schema\":[{\"name\":\"a\",\"type\":\"integer\"},{\"name\":\"b\",\"type\":\"varchar\"},{\"name\":\"c\",\"type\":\"double\"},"
        + "{\"name\":\"d\",\"type\":\"boolean\"},{\"name\":\"e\",\"type\":\"timestamp\"},{\"name\":\"f\",\"type\":\"date\"},{\"name\":\"g\",\"type\":\"decimal(18,4)\"},"
        + "{\"name\":\"h\",\"type\":\"varbinary\"},{\"name\":\"i\",\"type\":\"uint256\"},{\"name\":\"j\",\"type\":\"bigint\"}]}";

    internal static readonly string[] NdjsonSeeds =
    [
        "{\"a\": 1, \"b\": \"x\", \"c\": 1.5, \"d\": true, \"e\": \"2021-01-01 00:00:00\", \"f\": \"2021-01-01\", \"g\": \"1.25\", \"h\": \"0xdeadbeef\", \"i\": \"115792089237316195423570985008687907853269984665640564039457584007913129639935\", \"j\": 9007199254740993}\n",
        "{\"a\": null, \"b\": null}\n{\"a\": 2}\n",
        "{\"b\": \"line\\nbreak \\\"q\\\" \\u00e9\", \"c\": -1e308, \"j\": -9223372036854775808}\r\n{\"d\": false, \"e\": \"2021-01-01T12:34:56.789Z\"}\n",
        "{\"a\": 2147483647, \"g\": 99999999999999.9999}\n\n{\"a\": -2147483648}",
    ];

    internal static readonly string[] CsvSeeds =
    [
        "a,b,c,d,e,f,g,h,i,j\n1,x,1.5,true,2021-01-01 00:00:00,2021-01-01,1.25,0xdeadbeef,12345,9007199254740993\n",
        "a,b\n,\"\"\n2,\"q\"\"uote\"\n", "b,a\r\n\"line\nbreak\",3\r\n", "j,i,h\n-9223372036854775808,0,0x\n",
    ];

    private readonly HttpClient client;
    private readonly object gate = new();
    private readonly List<long> queryIds = [];
    private readonly Dictionary<string, RouteTally> tallies = [];
    private readonly long[] acceptedInserts = new long[Workers];

    private readonly double slowMs;

    /// <param name="client">A client with the fuzz owner's key.</param>
    /// <param name="slowMs">An answer slower than this is a failure (1 s; more in a test on a shared machine).</param>
    public BodyFuzz(HttpClient client, double slowMs = 1000)
    {
        this.client = client;
        this.slowMs = slowMs;
    }

    /// <summary>All workers insert into one table (<c>fuzz.t0</c>): inserts, compactions and clears contend with each other and with executions.</summary>
    public bool SharedTable { get; set; }

    /// <summary>When set, workers stop at this time (the report then says how many inputs were sent).</summary>
    public DateTime? StopAt { get; set; }

    public IReadOnlyDictionary<string, RouteTally> Tallies => tallies;

    public long HarnessRequests { get; private set; }

    /// <summary>Every failure: a 5xx, a non-2xx without the error body, an exception, an answer over 1 s.</summary>
    public List<string> Failures { get; } = [];

    public int FailureCount { get; private set; }

    /// <summary>Workers at most; each inserts into its own table (<c>fuzz.t0</c>, ...), so no insert waits behind another's.</summary>
    public const int Workers = 16;

    /// <summary>Creates the fixtures: four saved queries and the tables <c>fuzz.t0</c> ... <c>fuzz.t15</c>.</summary>
    public async Task SetUpAsync()
    {
        for (int i = 0; i < 4; i++)
        {
            using var doc = JsonDocument.Parse(await HarnessAsync(HttpMethod.Post, "api/v1/query", CreateSeeds[0], "application/json", expectSuccess: true).ConfigureAwait(false));
            queryIds.Add(doc.RootElement.GetProperty("query_id").GetInt64());
        }
        for (int worker = 0; worker < Workers; worker++)
        {
            await HarnessAsync(HttpMethod.Post, "api/v1/uploads", FixtureTable.Replace("\"t\"", $"\"t{worker}\"", StringComparison.Ordinal), "application/json", expectSuccess: true).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends <paramref name="jsonInputs"/> JSON bodies (execute, saved query create, update and
    /// execute, upload create), <paramref name="ndjsonInputs"/> NDJSON and <paramref name="csvInputs"/>
    /// CSV insert bodies, interleaved, from <paramref name="parallel"/> workers, each with its own
    /// generator (seed + worker).
    /// </summary>
    public async Task RunAsync(long jsonInputs, long ndjsonInputs, long csvInputs, int seed, int parallel, Action<string>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(parallel, Workers);
        long total = jsonInputs + ndjsonInputs + csvInputs, done = 0;
        var started = Stopwatch.StartNew();
        static long Share(long n, int worker, int parallel) => n / parallel + (worker < n % parallel ? 1 : 0);
        async Task WorkerAsync(int worker)
        {
            var random = new Random(seed + worker);
            long json = Share(jsonInputs, worker, parallel), ndjson = Share(ndjsonInputs, worker, parallel), csv = Share(csvInputs, worker, parallel);
            while (json + ndjson + csv > 0 && (StopAt is null || DateTime.UtcNow < StopAt))
            {
                long pick = random.NextInt64(json + ndjson + csv);
                if (pick < json)
                {
                    json--;
                    await JsonAsync(random).ConfigureAwait(false);
                }
                else
                {
                    bool isCsv = pick >= json + ndjson;
                    _ = isCsv ? csv-- : ndjson--;
                    await InsertAsync(random, isCsv, worker).ConfigureAwait(false);
                }
                long count = Interlocked.Increment(ref done);
                if (progress is not null && count % 20_000 == 0)
                {
                    string slowest;
                    lock (gate)
                    {
                        slowest = $"{tallies.Values.Select(t => t.SlowestMs).DefaultIfEmpty(0).Max():0}";
                    }
                    progress($"{DateTime.UtcNow:HH:mm:ss} {count}/{total} inputs, {count / started.Elapsed.TotalSeconds:0}/s, failures {FailureCount}, slowest {slowest} ms");
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(WorkerAsync)).ConfigureAwait(false);
    }

    private async Task JsonAsync(Random random)
    {
        long queryId;
        lock (gate)
        {
            queryId = queryIds[random.Next(queryIds.Count)];
        }
        var (route, method, path, seeds) = random.Next(5) switch
        {
            0 => ("execute", HttpMethod.Post, "api/v1/sql/execute", ExecuteSeeds),
            1 => ("query create", HttpMethod.Post, "api/v1/query", CreateSeeds),
            2 => ("query update", HttpMethod.Patch, $"api/v1/query/{queryId}", UpdateSeeds),
            3 => ("query execute", HttpMethod.Post, $"api/v1/query/{queryId}/execute", QueryExecuteSeeds),
            _ => ("upload create", HttpMethod.Post, "api/v1/uploads", UploadCreateSeeds),
        };
        byte[] body = Mutation.MutateBytes(random, seeds, Mutation.JsonTokens);
        string contentType = random.Next(40) == 0 ? "text/plain" : "application/json";
        var (status, answer) = await InputAsync(route, method, path, body, contentType).ConfigureAwait(false);
        if (status is < 200 or >= 300 || answer is null)
        {
            return;
        }
        // Keep what was accepted from piling up.
        using var doc = JsonDocument.Parse(answer);
        var root = doc.RootElement;
        if (root.TryGetProperty("execution_id", out var id))
        {
            await EndAsync(route, id.GetString()!, body).ConfigureAwait(false);
        }
        else if (route == "upload create" && root.TryGetProperty("table_name", out var name) && !IsFixture(name.GetString()!))
        {
            await HarnessAsync(HttpMethod.Delete, $"api/v1/uploads/{Owner}/{name.GetString()}", "", null, expectSuccess: true).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Lets an accepted execution run for up to <see cref="ExecutionWait"/> (then cancels it): one that
    /// ends FAILED with an internal error is a failure, as a 500 is.
    /// </summary>
    private async Task EndAsync(string route, string id, byte[] body)
    {
        string status = await HarnessAsync(HttpMethod.Get, $"api/v1/execution/{id}/status?wait={ExecutionWait.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "", null, expectSuccess: true).ConfigureAwait(false);
        using var doc = JsonDocument.Parse(status);
        string state = doc.RootElement.GetProperty("state").GetString()!;
        lock (gate)
        {
            ExecutionStates[state] = ExecutionStates.GetValueOrDefault(state) + 1;
        }
        if (state == "QUERY_STATE_FAILED" && doc.RootElement.TryGetProperty("error", out var error)
            && error.GetProperty("message").GetString() is { } message && message.Contains("internal error", StringComparison.OrdinalIgnoreCase))
        {
            lock (gate)
            {
                tallies[route].Failures++;
                Fail($"{route}: the execution FAILED with an internal error ({message}) for {Mutation.Show(Encoding.UTF8.GetString(body))}");
            }
        }
        if (state is "QUERY_STATE_PENDING" or "QUERY_STATE_EXECUTING")
        {
            await HarnessAsync(HttpMethod.Post, $"api/v1/execution/{id}/cancel", "", null, expectSuccess: true).ConfigureAwait(false);
        }
    }

    /// <summary>How long an accepted execution may run before it is cancelled (0: cancelled at once, as before).</summary>
    public TimeSpan ExecutionWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The end states (or the state at the end of the wait) of accepted executions.</summary>
    public SortedDictionary<string, long> ExecutionStates { get; } = new(StringComparer.Ordinal);

    private async Task InsertAsync(Random random, bool csv, int worker)
    {
        string table = SharedTable ? "t0" : $"t{worker}";
        byte[] body = Mutation.MutateBytes(random, csv ? CsvSeeds : NdjsonSeeds, Mutation.JsonTokens);
        string? contentType = random.Next(20) switch
        {
            0 => null,
            1 => "application/json",
            _ => csv ? "text/csv" : "application/x-ndjson",
        };
        var (status, _) = await InputAsync(csv ? "insert CSV" : "insert NDJSON", HttpMethod.Post, $"api/v1/uploads/{Owner}/{table}/insert", body, contentType).ConfigureAwait(false);
        if (status is >= 200 and < 300 && ++acceptedInserts[worker] % 500 == 0)
        {
            await HarnessAsync(HttpMethod.Post, $"api/v1/uploads/{Owner}/{table}/clear", "", null, expectSuccess: true).ConfigureAwait(false);
        }
    }

    private static bool IsFixture(string table) =>
        table.Length > 1 && table[0] is 't' or 'T' && int.TryParse(table.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int n) && n < Workers;

    /// <summary>Sends one fuzz input and checks its answer; returns its status and, when 2xx, its body.</summary>
    private async Task<(int Status, string? Body)> InputAsync(string route, HttpMethod method, string path, byte[] body, string? contentType)
    {
        var clock = Stopwatch.StartNew();
        var (status, text, error) = await SendAsync(method, path, body, contentType).ConfigureAwait(false);
        double ms = clock.Elapsed.TotalMilliseconds;
        string shown = Mutation.Show(Encoding.UTF8.GetString(body));
        lock (gate)
        {
            if (!tallies.TryGetValue(route, out var tally))
            {
                tallies[route] = tally = new RouteTally();
            }
            tally.Add(status, ms, shown);
            string? problem = error ?? Check(status, text);
            if (ms > slowMs)
            {
                problem = (problem is null ? "" : problem + "; ") + $"took {ms:0} ms";
            }
            if (problem is not null)
            {
                tally.Failures++;
                Fail($"{route} {path}: {problem} for {shown}");
            }
        }
        return (status, status is >= 200 and < 300 ? text : null);
    }

    /// <summary>A harness request (fixtures, cancels, drops, clears): checked like the inputs, not counted as one.</summary>
    private async Task<string> HarnessAsync(HttpMethod method, string path, string body, string? contentType, bool expectSuccess)
    {
        var (status, text, error) = await SendAsync(method, path, Encoding.UTF8.GetBytes(body), contentType).ConfigureAwait(false);
        string? problem = error ?? Check(status, text);
        lock (gate)
        {
            HarnessRequests++;
            // Two workers may drop the same accepted table: the second drop's 404 is expected.
            bool expected = status is >= 200 and < 300 || status == 409 || (method == HttpMethod.Delete && status == 404);
            if (problem is not null || (expectSuccess && !expected))
            {
                Fail($"harness {method} {path}: {problem ?? status.ToString(System.Globalization.CultureInfo.InvariantCulture)} {text}");
            }
        }
        return text;
    }

    private void Fail(string message)
    {
        FailureCount++;
        if (FailureCount <= 200 || !message.Contains(" took ", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} FAILURE {(message.Length > 2000 ? message[..2000] : message)}");
        }
        if (Failures.Count < 200)
        {
            Failures.Add(message);
        }
    }

    private async Task<(int Status, string Text, string? Error)> SendAsync(HttpMethod method, string path, byte[] body, string? contentType)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Delete)
        {
            request.Content = new ByteArrayContent(body);
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }
        try
        {
            using var response = await client.SendAsync(request).ConfigureAwait(false);
            string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            return ((int)response.StatusCode, text, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
        {
            return (0, "", $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Null when the answer keeps the contract: below 500, and a non-2xx carries <c>{"error": "..."}</c>.</summary>
    internal static string? Check(int status, string text)
    {
        if (status >= 500)
        {
            return $"{status} {text}";
        }
        if (status is >= 200 and < 300 || status == (int)HttpStatusCode.NoContent)
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String && e.GetString()!.Length > 0
                ? null : $"{status} without the error body: {text}";
        }
        catch (JsonException)
        {
            return $"{status} without a JSON body: {text}";
        }
    }

    /// <summary>What one route's inputs got.</summary>
    internal sealed class RouteTally
    {
        public long Inputs { get; private set; }

        public SortedDictionary<int, long> Statuses { get; } = [];

        public double SlowestMs { get; private set; }

        public string SlowestInput { get; private set; } = "";

        public long Failures { get; set; }

        public long Accepted => Statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value);

        public double AcceptedMs { get; private set; }

        public double RefusedMs { get; private set; }

        public void Add(int status, double ms, string input)
        {
            Inputs++;
            _ = status is >= 200 and < 300 ? AcceptedMs += ms : RefusedMs += ms;
            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
            if (ms > SlowestMs)
            {
                SlowestMs = ms;
                SlowestInput = input;
            }
        }
    }
}
