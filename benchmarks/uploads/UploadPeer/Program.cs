using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Text;
using DuckDB.NET.Data;

// The generator and DuckDB peer of the upload benchmark (benchmarks/uploads/run.sh). Prints "key=value"
// lines that run.sh reads.
//
//   generate <csv> <rows>
//       Writes a deterministic CSV of blockchain-like rows (the same bytes on every machine and run).
//   load <csv> auto|typed-parquet <scratch-dir>
//       One timed load of the file into a fresh in-memory DuckDB (threads = 2, memory_limit = 4GB, as
//       Strata's medium tier):
//         auto           CREATE TABLE t AS SELECT * FROM read_csv(<csv>)       (DuckDB's own reader, types sniffed)
//         typed-parquet  COPY (read_csv with the declared types, 0x-hex to BLOB, value to BIGNUM)
//                        TO <scratch-dir>/peer.parquet: roughly the work an insert does (typed parse + part file)
//   check <csv>
//       Reference aggregates of the file (the same expressions run.sh asks Strata for), as check_<name>=<value>.
//   check-sql
//       Prints those expressions (the select list), for run.sh to send to Strata.
//   sql <sql-file> <csv> <scratch-dir> <runs>
//       A diagnostic: times the statement in <sql-file> <runs> times, each in a fresh in-memory DuckDB
//       (same settings), with {csv} and {out} (<scratch-dir>/sql.parquet, deleted after each run) replaced.
if (args.Length < 1)
{
    return Usage();
}

switch (args[0])
{
    case "generate" when args.Length == 3:
        return Generate(args[1], long.Parse(args[2], CultureInfo.InvariantCulture));
    case "load" when args.Length == 4 && args[2] is "auto" or "typed-parquet":
    {
        using var connection = Open();
        string sql = args[2] == "auto"
            ? $"CREATE TABLE t AS SELECT * FROM read_csv({Quote(args[1])})"
            : $"COPY ({TypedSelect(args[1])}) TO {Quote(Path.Combine(args[3], "peer.parquet"))} (FORMAT parquet)";
        var watch = Stopwatch.StartNew();
        Execute(connection, sql);
        double seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine($"seconds={seconds.ToString("F3", CultureInfo.InvariantCulture)}");
        if (args[2] == "auto")
        {
            Console.WriteLine($"rows={Scalar(connection, "SELECT count(*) FROM t")}");
            Console.WriteLine($"types={Scalar(connection, "SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 't'")}");
        }
        else
        {
            string parquet = Path.Combine(args[3], "peer.parquet");
            Console.WriteLine($"rows={Scalar(connection, $"SELECT count(*) FROM read_parquet({Quote(parquet)})")}");
            Console.WriteLine($"parquet_bytes={new FileInfo(parquet).Length}");
            File.Delete(parquet);
        }
        return 0;
    }
    case "check" when args.Length == 2:
    {
        using var connection = Open();
        Execute(connection, $"CREATE TABLE t AS {TypedSelect(args[1])}");
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {CheckExpressions} FROM t";
        using var reader = command.ExecuteReader();
        reader.Read();
        for (int i = 0; i < reader.FieldCount; i++)
        {
            Console.WriteLine($"check_{reader.GetName(i)}={reader.GetValue(i)}");
        }
        return 0;
    }
    case "sql" when args.Length == 5:
    {
        string sql = File.ReadAllText(args[1]).Replace("{csv}", Quote(args[2]), StringComparison.Ordinal);
        string output = Path.Combine(args[3], "sql.parquet");
        sql = sql.Replace("{out}", Quote(output), StringComparison.Ordinal);
        for (int i = 0; i < int.Parse(args[4], CultureInfo.InvariantCulture); i++)
        {
            using var connection = Open();
            var watch = Stopwatch.StartNew();
            Execute(connection, sql);
            Console.WriteLine($"seconds={watch.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)}");
            File.Delete(output);
        }
        return 0;
    }
    case "check-sql" when args.Length == 1:
        Console.WriteLine(Program.CheckExpressions);
        return 0;
    default:
        return Usage();
}

static int Usage()
{
    Console.Error.WriteLine("usage: UploadPeer generate <csv> <rows> | load <csv> auto|typed-parquet <scratch-dir> | check <csv> | check-sql | sql <sql-file> <csv> <scratch-dir> <runs>");
    return 2;
}

static DuckDBConnection Open()
{
    var connection = new DuckDBConnection("Data Source=:memory:");
    connection.Open();
    Execute(connection, "SET threads = 2");
    Execute(connection, "SET memory_limit = '4GB'");
    Console.WriteLine($"duckdb_version={Scalar(connection, "SELECT version()")}");
    return connection;
}

// The file read with the types the upload declares, converted as Strata stores them.
static string TypedSelect(string csv) =>
    $"SELECT block_number, block_time, unhex(substr(tx_hash, 3)) AS tx_hash, from_address, to_address, "
    + $"value::BIGNUM AS value, success, gas_price_gwei FROM read_csv({Quote(csv)}, header = true, auto_detect = false, "
    + "columns = {'block_number': 'BIGINT', 'block_time': 'TIMESTAMP', 'tx_hash': 'VARCHAR', 'from_address': 'VARCHAR', "
    + "'to_address': 'VARCHAR', 'value': 'VARCHAR', 'success': 'BOOLEAN', 'gas_price_gwei': 'DOUBLE'})";

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

