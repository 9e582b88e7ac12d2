using System.Diagnostics;
using System.Globalization;
using System.Text;
using Strata.Core.Queries;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;
using Strata.Storage.Files.Uploads;

namespace Strata.Reliability;

/// <summary>
/// Mutation fuzzing of every parser a request reaches: filters, sort_by, columns, query parameters and
/// CSV records in process, and JSON request bodies over HTTP against a real server. Each input must be
/// accepted or refused with the parser's own error (which the API maps to a 400), never anything else,
/// and none may take longer than one second.
/// </summary>
internal static class Fuzz
{
    private static readonly string[] Columns = ["id", "name", "amount", "block_time", "to", "select", "a b", "\"q\""];

    private static readonly string[] FilterSeeds =
    [
        "id > 5", "name = 'x'", "amount >= 1.5 and id < 10", "block_time > '2021-01-01'", "name like '%a%'",
        "id in (1, 2, 3)", "name is not null", "(id = 1 or id = 2) and amount < 0", "\"a b\" = 'y'", "\"to\" <> 'z'",
        "id between 1 and 5", "name not like 'x_'", "amount = -1e10", "block_time < timestamp '2021-01-01 00:00:00'",
    ];

    private static readonly string[] SqlSeeds =
    [
        "select * from t where a = {{a}} and b in ({{b}})", "select '{{a}}' as x -- {{b}}", "select {{a}}, {{ b }}, {{a}}",
        "select $${{a}}$$, \"{{b}}\"", "/* {{a}} */ select {{b}}", "select {{missing}}",
    ];

