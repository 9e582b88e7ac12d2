using System.Globalization;
using System.Text.Json;
using Strata.Core.Executions;

namespace Strata.Server.Apis;

/// <summary>Writes the execution object: each field present exactly in the states the contract lists.</summary>
public static class ExecutionJson
{
    public static string Timestamp(DateTimeOffset t) =>
        t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static void WriteFields(Utf8JsonWriter w, Execution e)
    {
        w.WriteString("execution_id", e.Id);
        w.WriteNumber("query_id", e.QueryId);
        w.WriteString("state", e.State.ToWire());
        w.WriteBoolean("is_execution_finished", e.State.IsTerminal());
        w.WriteString("submitted_at", Timestamp(e.SubmittedAt));
        if (e.State == ExecutionState.Pending && e.QueuePosition is int position)
        {
            w.WriteNumber("queue_position", position);
        }
        if (e.State.HasResult() && e.ExpiresAt is { } expires)
        {
            w.WriteString("expires_at", Timestamp(expires));
        }
        if (e.StartedAt is { } started && e.State != ExecutionState.Pending)
        {
            w.WriteString("execution_started_at", Timestamp(started));
        }
        if (e.EndedAt is { } ended)
        {
            w.WriteString("execution_ended_at", Timestamp(ended));
        }
        if (e.State == ExecutionState.Cancelled && e.CancelledAt is { } cancelled)
        {
            w.WriteString("cancelled_at", Timestamp(cancelled));
        }
        if (e.State == ExecutionState.Failed && e.Error is { } error)
        {
            w.WriteStartObject("error");
            w.WriteString("type", error.Type);
            w.WriteString("message", error.Message);
            if (error.Line is int line && error.Column is int column)
            {
                w.WriteStartObject("metadata");
                w.WriteNumber("line", line);
                w.WriteNumber("column", column);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        if (e.State.IsTerminal())
        {
            w.WriteNumber("execution_cost_credits", 0);
        }
    }

    /// <summary>The metadata object; page figures may differ from the totals.</summary>
    public static void WriteResultMetadata(Utf8JsonWriter w, string propertyName, Execution e, IReadOnlyList<string> names, IReadOnlyList<string> types, long rows, long bytes)
    {
        var info = e.Result!;
        w.WriteStartObject(propertyName);
        w.WriteStartArray("column_names");
        foreach (var n in names)
        {
            w.WriteStringValue(n);
        }
        w.WriteEndArray();
        w.WriteStartArray("column_types");
        foreach (var t in types)
        {
            w.WriteStringValue(t);
        }
        w.WriteEndArray();
        w.WriteNumber("row_count", rows);
        w.WriteNumber("result_set_bytes", bytes);
        w.WriteNumber("total_row_count", info.RowCount);
        w.WriteNumber("total_result_set_bytes", info.ResultSetBytes);
        w.WriteNumber("datapoint_count", rows * names.Count);
        w.WriteNumber("pending_time_millis", Millis(e.SubmittedAt, e.StartedAt));
        w.WriteNumber("execution_time_millis", Millis(e.StartedAt, e.EndedAt));
        w.WriteEndObject();
    }

    private static long Millis(DateTimeOffset? from, DateTimeOffset? to) =>
        from is { } f && to is { } t ? Math.Max(0, (long)(t - f).TotalMilliseconds) : 0;
}
