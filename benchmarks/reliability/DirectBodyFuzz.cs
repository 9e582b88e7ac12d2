extern alias server;

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Strata.Application;
using Strata.Application.Queries;
using Strata.Core.Queries;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;
using Apis = server::Strata.Server.Apis;
using UploadService = Strata.Application.Uploads.UploadService;

namespace Strata.Reliability;

/// <summary>
/// The request bodies' parsers fuzzed directly, at parser speed, with the code the handlers run:
/// JSON bodies through <c>RequestBody.Parse</c> and each route's binder (the handler's own
/// <c>Bind*</c> method, with the server's services from a started <see cref="InProcessStrata"/>),
/// and NDJSON and CSV bodies through <see cref="DuckDbTableLoader"/>'s reader and conversions
/// (<c>Check</c>: the load's statement, counted instead of written; every <c>compareEvery</c>-th
/// input is also loaded for real and both outcomes must agree). A refusal must be the answer the
/// handler sends (4xx with <c>{"error"}</c>, or a <see cref="UseCaseException"/> the API maps to
/// one); anything else thrown would be a 500 and is a failure, as is an input over 1 s.
/// </summary>
internal sealed class DirectBodyFuzz(IServiceProvider services, IReadOnlyList<SavedQuery> queries)
{
    private static readonly string[] CsvUploadSeeds =
    [
        "{\"table_name\":\"c\",\"data\":\"a,b\\n1,x\\n\"}",
        "{\"table_name\":\"d\",\"data\":\"x\\n1\\n\",\"description\":\"d\",\"is_private\":true}",
    ];

    private static readonly string[] Routes = ["execute", "query create", "query update", "query execute", "upload create", "upload csv"];

    private readonly object gate = new();

    public Dictionary<string, Tally> Tallies { get; } = Routes.Concat(["NDJSON", "CSV"]).ToDictionary(r => r, _ => new Tally());

    public List<string> Failures { get; } = [];

    public long Compared { get; private set; }

    /// <summary>When set, the loader's workers stop at this time (the report says how many inputs were read).</summary>
    public DateTime? StopAt { get; set; }

    /// <summary>One route's or format's count: inputs, accepted, refused by status, failures, slowest.</summary>
    internal sealed class Tally
    {
        public long Inputs;
        public long Accepted;
        public long Failures;
        public double SlowestMs;
        public string SlowestInput = "";
        public double AcceptedMs;
        public double RefusedMs;
        public SortedDictionary<int, long> Refused { get; } = [];
    }