    public static int Run(long inputs, int seed, TextWriter report)
    {
        var random = new Random(seed);
        var rows = new List<(string Target, long Inputs, long Accepted, double MaxMs, List<string> Failures)>();
        rows.Add(Target("filters", inputs, random, r => Mutation.Mutate(r, FilterSeeds), text =>
        {
            try
            {
                return FilterParser.Parse(text, Columns) is not null;
            }
            catch (FilterException)
            {
                return false;
            }
        }));
        rows.Add(Target("sort_by", inputs / 4, random, r => Mutation.Mutate(r, ["id desc", "name asc, amount", "\"a b\" desc nulls last"]), text =>
        {
            try
            {
                return SortParser.Parse(text, Columns).Count > 0;
            }
            catch (FilterException)
            {
                return false;
            }
        }));
        rows.Add(Target("columns", inputs / 4, random, r => Mutation.Mutate(r, ["id,name", "\"a b\",amount", "to"]), text =>
        {
            try
            {
                return ColumnsParser.Parse(text, Columns).Count > 0;
            }
            catch (FilterException)
            {
                return false;
            }
        }));
        var definitions = new List<QueryParameter>
        {
            new("a", "text", "x"),
            new("b", "number", "1"),
        };
        rows.Add(Target("parameters", inputs, random, r => Mutation.Mutate(r, SqlSeeds) + "\u0001" + Mutation.Mutate(r, ["1", "x", "2021-01-01 00:00:00", "1,2,3"]), text =>
        {
            int cut = text.IndexOf('\u0001', StringComparison.Ordinal);
            string sql = text[..cut], value = text[(cut + 1)..];
            try
            {
                var defs = new List<QueryParameter>
                {
                    ParameterSubstitution.ValidateDefinition(definitions[0]),
                    ParameterSubstitution.ValidateDefinition(definitions[1] with { Type = (value.Length % 3) switch { 0 => "number", 1 => "datetime", _ => "text" } }),
                };
                ParameterSubstitution.Apply(sql, defs, new Dictionary<string, ParameterValue> { ["a"] = ParameterValue.Single(value), ["b"] = ParameterValue.Single(value) });
                return true;
            }
            catch (ParameterException)
            {
                return false;
            }
        }));
        rows.Add(Target("csv records", inputs, random, r => Mutation.Mutate(r, ["a,b,c\n1,2,3\n", "\"x\"\"y\",\"line\nbreak\"\r\n", "a,,\"\"\n"]), text =>
        {
            try
            {
                var reader = new CsvRecordReader(new StringReader(text));
                var fields = new List<string?>();
                int records = 0;
                while (reader.Next(fields))
                {
                    records++;
                }
                return records > 0;
            }
            catch (UploadRejectedException)
            {
                return false;
            }
        }));

        report.WriteLine($"## Fuzzing (in process), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.WriteLine();
        report.WriteLine($"Command: `dotnet run -c Release --project benchmarks/reliability -- fuzz --inputs {inputs} --seed {seed}`.");
        report.WriteLine();
        report.WriteLine("| target | inputs | accepted | refused with the parser's error | other exception or hang | slowest input |");
        report.WriteLine("|---|---|---|---|---|---|");
        foreach (var (target, n, accepted, max, failures) in rows)
        {
            report.WriteLine($"| {target} | {n} | {accepted} | {n - accepted - failures.Count} | {failures.Count} | {max:0.00} ms |");
        }
        foreach (var (target, _, _, _, failures) in rows)
        {
            foreach (var f in failures.Take(5))
            {
                report.WriteLine($"- {target}: {f}");
            }
        }
        return rows.All(r => r.Failures.Count == 0) ? 0 : 1;
    }

    private static (string, long, long, double, List<string>) Target(string name, long inputs, Random random, Func<Random, string> generate, Func<string, bool> parse)
    {
        long accepted = 0;
        double max = 0;
        var failures = new List<string>();
        var clock = new Stopwatch();
        for (long i = 0; i < inputs; i++)
        {
            string input = generate(random);
            clock.Restart();
            try
            {
                if (parse(input))
                {
                    accepted++;
                }
            }
            catch (Exception e)
            {
                if (failures.Count < 100)
                {
                    failures.Add($"{e.GetType().Name} for {Show(input)}: {e.Message}");
                }
            }
            double ms = clock.Elapsed.TotalMilliseconds;
            max = Math.Max(max, ms);
            if (ms > 1000 && failures.Count < 100)
            {
                failures.Add($"took {ms:0} ms for {Show(input)}");
            }
        }
        return (name, inputs, accepted, max, failures);
    }

    internal static string Show(string input) => Mutation.Show(input);

    /// <summary>JSON bodies over HTTP: mutated request bodies for every JSON route; no 5xx, no hang.</summary>
    public static async Task<int> RunHttpAsync(long inputs, int seed, int parallel, TextWriter report)
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-fuzz-" + Guid.NewGuid().ToString("N"));
        string key = $"fuzz-key-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string>
        {
            ["STRATA_API_KEYS"] = $"fuzz:{key}",
            ["STRATA_DEMO_SCALE"] = "0.001",
            ["Strata__RateLimits__ReadPerMinute"] = "0",
            ["Strata__RateLimits__WritePerMinute"] = "0",
            ["Strata__Quotas__QueuedPerOwner"] = "100000",
        };
        await using var server = await ServerProcess.StartAsync(dataDir, settings).ConfigureAwait(false);
        var tally = new Tally();
        using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add("X-Dune-API-Key", key);
        var api = new ApiClient(http, tally);
        (string Path, string[] Seeds)[] routes =
        [
            ("api/v1/sql/execute", ["{\"sql\":\"select 1\"}", "{\"sql\":\"select 1\",\"performance\":\"large\"}", "{\"query_sql\":\"select 2\"}"]),
            ("api/v1/query", ["{\"name\":\"q\",\"query_sql\":\"select {{a}}\",\"parameters\":[{\"key\":\"a\",\"type\":\"number\",\"value\":\"1\"}]}"]),
            ("api/v1/uploads", ["{\"namespace\":\"fuzz\",\"table_name\":\"t\",\"schema\":[{\"name\":\"a\",\"type\":\"integer\"}]}"]),
            ("api/v1/uploads/fuzz/t/insert", ["{\"a\": 1}\n{\"a\": 2}\n", "{\"a\": null}\n"]),
        ];
        long slow = 0, done = 0;
        double max = 0;
        var perRoute = new long[routes.Length];
        var gate = new object();
        var timeouts = new List<string>();
        var slowest = new List<string>();
        var started = Stopwatch.StartNew();
        // Each worker has its own generator (seed + worker), so a run is reproducible for a given --parallel.
        async Task WorkerAsync(int worker, long share)
        {
            var random = new Random(seed + worker);
            var clock = new Stopwatch();
            for (long i = 0; i < share; i++)
            {
                int which = random.Next(routes.Length);
                var (path, seeds) = routes[which];
                string body = Mutation.Mutate(random, seeds);
                clock.Restart();
                bool timedOut = false;
                try
                {
                    await api.SendAsync(HttpMethod.Post, path, body, which == 3 ? "application/x-ndjson" : "application/json").ConfigureAwait(false);
                }
                catch (TaskCanceledException)
                {
                    // No answer within the client's 10 s: kept with its input, to be replayed alone.
                    timedOut = true;
                }
                double ms = clock.Elapsed.TotalMilliseconds;
                long count;
                lock (gate)
                {
                    max = Math.Max(max, ms);
                    slow += ms > 1000 ? 1 : 0;
                    if (timedOut)
                    {
                        timeouts.Add($"{path}: {Show(body)}");
                        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} no answer in 10 s: {path}: {Show(body)}");
                    }
                    else if (ms > 1000 && slowest.Count < 20)
                    {
                        slowest.Add($"{ms:0} ms {path}: {Show(body)}");
                        Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} slow: {ms:0} ms {path}: {Show(body)}");
                    }
                    perRoute[which]++;
                    count = ++done;
                }
                if (count % 5_000 == 0)
                {
                    Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} fuzz-http {count} inputs, {count / started.Elapsed.TotalSeconds:0}/s, 5xx {tally.ServerErrors}, transport {tally.TransportErrors}, over 1 s {slow}, no answer in 10 s {timeouts.Count}, slowest {max:0} ms, rss {server.RssBytes() >> 20} MB");
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(w => WorkerAsync(w, inputs / parallel + (w < inputs % parallel ? 1 : 0)))).ConfigureAwait(false);
        report.WriteLine($"## Fuzzing (JSON and NDJSON bodies over HTTP), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.WriteLine();
        report.WriteLine($"Command: `dotnet run -c Release --project benchmarks/reliability -- fuzz-http --inputs {inputs} --seed {seed} --parallel {parallel}`.");
        report.WriteLine();
        report.WriteLine("| measure | value |");
        report.WriteLine("|---|---|");
        report.WriteLine($"| inputs per route | {string.Join(", ", routes.Select((r, i) => $"{r.Path}: {perRoute[i]}"))} |");
        report.WriteLine($"| 5xx answers | {tally.ServerErrors} |");
        report.WriteLine($"| transport errors | {tally.TransportErrors} |");
        report.WriteLine($"| answers over 1 s | {slow} (slowest {max:0} ms) |");
        report.WriteLine($"| no answer within 10 s | {timeouts.Count} |");
        foreach (var sample in tally.ServerErrorSamples)
        {
            report.WriteLine($"- 5xx: {sample}");
        }
        foreach (var t in timeouts.Take(20))
        {
            report.WriteLine($"- no answer in 10 s: {t}");
        }
        foreach (var s in slowest)
        {
            report.WriteLine($"- slow: {s}");
        }
        Directory.Delete(dataDir, recursive: true);
        return tally.ServerErrors == 0 && tally.TransportErrors == 0 && slow == 0 && timeouts.Count == 0 ? 0 : 1;
    }
}
