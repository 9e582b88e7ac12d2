using System.Text;
using DuckDB.NET.Data;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;

namespace Strata.Tests.Contracts;

/// <summary>
/// What the upload, compaction and view use cases rely on from an <see cref="ITableLoader"/>, for every implementation
/// (the DuckDB loader now): CSV by header name or by position and NDJSON by key become a Parquet part of the table's
/// types; a value that does not convert is refused naming the row, the column and the value, and leaves no part;
/// inference reads names and types and bounds the header; compaction and a result's copy keep every row and type.
/// Parts are read back with DuckDB's Parquet reader, independent of the loader under test.
/// </summary>
public abstract class TableLoaderContract : IDisposable
{
    protected string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("strata-loader-contract-").FullName;

    protected abstract ITableLoader Loader { get; }

    protected static CancellationToken None => CancellationToken.None;

    public virtual void Dispose()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static UploadColumn Column(string name, string type, bool nullable = true) => new(name, UploadColumnType.Parse(type)!, nullable);

    private static readonly UploadColumn[] Columns = [Column("id", "bigint", nullable: false), Column("name", "varchar"), Column("day", "date")];

    private string File(string name, string text)
    {
        string path = Path.Combine(Directory, name);
        System.IO.File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private string Target(string name) => Path.Combine(Directory, name + ".parquet");

    /// <summary>The part's rows ordered by its first column, each value as DuckDB reads it, and its column types.</summary>
    private static (List<object?[]> Rows, List<string> Types) Read(params string[] files)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        string list = string.Join(", ", files.Select(f => $"'{f.Replace("'", "''", StringComparison.Ordinal)}'"));
        using var describe = connection.CreateCommand();
        describe.CommandText = $"DESCRIBE SELECT * FROM read_parquet([{list}])";
        var types = new List<string>();
        using (var reader = describe.ExecuteReader())
        {
            while (reader.Read())
            {
                types.Add(reader.GetString(1));
            }
        }
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT * FROM read_parquet([{list}]) ORDER BY 1";
        var rows = new List<object?[]>();
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                rows.Add(row);
            }
        }
        return (rows, types);
    }

    [Fact]
    public async Task A_csv_loads_by_header_name_in_any_order_into_the_tables_types()
    {
        string csv = File("in.csv", "day,name,id\n2024-01-02,b,2\n,a,1\n");
        string target = Target("part");
        Assert.Equal(2, await Loader.LoadAsync(csv, UploadFormat.Csv, Columns, target, None));
        var (rows, types) = Read(target);
        Assert.Equal(["BIGINT", "VARCHAR", "DATE"], types);
        Assert.Equal([1L, "a", null], rows[0]);
        Assert.Equal(2L, rows[1][0]);
        Assert.Equal("b", rows[1][1]);
        Assert.Equal(new DateOnly(2024, 1, 2), rows[1][2] switch
        {
            DateOnly d => d,
            DateTime t => DateOnly.FromDateTime(t),
            var other => throw new InvalidOperationException($"a date read as {other?.GetType()}"),
        });
    }

    [Fact]
    public async Task Ndjson_loads_by_key_and_a_missing_key_is_null()
    {
        string json = File("in.ndjson", "{\"id\": 2, \"name\": \"b\"}\n{\"name\": \"a\", \"id\": 1, \"day\": \"2024-03-04\"}\n");
        string target = Target("part");
        Assert.Equal(2, await Loader.LoadAsync(json, UploadFormat.NdJson, Columns, target, None));
        var (rows, _) = Read(target);
        Assert.Equal([1L, 2L], rows.Select(r => r[0]));
        Assert.Null(rows[1][2]);
    }

    [Fact]
    public async Task A_value_that_does_not_convert_is_refused_naming_row_column_and_value_and_leaves_no_part()
    {
        string csv = File("bad.csv", "id,name\n1,a\nx7,b\n");
        string target = Target("bad");
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => Loader.LoadAsync(csv, UploadFormat.Csv, Columns, target, None));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"id\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("x7", error.Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(target));

