using System.Buffers;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Strata.Core.Ingest;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>
/// A chain table part filled as blocks arrive (<see cref="IChainParts.Begin"/>): rows go through DuckDB's appender into a
/// staging table of plain types in the loader's in-memory database, on the writer's own connection, so that finishing
/// is one COPY of that table to Parquet (converted as <see cref="DuckDbTableLoader.ChainSelect"/> says) and a rename; the
/// fsyncs are the caller's (<see cref="DuckDbTableLoader.SyncAsync"/>).
/// Nothing is on disk before <see cref="FinishAsync"/>: a process killed while a part is filled leaves no file, and
/// disposing the writer drops the staging table. Hex data is decoded here (<see cref="Convert.FromHexString(ReadOnlySpan{char}, Span{byte}, out int, out int)"/>
/// into a reused buffer) and appended as a BLOB: half the bytes of its text, and no conversion left for the COPY. After
/// <see cref="FinishAsync"/> (or <see cref="Clear"/>) the staging table is emptied and takes the next part's rows, so a run
/// creates each table's staging table once, not once per commit.
/// </summary>
internal sealed class DuckDbChainPartWriter : IChainPartWriter
{
    private readonly DuckDBConnection connection;
    private readonly IReadOnlyList<UploadColumn> columns;
    private readonly UploadTypeKind[] kinds;
    private readonly string table = "chain_stage_" + Guid.NewGuid().ToString("N");
    private readonly ArrayBufferWriter<byte> json = new();
    private byte[] bytes = new byte[256];
    private DuckDBAppender? appender;
    private bool disposed;

    public DuckDbChainPartWriter(DuckDBConnection connection, IReadOnlyList<UploadColumn> columns)
    {
        this.connection = connection;
        this.columns = columns;
        kinds = columns.Select(c => c.Type.Kind).ToArray();
        var definition = new StringBuilder();
        for (int i = 0; i < columns.Count; i++)
        {
            definition.Append(i == 0 ? "" : ", ").Append(DuckDbTableLoader.ColumnKey(i)).Append(' ').Append(DuckDbTableLoader.StagedType(columns[i].Type.Kind));
        }
        DuckDbCommands.Exec(connection, $"CREATE TABLE {SqlQuoting.QuoteIdentifier(table)} ({definition})");
    }

    public long Rows { get; private set; }

    public void Append(IReadOnlyList<object?[]> rows)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var into = appender ??= connection.CreateAppender(table);
        foreach (var values in rows)
        {
            var row = into.CreateRow();
            for (int i = 0; i < kinds.Length; i++)
            {
                AppendValue(row, kinds[i], values[i]);
            }
            row.EndRow();
            Rows++;
        }
    }

    public Task<long> FinishAsync(string targetFile, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return Task.Factory.StartNew(() =>
        {
            CloseAppender();
            try
            {
                return DuckDbTableLoader.Copy(connection, DuckDbTableLoader.ChainSelect(columns, table), targetFile, Rows, durable: false, cancellationToken);
            }
            finally
            {
                Empty();
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    public void Clear()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        CloseAppender();
        Empty();
    }

    private void CloseAppender()
    {
        if (appender is { } open)
        {
            appender = null;
            open.Close();
            open.Dispose();
        }
    }

    private void Empty()
    {
        DuckDbCommands.Exec(connection, $"DELETE FROM {SqlQuoting.QuoteIdentifier(table)}");
        Rows = 0;
    }

    /// <summary>A value as staged (see <see cref="DuckDbTableLoader.StagedType"/>).</summary>
    private void AppendValue(IDuckDBAppenderRow row, UploadTypeKind kind, object? value)
    {
        switch (value)
        {
            case null:
                row.AppendNullValue();
                break;
            case long l:
                row.AppendValue(l);
                break;
            case bool b:
                row.AppendValue(b);
                break;
            case byte[] data when kind == UploadTypeKind.Varbinary:
                row.AppendValue(data.AsSpan());
                break;
            case string s when kind == UploadTypeKind.Varbinary:
                AppendHex(row, s);
                break;
            case string s:
                row.AppendValue(s);
                break;
            case DateTimeOffset t:
                row.AppendValue(t.ToUnixTimeSeconds());
                break;
            case DateOnly d:
                row.AppendValue((long)(d.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber));
                break;
            case long[] longs:
                row.AppendValue<long>(longs);
                break;
            case string[] strings:
                row.AppendValue<string>(strings);
                break;
            case AccessListEntry[] entries:
                row.AppendValue(AccessListJson(entries));
                break;
            default:
                throw new ArgumentException($"A {kind} column got a {value.GetType().Name}.", nameof(value));
        }
    }

    /// <summary>Checked hex data ("0x..."; <see cref="IChainParts"/>) appended as its bytes.</summary>
    private void AppendHex(IDuckDBAppenderRow row, string hex)
    {
        int length = (hex.Length - 2) / 2;
        if (bytes.Length < length)
        {
            bytes = new byte[Math.Max(length, bytes.Length * 2)];
        }
        if (Convert.FromHexString(hex.AsSpan(2), bytes, out _, out int written) != OperationStatus.Done || written != length)
        {
            throw new ArgumentException($"A varbinary value is not hex data: {hex[..Math.Min(hex.Length, 20)]}", nameof(hex));
        }
        row.AppendValue(bytes.AsSpan(0, length));
    }

    private string AccessListJson(AccessListEntry[] entries)
    {
        json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartArray();
            foreach (var e in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("address", e.Address);
                writer.WriteStartArray("storageKeys");
                foreach (string k in e.StorageKeys)
                {
                    writer.WriteStringValue(k);
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(json.WrittenSpan);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        appender?.Dispose();
        appender = null;
        try
        {
            DuckDbCommands.Exec(connection, $"DROP TABLE IF EXISTS {SqlQuoting.QuoteIdentifier(table)}");
        }
        catch (DuckDBException)
        {
            // The connection is going away; the in-memory table goes with the process at worst.
        }
        connection.Dispose();
    }
}
