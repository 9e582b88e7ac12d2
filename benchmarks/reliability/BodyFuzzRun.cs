using System.Diagnostics;
using System.Text;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;

namespace Strata.Reliability;

/// <summary>
/// <c>fuzz-bodies</c>: JSON, NDJSON and CSV request bodies through the real server pipeline in this
/// process (<see cref="InProcessStrata"/>), then NDJSON straight into the table loader (DuckDB's
/// reader behind every insert), and a markdown report.
/// </summary>
internal static class BodyFuzzRun
{
    public static async Task<int> RunAsync(long json, long ndjson, long csv, long loader, int seed, int parallel, double minutes, bool sharedTable, TextWriter report)
    {
        // On tmpfs when there is one: what is fuzzed is the handling of bodies, not the disk's fsync.
        string root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        string dataDir = Path.Combine(root, "strata-fuzz-bodies-" + Guid.NewGuid().ToString("N"));
        string key = $"fuzz-key-{Guid.NewGuid():N}";
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        BodyFuzz fuzz;
        long rssPeak;
        using (var server = new InProcessStrata(dataDir, new Dictionary<string, string> { ["Strata:ApiKeys"] = $"{BodyFuzz.Owner}:{key}" }))
        {
            using var client = server.ClientWithKey(key);
            client.Timeout = TimeSpan.FromSeconds(30);
            fuzz = new BodyFuzz(client) { StopAt = minutes > 0 ? DateTime.UtcNow.AddMinutes(minutes) : null, SharedTable = sharedTable };
            await fuzz.SetUpAsync().ConfigureAwait(false);
            await fuzz.RunAsync(json, ndjson, csv, seed, parallel, Console.Error.WriteLine).ConfigureAwait(false);
            rssPeak = Environment.WorkingSet;
        }
        var pipelineTime = clock.Elapsed;
        clock.Restart();
        var (loaderAccepted, loaderRefused, loaderFailures, loaderSlowest) = loader > 0 ? await LoaderAsync(loader, seed, dataDir).ConfigureAwait(false) : (0, 0, [], 0);
        var loaderTime = clock.Elapsed;

        report.WriteLine($"### Fuzzing bodies through the in-process pipeline, {started:yyyy-MM-dd HH:mm} UTC");
        report.WriteLine();
        report.WriteLine($"Command: `nice -n 10 dotnet run -c Release --project benchmarks/reliability -- fuzz-bodies --json {json} --ndjson {ndjson} --csv {csv} --loader {loader} --seed {seed} --parallel {parallel}{(minutes > 0 ? $" --minutes {minutes}" : "")}{(sharedTable ? " --shared-table" : "")}`");
        report.WriteLine($"(data directory {root}; pipeline {pipelineTime.TotalMinutes:0.0} min, loader {loaderTime.TotalMinutes:0.0} min; working set at the end {rssPeak >> 20} MB).");
        report.WriteLine();
        report.WriteLine("| route | inputs | accepted (2xx) | refused (4xx with `{\"error\"}`), by status | 5xx | checks failed | mean ms accepted / refused | slowest |");
        report.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var (route, t) in fuzz.Tallies.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            string refused = string.Join(", ", t.Statuses.Where(s => s.Key is >= 400 and < 500).Select(s => $"{s.Key}: {s.Value}"));
            long fivexx = t.Statuses.Where(s => s.Key >= 500 || s.Key == 0).Sum(s => s.Value);
            report.WriteLine($"| {route} | {t.Inputs} | {t.Accepted} | {refused} | {fivexx} | {t.Failures} | {t.AcceptedMs / Math.Max(t.Accepted, 1):0.0} / {t.RefusedMs / Math.Max(t.Inputs - t.Accepted, 1):0.0} | {t.SlowestMs:0.0} ms |");
        }
        long jsonTotal = fuzz.Tallies.Where(t => !t.Key.StartsWith("insert", StringComparison.Ordinal)).Sum(t => t.Value.Inputs);
        report.WriteLine($"| JSON bodies, all routes | {jsonTotal} | | | | | | |");
        if (loader > 0)
        {
            report.WriteLine($"| NDJSON straight into the table loader | {loader} | {loaderAccepted} | {loaderRefused} (UploadRejectedException) | - | {loaderFailures.Count} | | {loaderSlowest:0.0} ms |");
        }
        report.WriteLine();
        report.WriteLine($"Accepted executions after up to {fuzz.ExecutionWait.TotalSeconds:0.#} s (then cancelled; FAILED with an internal error counts as a failure): {string.Join(", ", fuzz.ExecutionStates.Select(s => $"{s.Key}: {s.Value}"))}.");
        report.WriteLine($"Harness requests (fixtures, a cancel for every accepted execution, a drop for every accepted table, a clear every 500 accepted inserts): {fuzz.HarnessRequests}; failures among inputs and harness requests: {fuzz.FailureCount}.");
        foreach (var f in fuzz.Failures.Take(30).Concat(loaderFailures.Take(10)))
        {
            report.WriteLine($"- {f}");
        }
        foreach (var (route, t) in fuzz.Tallies.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            report.WriteLine($"- slowest {route}: {t.SlowestMs:0.0} ms for {t.SlowestInput}");
        }
        Directory.Delete(dataDir, recursive: true);
        return fuzz.FailureCount == 0 && loaderFailures.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// <c>fuzz-direct</c>: JSON bodies through <c>RequestBody.Parse</c> and each handler's binder, NDJSON and
    /// CSV bodies through the loader's reader and conversions (<see cref="DirectBodyFuzz"/>), and a markdown report.
    /// </summary>
    public static async Task<int> RunDirectAsync(long json, long ndjson, long csv, int seed, int parallel, int compareEvery, double minutes, TextWriter report)
    {
        string root = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();
        string dataDir = Path.Combine(root, "strata-fuzz-direct-" + Guid.NewGuid().ToString("N"));
        string key = $"fuzz-key-{Guid.NewGuid():N}";
        var started = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        DirectBodyFuzz fuzz;
        TimeSpan jsonTime;
        using (var server = new InProcessStrata(dataDir, new Dictionary<string, string> { ["Strata:ApiKeys"] = $"{BodyFuzz.Owner}:{key}" }))
        {
            using var client = server.ClientWithKey(key);
            var queries = await DirectBodyFuzz.FixturesAsync(server.Services, client).ConfigureAwait(false);
            fuzz = new DirectBodyFuzz(server.Services, queries);
            fuzz.StopAt = minutes > 0 ? DateTime.UtcNow.AddMinutes(minutes) : null;
            clock.Restart();
            await fuzz.JsonAsync(json, seed, parallel, Console.Error.WriteLine).ConfigureAwait(false);
            jsonTime = clock.Elapsed;
        }
        string work = Path.Combine(dataDir, "loader-fuzz");
        Directory.CreateDirectory(work);
        clock.Restart();
        await fuzz.LoaderAsync(ndjson, csv, seed, parallel, compareEvery, work, Console.Error.WriteLine).ConfigureAwait(false);
        var loaderTime = clock.Elapsed;
        report.WriteLine($"### Fuzzing bodies directly, {started:yyyy-MM-dd HH:mm} UTC");
        report.WriteLine();
        report.WriteLine($"Command: `nice -n {DirectBodyFuzz.Niceness()} dotnet run -c Release --project benchmarks/reliability -- fuzz-direct --json {json} --ndjson {ndjson} --csv {csv} --seed {seed} --parallel {parallel} --compare {compareEvery}{(minutes > 0 ? $" --minutes {minutes}" : "")}`");
        report.WriteLine($"(JSON {jsonTime.TotalMinutes:0.0} min, {json / Math.Max(jsonTime.TotalSeconds, 1e-3):0}/s; loader {loaderTime.TotalMinutes:0.0} min, {(fuzz.Tallies["NDJSON"].Inputs + fuzz.Tallies["CSV"].Inputs) / Math.Max(loaderTime.TotalSeconds, 1e-3):0}/s; "
            + $"{fuzz.Compared} loader inputs also loaded for real and compared; ended {DateTime.UtcNow:HH:mm} UTC, load average {DirectBodyFuzz.LoadAverage()}).");
        report.WriteLine();
        report.WriteLine("| target | inputs | accepted | refused, by status | failures | mean ms accepted / refused | slowest |");
        report.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var (target, t) in fuzz.Tallies)
        {
            long refused = t.Inputs - t.Accepted;
            report.WriteLine($"| {target} | {t.Inputs} | {t.Accepted} | {string.Join(", ", t.Refused.Select(r => $"{r.Key}: {r.Value}"))} | {t.Failures} | "
                + $"{t.AcceptedMs / Math.Max(t.Accepted, 1):0.000} / {t.RefusedMs / Math.Max(refused, 1):0.000} | {t.SlowestMs:0.00} ms |");
        }
        long jsonTotal = fuzz.Tallies.Where(t => t.Key is not ("NDJSON" or "CSV")).Sum(t => t.Value.Inputs);
        report.WriteLine($"| JSON bodies, all routes | {jsonTotal} | | | | | |");
        foreach (var f in fuzz.Failures.Take(30))
        {
            report.WriteLine($"- {f}");
        }
        foreach (var (target, t) in fuzz.Tallies.Where(t => t.Value.Inputs > 0))
        {
            report.WriteLine($"- slowest {target}: {t.SlowestMs:0.0} ms for {t.SlowestInput}");
        }
        Directory.Delete(dataDir, recursive: true);
        return fuzz.Failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Mutated NDJSON written to a file and loaded by <see cref="DuckDbTableLoader"/> into a part file, as an insert does.</summary>
    private static async Task<(long Accepted, long Refused, List<string> Failures, double SlowestMs)> LoaderAsync(long inputs, int seed, string dataDir)
    {
        string work = Path.Combine(dataDir, "loader-fuzz");
        Directory.CreateDirectory(work);
        using var loader = new DuckDbTableLoader(new DuckDbLimits(1, "1GB", Path.Combine(work, "tmp")));
        UploadColumn Column(string name, string type) => new(name, UploadColumnType.Parse(type)!);
        UploadColumn[] columns =
        [
            Column("a", "integer"), Column("b", "varchar"), Column("c", "double"), Column("d", "boolean"), Column("e", "timestamp"),
            Column("f", "date"), Column("g", "decimal(18,4)"), Column("h", "varbinary"), Column("i", "uint256"), Column("j", "bigint"),
        ];
        var random = new Random(seed);
        long accepted = 0, refused = 0;
        double slowest = 0;
        var failures = new List<string>();
        string source = Path.Combine(work, "body.ndjson"), target = Path.Combine(work, "part.parquet");
        var clock = new Stopwatch();
        for (long i = 0; i < inputs; i++)
        {
            byte[] body = Mutation.MutateBytes(random, BodyFuzz.NdjsonSeeds, Mutation.JsonTokens);
            await File.WriteAllBytesAsync(source, body).ConfigureAwait(false);
            File.Delete(target);
            clock.Restart();
            try
            {
                await loader.LoadAsync(source, UploadFormat.NdJson, columns, target, CancellationToken.None).ConfigureAwait(false);
                accepted++;
            }
            catch (UploadRejectedException e)
            {
                refused++;
                if (e.Message.Contains(work, StringComparison.Ordinal) && failures.Count < 50)
                {
                    failures.Add($"loader: the error names the server path: {e.Message}");
                }
            }
            catch (Exception e)
            {
                if (failures.Count < 50)
                {
                    failures.Add($"loader: {e.GetType().Name} for {Mutation.Show(Encoding.UTF8.GetString(body))}: {e.Message}");
                }
            }
            double ms = clock.Elapsed.TotalMilliseconds;
            slowest = Math.Max(slowest, ms);
            if (ms > 1000 && failures.Count < 50)
            {
                failures.Add($"loader: took {ms:0} ms for {Mutation.Show(Encoding.UTF8.GetString(body))}");
            }
            if ((i + 1) % 20_000 == 0)
            {
                Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} loader {i + 1}/{inputs}, failures {failures.Count}, slowest {slowest:0} ms");
            }
        }
        return (accepted, refused, failures, slowest);
    }
}
