using System.Globalization;
using Strata.Reliability;

// Whole-system reliability runs against a real server process (the Release build of Strata.Server):
//   soak      --minutes 10 --clients 64 [--env NAME=VALUE ...]
//   crash     --kills 50 --seed 1
//   fairness  --queued 500
//   fuzz      --inputs 1000000   (filters, sort_by, columns, parameters, CSV records, in process)
//   fuzz-http --inputs 100000 --parallel 1   (JSON and NDJSON request bodies against a real server)
//   fuzz-bodies --json 1000000 --ndjson 1000000 --csv 100000 --loader 100000 --parallel 2 [--minutes M: stop there]
//             (JSON, NDJSON and CSV bodies through the server pipeline in process, then NDJSON into the table loader)
//   fuzz-direct --json 1000000 --ndjson 1000000 --csv 100000 --parallel 2 --compare 50
//             (JSON bodies through each handler's binder, NDJSON and CSV through the loader's reader, in process)
//   dialect   --rounds 500 [--port P]  (select 1 end to end: DuneSQL translated vs DuckDB native, issue 10; port 0 = any)
// Each prints a markdown table (for docs/reliability.md) and exits non-zero when a target is missed.
string command = args.Length > 0 ? args[0] : "";
string Option(string name, string fallback)
{
    int at = Array.IndexOf(args, "--" + name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
}
int Int(string name, int fallback) => int.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

if (!File.Exists(ServerProcess.ServerDll))
{
    Console.Error.WriteLine($"Build the server first: dotnet build Strata.slnx -c Release (missing {ServerProcess.ServerDll})");
    return 2;
}
return command switch
{
    "soak" => await Soak.RunAsync(TimeSpan.FromMinutes(double.Parse(Option("minutes", "10"), CultureInfo.InvariantCulture)), Int("clients", 64), Environments(), Console.Out),
    "crash" => await Crash.RunAsync(Int("kills", 50), Int("seed", 1), Console.Out),
    "fairness" => await Fairness.RunAsync(Int("queued", 500), Console.Out),
    "fuzz" => Fuzz.Run(Int("inputs", 1_000_000), Int("seed", 1), Console.Out),
    "fuzz-http" => await Fuzz.RunHttpAsync(Int("inputs", 100_000), Int("seed", 1), Math.Max(1, Int("parallel", 1)), Console.Out),
    "fuzz-bodies" => await BodyFuzzRun.RunAsync(Int("json", 1_000_000), Int("ndjson", 1_000_000), Int("csv", 100_000), Int("loader", 100_000), Int("seed", 1), Math.Max(1, Int("parallel", 2)), double.Parse(Option("minutes", "0"), CultureInfo.InvariantCulture), args.Contains("--shared-table"), Console.Out),
    "fuzz-direct" => await BodyFuzzRun.RunDirectAsync(Int("json", 1_000_000), Int("ndjson", 1_000_000), Int("csv", 100_000), Int("seed", 1), Math.Max(1, Int("parallel", 2)), Int("compare", 50), double.Parse(Option("minutes", "0"), CultureInfo.InvariantCulture), Console.Out),
    "dialect" => await Dialect.RunAsync(Int("rounds", 500), Int("port", 0), Console.Out),
    _ => Usage(),
};

// --env NAME=VALUE (repeatable): set in the server's environment (soak), e.g. MALLOC_ARENA_MAX=2.
Dictionary<string, string> Environments()
{
    var pairs = new Dictionary<string, string>();
    for (int i = 0; i + 1 < args.Length; i++)
    {
        if (args[i] == "--env" && args[i + 1].IndexOf('=', StringComparison.Ordinal) is > 0 and var eq)
        {
            pairs[args[i + 1][..eq]] = args[i + 1][(eq + 1)..];
        }
    }
    return pairs;
}

static int Usage()
{
    Console.Error.WriteLine("usage: reliability soak [--minutes M] [--clients N] | crash [--kills N] [--seed S] | fairness [--queued N] | fuzz [--inputs N] | fuzz-http [--inputs N] | fuzz-bodies [--json N] [--ndjson N] [--csv N] [--loader N] [--parallel P] | dialect [--rounds N] [--port P]");
    return 2;
}