    public async Task JsonAsync(long inputs, int seed, int parallel, Action<string> progress)
    {
        var uploads = services.GetRequiredService<UploadService>();
        var started = Stopwatch.StartNew();
        long done = 0;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(worker => Task.Run(async () =>
        {
            var random = new Random(seed + worker);
            var clock = new Stopwatch();
            for (long i = Share(inputs, worker, parallel); i > 0; i--)
            {
                int route = random.Next(Routes.Length);
                byte[] raw = Mutation.MutateBytes(random, route switch
                {
                    0 => BodyFuzz.ExecuteSeeds,
                    1 => BodyFuzz.CreateSeeds,
                    2 => BodyFuzz.UpdateSeeds,
                    3 => BodyFuzz.QueryExecuteSeeds,
                    4 => BodyFuzz.UploadCreateSeeds,
                    _ => CsvUploadSeeds,
                }, Mutation.JsonTokens);
                var query = queries[random.Next(queries.Count)];
                var context = new DefaultHttpContext { RequestServices = services };
                context.Items["strata.owner"] = BodyFuzz.Owner;
                context.Response.Body = new MemoryStream();
                clock.Restart();
                int status;
                string? problem = null;
                try
                {
                    var (body, error) = Apis.RequestBody.Parse(raw);
                    if (error is not null)
                    {
                        throw new UseCaseException(UseCaseError.Invalid, error);
                    }
                    context.Request.Body = new MemoryStream(raw);
                    switch (route)
                    {
                        case 0: Apis.ExecutionsApi.BindExecute(context, body); break;
                        case 1: Apis.QueriesApi.BindCreate(context, body); break;
                        case 2: Apis.QueriesApi.BindUpdate(body); break;
                        case 3: { var run = Apis.QueriesApi.BindExecute(context, body); SavedQueries.ExecutionOf(query, BodyFuzz.Owner, run.Tier, run.Supplied); break; }
                        case 4: uploads.CheckCreate(await Apis.UploadsApi.BindCreateAsync(context).ConfigureAwait(false)); break;
                        default: (await Apis.UploadsApi.BindCsvUploadAsync(context).ConfigureAwait(false)).Data?.Dispose(); break;
                    }
                    status = 200;
                }
                catch (UseCaseException e)
                {
                    // Answered by the API's one mapping (ApiErrors.UseUseCaseErrors).
                    status = Apis.ApiErrors.StatusOf(e.Error);
                    problem = status is >= 400 and < 500 ? null : $"{e.Error}: {e.Message}";
                }
                catch (Exception e)
                {
                    status = 500;
                    problem = $"{e.GetType().Name}: {e.Message}";
                }
                Record(Routes[route], status, clock.Elapsed.TotalMilliseconds, problem, raw);
                if (Interlocked.Increment(ref done) % 100_000 == 0)
                {
                    progress($"{DateTime.UtcNow:HH:mm:ss} JSON {done}/{inputs}, {done / started.Elapsed.TotalSeconds:0}/s, failures {Failures.Count}");
                }
            }
        }))).ConfigureAwait(false);
    }

    public async Task LoaderAsync(long ndjson, long csv, int seed, int parallel, int compareEvery, string work, Action<string> progress)
    {
        using var loader = new DuckDbTableLoader(new DuckDbLimits(1, "1GB", Path.Combine(work, "tmp")));
        UploadColumn Column(string name, string type) => new(name, UploadColumnType.Parse(type)!);
        UploadColumn[] columns =
        [
            Column("a", "integer"), Column("b", "varchar"), Column("c", "double"), Column("d", "boolean"), Column("e", "timestamp"),
            Column("f", "date"), Column("g", "decimal(18,4)"), Column("h", "varbinary"), Column("i", "uint256"), Column("j", "bigint"),
        ];
        var started = Stopwatch.StartNew();
        long done = 0, total = ndjson + csv;
        await Task.WhenAll(Enumerable.Range(0, parallel).Select(worker => Task.Run(async () =>
        {
            var random = new Random(seed + 1000 + worker);
            string source = Path.Combine(work, $"body-{worker}"), part = Path.Combine(work, $"part-{worker}.parquet");
            var clock = new Stopwatch();
            long n = Share(ndjson, worker, parallel), c = Share(csv, worker, parallel);
            while (n + c > 0 && (StopAt is null || DateTime.UtcNow < StopAt))
            {
                bool isCsv = random.NextInt64(n + c) >= n;
                _ = isCsv ? c-- : n--;
                var format = isCsv ? UploadFormat.Csv : UploadFormat.NdJson;
                byte[] body = Mutation.MutateBytes(random, isCsv ? BodyFuzz.CsvSeeds : BodyFuzz.NdjsonSeeds, Mutation.JsonTokens);
                await File.WriteAllBytesAsync(source, body).ConfigureAwait(false);
                clock.Restart();
                var (status, outcome, problem) = Outcome(() => loader.Check(source, format, columns, CancellationToken.None), work);
                double ms = clock.Elapsed.TotalMilliseconds;
                if (problem is null && compareEvery > 0 && random.Next(compareEvery) == 0)
                {
                    File.Delete(part);
                    var (_, loaded, loadProblem) = Outcome(() => loader.LoadAsync(source, format, columns, part, CancellationToken.None).GetAwaiter().GetResult(), work);
                    problem = loadProblem ?? (loaded == outcome ? null : $"the check said {outcome} but the load said {loaded}");
                    lock (gate)
                    {
                        Compared++;
                    }
                }
                Record(isCsv ? "CSV" : "NDJSON", status, ms, problem, body);
                if (Interlocked.Increment(ref done) % 5_000 == 0)
                {
                    progress($"{DateTime.UtcNow:HH:mm:ss} loader {done}/{total} (NDJSON {Tallies["NDJSON"].Inputs}, CSV {Tallies["CSV"].Inputs}), {done / started.Elapsed.TotalSeconds:0.0}/s, "
                        + $"compared {Compared}, failures {Failures.Count}, load {LoadAverage()}");
                }
            }
        }))).ConfigureAwait(false);
    }

    /// <summary>200 and the row count, 400 and the refusal's message (which must name no server path), or 500 and the problem.</summary>
    private static (int Status, string Outcome, string? Problem) Outcome(Func<long> read, string work)
    {
        try
        {
            return (200, $"{read()} rows", null);
        }
        catch (UploadRejectedException e)
        {
            return (400, $"refused: {e.Message}", e.Message.Contains(work, StringComparison.Ordinal) ? $"the refusal names a server path: {e.Message}" : null);
        }
        catch (Exception e)
        {
            return (500, "", $"{e.GetType().Name}: {e.Message}");
        }
    }

    private void Record(string route, int status, double ms, string? problem, byte[] input)
    {
        if (ms > 1000)
        {
            problem = (problem is null ? "" : problem + "; ") + $"took {ms:0} ms";
        }
        lock (gate)
        {
            var t = Tallies[route];
            t.Inputs++;
            if (ms > t.SlowestMs)
            {
                t.SlowestMs = ms;
                t.SlowestInput = Mutation.Show(Encoding.UTF8.GetString(input));
            }
            if (status is >= 200 and < 300)
            {
                t.Accepted++;
                t.AcceptedMs += ms;
            }
            else
            {
                t.RefusedMs += ms;
                t.Refused[status] = t.Refused.GetValueOrDefault(status) + 1;
            }
            if (problem is not null)
            {
                t.Failures++;
                if (Failures.Count < 200)
                {
                    string message = $"{route}: {problem} for {Mutation.Show(Encoding.UTF8.GetString(input))}";
                    Failures.Add(message);
                    Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} FAILURE {message}");
                }
            }
        }
    }

    /// <summary>The machine's load averages (1, 5, 15 min) as /proc/loadavg gives them, or "?" off Linux.</summary>
    internal static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    /// <summary>This process's nice value (field 19 of /proc/self/stat), or 0 off Linux.</summary>
    internal static int Niceness()
    {
        try
        {
            string stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }

    private static long Share(long n, int worker, int parallel) => n / parallel + (worker < n % parallel ? 1 : 0);

    /// <summary>The saved queries the update and execute binders are given: each seed of the create route, stored.</summary>
    public static async Task<IReadOnlyList<SavedQuery>> FixturesAsync(IServiceProvider services, HttpClient client)
    {
        var result = new List<SavedQuery>();
        foreach (string seed in BodyFuzz.CreateSeeds)
        {
            using var response = await client.PostAsync("api/v1/query", new StringContent(seed, Encoding.UTF8, "application/json")).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
            string id = doc.RootElement.GetProperty("query_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
            result.Add(await services.GetRequiredService<SavedQueries>().GetOwnedAsync(BodyFuzz.Owner, id, CancellationToken.None).ConfigureAwait(false));
        }
        return result;
    }
}
