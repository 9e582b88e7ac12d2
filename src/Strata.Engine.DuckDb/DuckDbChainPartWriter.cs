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
/// is one COPY of that table to Parquet (converted as <see cref="DuckDbTableLoader.ChainSelect"/> says) plus the fsyncs.
/// Nothing is on disk before <see cref="FinishAsync"/>: a process killed while a part is filled leaves no file, and
/// disposing the writer drops the staging table.
/// </summary>
internal sealed class DuckDbChainPartWriter : IChainPartWriter
{
    private readonly DuckDBConnection connection;
    private readonly IReadOnlyList<UploadColumn> columns;
    private readonly string table = "chain_stage_" + Guid.NewGuid().ToString("N");
    private readonly ArrayBufferWriter<byte> json = new();
    private DuckDBAppender? appender;
    private bool finished;

    public DuckDbChainPartWriter(DuckDBConnection connection, IReadOnlyList<UploadColumn> columns)
    {
        this.connection = connection;
        this.columns = columns;
        var definition = new StringBuilder();
        for (int i = 0; i < columns.Count; i++)
        {
            definition.Append(i == 0 ? "" : ", ").Append(DuckDbTableLoader.ColumnKey(i)).Append(' ').Append(DuckDbTableLoader.StagedType(columns[i].Type.Kind));
        }
        DuckDbCommands.Exec(connection, $"CREATE TABLE {SqlQuoting.QuoteIdentifier(table)} ({definition})");
        appender = connection.CreateAppender(table);
    }

    public long Rows { get; private set; }

    public void Append(IReadOnlyList<object?[]> rows)
    {
        var into = appender ?? throw new InvalidOperationException("The part is finished.");
        foreach (var values in rows)
        {
            var row = into.CreateRow();
            for (int i = 0; i < columns.Count; i++)
            {
                AppendValue(row, columns[i].Type.Kind, values[i]);
            }
            row.EndRow();
            Rows++;
        }
    }

    public Task<long> FinishAsync(string targetFile, CancellationToken cancellationToken)
    {
        if (finished || appender is null)
        {
            throw new InvalidOperationException("The part is finished.");
        }
        finished = true;
        return Task.Factory.StartNew(() =>
        {
            appender.Close();
            appender.Dispose();
            appender = null;
            return DuckDbTableLoader.CopyDurably(connection, DuckDbTableLoader.ChainSelect(columns, table), targetFile, Rows, cancellationToken);
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
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
