using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

// The DuckDB peer of the serving benchmark (benchmarks/serving/run.sh): DuckDB itself, in process,
// over the stored Parquet copy of a Strata result. Prints "key=value" lines that run.sh reads.
//
//   copy-csv <parquet> <runs> <scratch-dir|->
//       COPY the whole file to /dev/null as CSV <runs> times; first once to a scratch file for its size.
//   query <parquet> <warmups> <runs> <strata-url|-> <api-key> <sql> [<sql> ...]
//       Each run executes every <sql> in turn and reads every row; {parquet} names the file. With a
//       Strata URL, each run first GETs it (one keep-alive connection, whole body read), so that both
//       sides are timed in alternation, under the same load from the rest of the machine.
if (args.Length < 1)
{
    return Usage();
}

using var connection = new DuckDBConnection("Data Source=:memory:");
connection.Open();
// The same engine settings as Strata's result query engine (the medium tier defaults).
Execute(connection, "SET threads = 2");
Execute(connection, "SET memory_limit = '4GB'");
// DUCKDB_PEER_SETUP: more settings, ';'-separated, run once (e.g. Strata's sandbox settings, to profile their cost).
foreach (string setting in (Environment.GetEnvironmentVariable("DUCKDB_PEER_SETUP") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
{
    Execute(connection, setting);
}
Console.WriteLine($"duckdb_version={Scalar(connection, "SELECT version()")}");

switch (args[0])
{
    case "copy-csv" when args.Length == 4:
    {
        string parquet = Quote(args[1]);
        int runs = int.Parse(args[2], CultureInfo.InvariantCulture);
        if (args[3] != "-")
        {
            string scratch = Path.Combine(args[3], "duckdb-peer.csv");
            Execute(connection, $"COPY (SELECT * FROM read_parquet({parquet})) TO {Quote(scratch)} (FORMAT csv, HEADER)");
            Console.WriteLine($"csv_bytes={new FileInfo(scratch).Length}");
            File.Delete(scratch);
        }
        for (int i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            Execute(connection, $"COPY (SELECT * FROM read_parquet({parquet})) TO '/dev/null' (FORMAT csv, HEADER)");
            Console.WriteLine($"copy_seconds={watch.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)}");
        }
        return 0;
    }
    case "query" when args.Length >= 7:
    {
        string parquet = Quote(args[1]);
        int warmups = int.Parse(args[2], CultureInfo.InvariantCulture);
        int runs = int.Parse(args[3], CultureInfo.InvariantCulture);
        string? url = args[4] == "-" ? null : args[4];
        string[] statements = args[6..].Select(s => s.Replace("{parquet}", parquet, StringComparison.Ordinal)).ToArray();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Dune-API-Key", args[5]);
        var times = new List<double>(runs);
        var strataTimes = new List<double>(runs);
        long rows = 0;
        long strataRows = 0;
        for (int i = 0; i < warmups + runs; i++)
        {
            if (url is not null)
            {
                var strataWatch = Stopwatch.StartNew();
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                byte[] body = await response.Content.ReadAsByteArrayAsync();
                double elapsed = strataWatch.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"strata answered {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(body)}");
                    return 1;
                }
                using var json = System.Text.Json.JsonDocument.Parse(body);
                strataRows = json.RootElement.GetProperty("result").GetProperty("rows").GetArrayLength();
                if (i >= warmups)
                {
                    strataTimes.Add(elapsed);
                }
            }
            var watch = Stopwatch.StartNew();
            rows = 0;
            foreach (string sql in statements)
            {
                rows += ReadAll(connection, sql);
            }
            if (i >= warmups)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        Report("", times, rows);
        if (url is not null)
        {
            Report("strata_", strataTimes, strataRows);
        }
        return 0;
    }
    default:
        return Usage();
}

static void Report(string prefix, List<double> times, long rows)
{
    times.Sort();
    Console.WriteLine($"{prefix}rows={rows}");
    Console.WriteLine($"{prefix}p50_ms={Percentile(times, 50).ToString("F3", CultureInfo.InvariantCulture)}");
    Console.WriteLine($"{prefix}p90_ms={Percentile(times, 90).ToString("F3", CultureInfo.InvariantCulture)}");
    Console.WriteLine($"{prefix}min_ms={times[0].ToString("F3", CultureInfo.InvariantCulture)}");
}

static int Usage()
{
    Console.Error.WriteLine("usage: DuckDbPeer copy-csv <parquet> <runs> <scratch-dir|-> | query <parquet> <warmups> <runs> <strata-url|-> <api-key> <sql>...");
    return 2;
}

static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

static void Execute(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static string Scalar(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
}

// Reads every value of every row, as a client of the query would.
static long ReadAll(DuckDBConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    using var reader = command.ExecuteReader();
    long rows = 0;
    var values = new object[reader.FieldCount];
    while (reader.Read())
    {
        reader.GetValues(values);
        rows++;
    }
    return rows;
}

// Nearest-rank percentile of sorted values.
static double Percentile(List<double> sorted, int p)
{
    int rank = (int)Math.Ceiling(p / 100.0 * sorted.Count);
    return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
}
