using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Strata.Core.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>Type inference and header names for CSV uploads (<c>POST /api/v1/uploads/csv</c>).</summary>
public sealed partial class DuckDbTableLoader
{
    /// <summary>
    /// Infers every column's type from all its values in one statement whose size does not depend on
    /// the number of columns: each row is unnested into (column index, value) pairs and ten tests are
    /// aggregated per column index. (A select list of ten aggregates per column took DuckDB minutes to
    /// plan for a thousand columns.) Cost: linear in columns and values; cancellable throughout.
    /// </summary>
    private IReadOnlyList<UploadColumn> InferCsv(string source, int maxColumns, CancellationToken cancellationToken)
    {
        var header = ReadHeader(source, maxColumns);
        // After the header's own bounds, whose messages name the columns.
        RefuseLongLines(source, cancellationToken);
        var names = CleanNames(header, cancellationToken);
        const string v = "v";
        string[] tests =
        [
            "count(v)",
            "bool_and(lower(v) IN ('true', 'false'))",
            $"bool_and(regexp_full_match({v}, '[+-]?[0-9]+') AND TRY_CAST({v} AS INTEGER) IS NOT NULL)",
            $"bool_and(regexp_full_match({v}, '[+-]?[0-9]+') AND TRY_CAST({v} AS BIGINT) IS NOT NULL)",
            $"bool_and({BigIntegerTest(UploadTypeKind.Int256, v)})",
            $"bool_and({BigIntegerTest(UploadTypeKind.Uint256, v)})",
            $"bool_and(regexp_full_match({v}, '[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?') AND TRY_CAST({v} AS DOUBLE) IS NOT NULL)",
            $"bool_and(regexp_full_match({v}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}') AND {DateOf(v)} IS NOT NULL)",
            $"bool_and(regexp_full_match({v}, '[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}[T ][0-9]{{2}}:[0-9]{{2}}.*') AND {TimestampOf(v)} IS NOT NULL)",
            $"bool_and({BinaryOf(v)} IS NOT NULL)",
        ];
        var fields = new StringBuilder();
        for (int i = 0; i < names.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            fields.Append(i == 0 ? "" : ", ").Append("\"c").Append(i.ToString(CultureInfo.InvariantCulture)).Append('"');
        }
        using var connection = root.Duplicate();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT k, {string.Join(", ", tests)} FROM "
            + $"(SELECT unnest(range({names.Count})) AS k, unnest([{fields}]) AS v FROM {CsvReader(source, names.Count, cancellationToken)}) "
            + "WHERE v IS NOT NULL GROUP BY k";
        // Repeated until the statement ends: a single interrupt that landed before the statement began would be reset by it.
        using var interrupter = new DuckDbInterrupter(connection, cancellationToken);
        try
        {
            var kinds = new UploadTypeKind[names.Count];
            inferenceStatementStarts?.Invoke();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                int column = System.Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
                bool Is(int k) => !reader.IsDBNull(1 + k) && reader.GetBoolean(1 + k);
                kinds[column] = System.Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) == 0 ? UploadTypeKind.Varchar
                    : Is(1) ? UploadTypeKind.Boolean
                    : Is(2) ? UploadTypeKind.Integer
                    : Is(3) ? UploadTypeKind.Bigint
                    : Is(4) ? UploadTypeKind.Int256
                    : Is(5) ? UploadTypeKind.Uint256
                    : Is(6) ? UploadTypeKind.Double
                    : Is(7) ? UploadTypeKind.Date
                    : Is(8) ? UploadTypeKind.Timestamp
                    : Is(9) ? UploadTypeKind.Varbinary
                    : UploadTypeKind.Varchar;
            }
            cancellationToken.ThrowIfCancellationRequested();
            // A column with no values at all has no group: it stays varchar (the enum's default).
            return names.Select((name, i) => new UploadColumn(name, new UploadColumnType(kinds[i]))).ToList();
        }
        catch (DuckDBException e) when (!DiskFullException.Is(e))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new UploadRejectedException(ReaderMessage(e.Message, UploadFormat.Csv, source));
        }
    }

    /// <summary>
    /// Column names from a CSV header: characters other than letters, digits and <c>_</c> become
    /// <c>_</c>, a leading digit gets a <c>_</c> before it, an empty name becomes <c>_col&lt;n&gt;</c>,
    /// and repeats get <c>_2</c>, <c>_3</c>, ...
    /// </summary>
    internal static List<string> CleanNames(IReadOnlyList<string?> header, CancellationToken cancellationToken = default)
    {
        var names = new List<string>(header.Count);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // The next suffix to try per base name: n equal names cost n steps, not n^2/2.
        var nextSuffix = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string name = NotIdentifier().Replace((header[i] ?? "").Trim(), "_");
            if (name.Length == 0)
            {
                name = $"_col{i}";
            }
            else if (char.IsAsciiDigit(name[0]))
            {
                name = "_" + name;
            }
            if (name.Length > UploadNames.MaxLength - 4)
            {
                name = name[..(UploadNames.MaxLength - 4)];
            }
            string unique = name;
            if (!seen.Add(unique))
            {
                int k = nextSuffix.GetValueOrDefault(name, 2);
                do
                {
                    unique = string.Create(CultureInfo.InvariantCulture, $"{name}_{k++}");
                }
                while (!seen.Add(unique));
                nextSuffix[name] = k;
            }
            names.Add(unique);
        }
        return names;
    }
}