static int Generate(string path, long rows)
{
    var watch = Stopwatch.StartNew();
    var maxUint256 = (BigInteger.One << 256) - 1;
    var start = new DateTime(2023, 8, 26, 0, 0, 0, DateTimeKind.Utc);
    using (var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" })
    {
        writer.Write("block_number,block_time,tx_hash,from_address,to_address,value,success,gas_price_gwei\n");
        var line = new StringBuilder(512);
        for (long i = 0; i < rows; i++)
        {
            line.Clear();
            long block = 18_000_000 + i / 160; // about 160 transactions a block, 12 s apart
            line.Append(block.ToString(CultureInfo.InvariantCulture)).Append(',');
            line.Append(start.AddSeconds((block - 18_000_000) * 12).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append(',');
            line.Append("0x");
            for (int k = 0; k < 4; k++)
            {
                line.Append(Mix((ulong)i * 8 + (ulong)k).ToString("x16", CultureInfo.InvariantCulture));
            }
            line.Append(',');
            AppendAddress(line, Mix((ulong)i * 8 + 4) % 50_000); // 50,000 distinct senders
            line.Append(',');
            ulong r = Mix((ulong)i * 8 + 5);
            if (r % 50 != 0) // 2 % empty (NULL): contract creations
            {
                AppendAddress(line, 1_000_000 + r % 20_000);
            }
            line.Append(',');
            ulong v = Mix((ulong)i * 8 + 6);
            ulong w = Mix((ulong)i * 8 + 7);
            switch (v % 100)
            {
                case < 30: // no value
                    line.Append('0');
                    break;
                case < 70: // up to 18 digits: within 64 bits
                    line.Append((w % 1_000_000_000_000_000_000UL).ToString(CultureInfo.InvariantCulture));
                    break;
                case < 90: // up to 24 digits: mostly beyond 64 bits
                    line.Append((new UInt128(v >> 16, w) % UInt128.Parse("1000000000000000000000000", CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture));
                    break;
                case < 95: // unlimited approvals: 2^256 - 1, 78 digits
                    line.Append(maxUint256.ToString(CultureInfo.InvariantCulture));
                    break;
                default: // any 256-bit value
                {
                    var big = new BigInteger(w) << 192 | new BigInteger(Mix(w)) << 128 | new BigInteger(Mix(w + 1)) << 64 | new BigInteger(Mix(w + 2));
                    line.Append(big.ToString(CultureInfo.InvariantCulture));
                    break;
                }
            }
            line.Append(',');
            line.Append(w % 20 == 0 ? "false" : "true").Append(',');
            double gwei = 5 + (Mix(w ^ 0x5bd1e995UL) % 1_000_000_000UL) / 1e7;
            line.Append(gwei.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            writer.Write(line);
        }
    }
    Console.WriteLine($"rows={rows}");
    Console.WriteLine($"bytes={new FileInfo(path).Length}");
    Console.WriteLine($"seconds={watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)}");
    return 0;
}

static void AppendAddress(StringBuilder line, ulong id)
{
    line.Append("0x").Append(Mix(id * 3).ToString("x16", CultureInfo.InvariantCulture))
        .Append(Mix(id * 3 + 1).ToString("x16", CultureInfo.InvariantCulture))
        .Append(Mix(id * 3 + 2).ToString("x8", CultureInfo.InvariantCulture)[..8]);
}

// splitmix64's output function: a fixed, well-mixed function of its input.
static ulong Mix(ulong x)
{
    unchecked
    {
        ulong z = x + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

public static partial class Program
{
    // Aggregates over the loaded table, each as text; run.sh asks Strata for the same over dune.<ns>.<table>.
    // Every column takes part, so a value converted wrongly (a 256-bit number, a hash, a time) shows as a difference.
    public const string CheckExpressions =
        "count(*)::VARCHAR AS row_count, sum(block_number)::VARCHAR AS sum_block_number, "
        + "strftime(min(block_time), '%Y-%m-%d %H:%M:%S') || '/' || strftime(max(block_time), '%Y-%m-%d %H:%M:%S') AS block_time_range, "
        + "sum(octet_length(tx_hash))::VARCHAR AS tx_hash_bytes, lower(hex(min(tx_hash))) AS min_tx_hash, "
        + "count(DISTINCT from_address)::VARCHAR AS distinct_from, count(to_address)::VARCHAR AS to_not_null, "
        + "sum(length(value::VARCHAR))::VARCHAR AS value_digits, max(value)::VARCHAR AS max_value, "
        + "count(*) FILTER (WHERE value = 0)::VARCHAR AS value_zero, "
        + "count(*) FILTER (WHERE success)::VARCHAR AS success_true, round(sum(gas_price_gwei), 2)::VARCHAR AS sum_gas_price_gwei";
}
