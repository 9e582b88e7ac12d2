using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Strata.Cli;

/// <summary>
/// Follows an execution to its end: a live line (state, queue position, elapsed time) on a terminal, nothing
/// otherwise. Cancellation (Ctrl-C) cancels the execution on the server.
/// </summary>
public static class ExecutionWatch
{
    /// <summary>How long one status call long-polls; the live line's elapsed time moves on at least this often.</summary>
    private const int PollSeconds = 1;

    public static async Task<JsonObject> WaitAsync(StrataClient client, string id, IAnsiConsole? live, CancellationToken ct)
    {
        try
        {
            if (live is null)
            {
                return await PollAsync(client, id, _ => { }, ct).ConfigureAwait(false);
            }
            return await live.Status().Spinner(Spinner.Known.Dots).StartAsync(Markup.Escape(Line(id, "QUERY_STATE_PENDING", null, TimeSpan.Zero)),
                ctx => PollAsync(client, id, text => ctx.Status(Markup.Escape(text)), ct)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Ctrl-C: a fresh token, since the one given is spent.
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            bool cancelled = await client.CancelAsync(id, grace.Token).ConfigureAwait(false);
            throw new CliFailure(ExitCodes.Interrupted, cancelled
                ? $"interrupted: cancelled execution {id} on the server"
                : $"interrupted: execution {id} had already finished");
        }
    }

    private static async Task<JsonObject> PollAsync(StrataClient client, string id, Action<string> show, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var status = await client.StatusAsync(id, PollSeconds, ct).ConfigureAwait(false);
            string state = status["state"]?.GetValue<string>() ?? "?";
            show(Line(id, state, status["queue_position"]?.GetValue<int>(), clock.Elapsed));
            if (status["is_execution_finished"]?.GetValue<bool>() == true)
            {
                return status;
            }
        }
    }

    /// <summary>The live line: <c>01J… EXECUTING · 3.2 s</c>, with the queue position while pending.</summary>
    public static string Line(string id, string state, int? queuePosition, TimeSpan elapsed)
    {
        string shortState = state.StartsWith("QUERY_STATE_", StringComparison.Ordinal) ? state["QUERY_STATE_".Length..] : state;
        string queue = queuePosition is { } q ? string.Create(CultureInfo.InvariantCulture, $" · queue position {q}") : "";
        return string.Create(CultureInfo.InvariantCulture, $"{id} {shortState}{queue} · {elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Throws the one line a finished execution without a readable result deserves; returns whether the
    /// result is partial (cut at the server's stored-size cap).</summary>
    public static bool CheckFinished(JsonObject status)
    {
        string id = status["execution_id"]?.GetValue<string>() ?? "?";
        switch (status["state"]?.GetValue<string>())
        {
            case "QUERY_STATE_COMPLETED":
                return false;
            case "QUERY_STATE_COMPLETED_PARTIAL":
                return true;
            case "QUERY_STATE_FAILED":
                throw new CliFailure(ExitCodes.QueryFailed, FailureLine(status["error"] as JsonObject));
            case "QUERY_STATE_CANCELLED":
                throw new CliFailure(ExitCodes.QueryFailed, $"execution {id} was cancelled");
            case "QUERY_STATE_EXPIRED":
                throw new CliFailure(ExitCodes.QueryFailed, $"the results of execution {id} have expired");
            case var other:
                throw new CliFailure(ExitCodes.QueryFailed, $"execution {id} is {other}");
        }
    }

    /// <summary><c>query failed at line 1, column 8: ...</c> (no position when the engine gave none).</summary>
    public static string FailureLine(JsonObject? error)
    {
        string message = error?["message"]?.ToString() ?? "no message";
        message = message.ReplaceLineEndings(" ");
        string type = error?["type"]?.ToString() ?? "";
        string kind = type == "FAILED_TYPE_TIMEOUT" ? "query timed out" : "query failed";
        if (error?["metadata"] is JsonObject { } at && at["line"] is { } line && at["column"] is { } column)
        {
            return $"{kind} at line {line}, column {column}: {message}";
        }
        return $"{kind}: {message}";
    }
}
