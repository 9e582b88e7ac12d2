using System.Globalization;
using System.Text;
using System.Text.Json;
using Strata.Core.Ingest;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;
using Strata.Storage.Files;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Chain table parts (<see cref="IChainParts"/>): a batch's rows go to a newline-delimited JSON spool beside
/// the target, which one DuckDB statement reads with declared types, converts (hex to bytes, seconds to
/// timestamps) and copies into the Parquet part, durably, as uploads are.
/// </summary>
public sealed partial class DuckDbTableLoader : IChainParts
{
    public Task<long> WriteAsync(IReadOnlyList<UploadColumn> columns, IReadOnlyList<object?[]> rows, string targetFile, CancellationToken cancellationToken) =>
        Run(() => WriteChainPart(columns, rows, targetFile, cancellationToken), cancellationToken);

    public Task<(long Number, string Hash)?> LastBlockAsync(IReadOnlyList<string> blockFiles, CancellationToken cancellationToken) =>
        Run(() => LastBlock(blockFiles), cancellationToken);

    private (long Number, string Hash)? LastBlock(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return null;
        }
        using var connection = root.Duplicate();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT number, '0x' || lower(hex(hash)) FROM read_parquet([{string.Join(", ", files.Select(SqlQuoting.QuoteString))}]) ORDER BY number DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    private long WriteChainPart(IReadOnlyList<UploadColumn> columns, IReadOnlyList<object?[]> rows, string target, CancellationToken cancellationToken)
    {
        string spool = target + ".json.tmp";
        try
        {
            using (var stream = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            using (var json = new Utf8JsonWriter(stream))
            {
                foreach (var row in rows)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    json.WriteStartObject();
                    for (int i = 0; i < columns.Count; i++)
                    {
                        json.WritePropertyName(ColumnKey(i));
                        WriteValue(json, columns[i].Type.Kind, row[i]);
                    }
                    json.WriteEndObject();
                    json.Flush();
                    stream.WriteByte((byte)'\n');
                    json.Reset();
                }
            }
            var types = new StringBuilder();
            var select = new StringBuilder();
            for (int i = 0; i < columns.Count; i++)
            {
                string key = ColumnKey(i);
                types.Append(i == 0 ? "" : ", ").Append(key).Append(": ").Append(SqlQuoting.QuoteString(SpoolType(columns[i].Type.Kind)));
                select.Append(i == 0 ? "" : ", ").Append(FromSpool(columns[i].Type, key)).Append(" AS ").Append(SqlQuoting.QuoteIdentifier(columns[i].Name));
            }
            string from = $"read_json({SqlQuoting.QuoteString(spool)}, format = 'newline_delimited', columns = {{{types}}}, maximum_object_size = 33554432)";
            return WritePart($"SELECT {select} FROM {from}", target, cancellationToken);
        }
        finally
        {
            DurableFiles.TryDelete(spool);
        }
    }

    private static string ColumnKey(int i) => "c" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>How a value is spooled: hex strings, decimal digits, numbers, seconds since the epoch, day numbers, arrays.</summary>
    private static void WriteValue(Utf8JsonWriter json, UploadTypeKind kind, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case DateTimeOffset t:
                json.WriteNumberValue(t.ToUnixTimeSeconds());
                break;
            case DateOnly d:
                json.WriteNumberValue(d.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber);
                break;
            case long[] longs:
                json.WriteStartArray();
                foreach (long x in longs)
                {
                    json.WriteNumberValue(x);
                }
                json.WriteEndArray();
                break;
            case string[] strings:
                json.WriteStartArray();
                foreach (string x in strings)
                {
                    json.WriteStringValue(x);
                }
                json.WriteEndArray();
                break;
            case AccessListEntry[] entries:
                json.WriteStartArray();
                foreach (var e in entries)
                {
                    json.WriteStartObject();
                    json.WriteString("address", e.Address);
                    json.WriteStartArray("storageKeys");
                    foreach (string k in e.StorageKeys)
                    {
                        json.WriteStringValue(k);
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"A {kind} column got a {value.GetType().Name}.", nameof(value));
        }
    }

    private static string SpoolType(UploadTypeKind kind) => kind switch
    {
        UploadTypeKind.Bigint or UploadTypeKind.Integer or UploadTypeKind.TimestampTz or UploadTypeKind.Date => "BIGINT",
        UploadTypeKind.Boolean => "BOOLEAN",
        UploadTypeKind.BigintArray => "BIGINT[]",
        UploadTypeKind.VarbinaryArray => "VARCHAR[]",
        UploadTypeKind.AccessList => "STRUCT(address VARCHAR, storageKeys VARCHAR[])[]",
        _ => "VARCHAR",
    };

    /// <summary>The stored value of a spooled one: hex "0x..." to bytes, seconds to a timestamp, a day number to a date.</summary>
    private static string FromSpool(UploadColumnType type, string key) => type.Kind switch
    {
        UploadTypeKind.Varbinary => $"unhex(substr({key}, 3))",
        UploadTypeKind.TimestampTz => $"to_timestamp({key})",
        UploadTypeKind.Date => $"CAST(DATE '1970-01-01' + CAST({key} AS INTEGER) AS DATE)",
        UploadTypeKind.VarbinaryArray => $"list_transform({key}, v -> unhex(substr(v, 3)))",
        UploadTypeKind.AccessList =>
            $"CAST(list_transform({key}, e -> {{'address': unhex(substr(e.address, 3)), 'storageKeys': list_transform(e.storageKeys, k -> unhex(substr(k, 3)))}}) AS {StoredType(type)})",
        _ => $"CAST({key} AS {StoredType(type)})",
    };
}