        string json = File("null.ndjson", "{\"id\": 1}\n{\"id\": null, \"name\": \"n\"}\n");
        error = await Assert.ThrowsAsync<UploadRejectedException>(() => Loader.LoadAsync(json, UploadFormat.NdJson, Columns, target, None));
        Assert.Contains("row 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"id\"", error.Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(target));
        Assert.Empty(System.IO.Directory.EnumerateFiles(Directory, "*.parquet*"));
    }

    [Fact]
    public async Task A_csv_header_naming_an_unknown_column_or_missing_a_required_one_is_refused()
    {
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() =>
            Loader.LoadAsync(File("unknown.csv", "id,colour\n1,red\n"), UploadFormat.Csv, Columns, Target("u"), None));
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
        error = await Assert.ThrowsAsync<UploadRejectedException>(() =>
            Loader.LoadAsync(File("missing.csv", "name\na\n"), UploadFormat.Csv, Columns, Target("m"), None));
        Assert.Contains("\"id\"", error.Message, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(Target("u")) || System.IO.File.Exists(Target("m")));
    }

    [Fact]
    public async Task Inference_reads_names_and_types_from_every_value_and_a_load_by_position_follows_it()
    {
        string csv = File("infer.csv", "n,label,ratio\n1,x,0.5\n2,y,3\n30000000000,z,1.25\n");
        var inferred = await Loader.InferCsvAsync(csv, 10, None);
        Assert.Equal(["n", "label", "ratio"], inferred.Select(c => c.Name));
        Assert.Contains(inferred[0].Type.Kind, new[] { UploadTypeKind.Bigint, UploadTypeKind.Integer });
        Assert.Equal(UploadTypeKind.Varchar, inferred[1].Type.Kind);
        Assert.Contains(inferred[2].Type.Kind, new[] { UploadTypeKind.Double, UploadTypeKind.Decimal });
        string target = Target("inferred");
        Assert.Equal(3, await Loader.LoadByPositionAsync(csv, inferred, target, None));
        var (rows, _) = Read(target);
        Assert.Equal(30_000_000_000L, Convert.ToInt64(rows[2][0], System.Globalization.CultureInfo.InvariantCulture));

        var wide = await Assert.ThrowsAsync<UploadRejectedException>(() => Loader.InferCsvAsync(csv, 2, None));
        Assert.Contains("2", wide.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compaction_merges_parts_into_one_part_with_every_row()
    {
        string first = Target("p1"), second = Target("p2"), merged = Target("merged");
        Assert.Equal(2, await Loader.LoadAsync(File("a.csv", "id,name\n1,a\n2,b\n"), UploadFormat.Csv, Columns, first, None));
        Assert.Equal(1, await Loader.LoadAsync(File("b.ndjson", "{\"id\": 3, \"day\": \"2024-05-06\"}\n"), UploadFormat.NdJson, Columns, second, None));
        Assert.Equal(3, await Loader.CompactAsync([first, second], Columns, merged, None));
        var (rows, types) = Read(merged);
        Assert.Equal(["BIGINT", "VARCHAR", "DATE"], types);
        Assert.Equal([1L, 2L, 3L], rows.Select(r => r[0]));
        Assert.Equal(Read(first, second).Rows.Select(r => string.Join("|", r)), rows.Select(r => string.Join("|", r)));
    }

    [Fact]
    public async Task A_results_copy_becomes_a_part_with_exact_decimals_from_their_text()
    {
        // A result's Parquet copy keeps decimals as their digits (text); the view's table keeps them as decimals.
        string result = Path.Combine(Directory, "result.parquet");
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var copy = connection.CreateCommand();
            copy.CommandText = $"COPY (SELECT 7::BIGINT AS id, '12345678901234567890.25' AS amount, 'x' AS name) TO '{result}' (FORMAT parquet)";
            copy.ExecuteNonQuery();
        }
        UploadColumn[] columns = [Column("id", "bigint"), Column("amount", "decimal(38,2)"), Column("name", "varchar")];
        string target = Target("view");
        Assert.Equal(1, await Loader.WriteResultAsync(result, columns, target, None));
        var (rows, types) = Read(target);
        Assert.Equal(["BIGINT", "DECIMAL(38,2)", "VARCHAR"], types);
        Assert.Equal(7L, rows[0][0]);
        Assert.Equal("12345678901234567890.25", Convert.ToString(rows[0][1], System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>The contract for the DuckDB loader the server uses (<see cref="DuckDbTableLoader"/>), in process.</summary>
public sealed class DuckDbTableLoaderContract : TableLoaderContract
{
    private readonly DuckDbTableLoader loader;

    public DuckDbTableLoaderContract() => loader = new DuckDbTableLoader(new DuckDbLimits(1, "1GB", Path.Combine(Directory, "tmp")));

    protected override ITableLoader Loader => loader;

    public override void Dispose()
    {
        loader.Dispose();
        base.Dispose();
    }
}
