using System.CommandLine;
using Spectre.Console;

namespace Strata.Cli;

/// <summary><c>strata run</c> and <c>strata results</c>: submit or find an execution, follow it, print its result.</summary>
public static class RunCommands
{
    private static readonly Option<string> Url = new("--url") { Description = "Server base URL", DefaultValueFactory = _ => "http://127.0.0.1:8080" };
    private static readonly Option<string?> Key = new("--key") { Description = "API key (default: STRATA_API_KEY)" };
    private static readonly Option<OutputFormat> Format = new("--format", "-f") { Description = "table (default), csv, json, parquet or arrow" };
    private static readonly Option<string?> Out = new("--out", "-o") { Description = "Write the result to FILE instead of stdout" };
    private static readonly Option<int> MaxRows = new("--max-rows") { Description = "Rows shown as a table", DefaultValueFactory = _ => 100 };

    public static Command Run()
    {
        var sql = new Argument<string?>("sql") { Description = "The SQL (or use --file)", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--file") { Description = "Read the SQL from FILE (- for stdin)" };
        var dialect = new Option<string?>("--dialect") { Description = "dunesql (default) or duckdb" };
        dialect.AcceptOnlyFromAmong("dunesql", "duckdb");
        var parameters = new Option<string[]>("--param") { Description = "A {{name}} parameter: name=value (repeatable)" };
        var performance = new Option<string?>("--performance") { Description = "medium (default) or large" };
        performance.AcceptOnlyFromAmong("medium", "large");
        var command = new Command("run", "Run SQL on a server and print its result") { sql, file, dialect, parameters, performance, Url, Key, Format, Out, MaxRows };
        command.SetAction((parse, ct) =>
        {
            string text = RunArguments.Sql(parse.GetValue(sql), parse.GetValue(file));
            var values = RunArguments.ParseParameters(parse.GetValue(parameters) ?? []);
            string? tier = parse.GetValue(performance);
            string? engine = parse.GetValue(dialect);
            return ExecuteAsync(parse, (client, c) => values.Count == 0
                ? client.SubmitSqlAsync(text, tier, engine, c)
                : client.SubmitWithParametersAsync(text, values, tier, engine, c), ct);
        });
        return command;
    }

    public static Command Results()
    {
        var id = new Argument<string>("execution-id") { Description = "The execution whose result to print" };
        var command = new Command("results", "Print the result of an existing execution (waits for it to finish)") { id, Url, Key, Format, Out, MaxRows };
        command.SetAction((parse, ct) => ExecuteAsync(parse, (_, _) => Task.FromResult(parse.GetValue(id)!), ct));
        return command;
    }

    private static async Task<int> ExecuteAsync(ParseResult parse, Func<StrataClient, CancellationToken, Task<string>> start, CancellationToken ct)
    {
        var format = parse.GetValue(Format);
        string? outFile = parse.GetValue(Out);
        RunArguments.CheckDestination(format, outFile, !Console.IsOutputRedirected);
        int maxRows = parse.GetValue(MaxRows);
        if (maxRows < 1)
        {
            throw new CliFailure(ExitCodes.Usage, "--max-rows must be at least 1");
        }
        var baseUrl = RunArguments.BaseUrl(parse.GetValue(Url)!);
        string key = RunArguments.Key(parse.GetValue(Key), Environment.GetEnvironmentVariable("STRATA_API_KEY"));
        var stderr = Consoles.Error();
        var live = Consoles.IsLive(stderr) ? stderr : null;

        using var client = new StrataClient(baseUrl, key);
        string id;
        try
        {
            id = await start(client, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw new CliFailure(ExitCodes.Interrupted, "interrupted before the server accepted the query");
        }
        if (live is null)
        {
            // Scripts get the id to read the result again with `strata results`.
            await Console.Error.WriteLineAsync($"execution {id}").ConfigureAwait(false);
        }
        var status = await ExecutionWatch.WaitAsync(client, id, live, ct).ConfigureAwait(false);
        bool partial = ExecutionWatch.CheckFinished(status);
        try
        {
            if (format == OutputFormat.Table)
            {
                await ResultTable.WriteAsync(client, id, partial, maxRows, AnsiConsole.Console, ct).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            long? totalRows = status["result_metadata"]?["total_row_count"]?.GetValue<long>();
            // A bar on the terminal only when the result itself does not go there.
            var progress = live is not null && (outFile is not null || Console.IsOutputRedirected) ? live : null;
            await using var destination = outFile is null ? Console.OpenStandardOutput() : OpenOut(outFile);
            await ResultDownloads.WithProgressAsync(progress, totalRows,
                sink => ResultDownloads.WriteAsync(client, id, format, partial, destination, sink, ct)).ConfigureAwait(false);
            return ExitCodes.Ok;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw new CliFailure(ExitCodes.Interrupted, $"interrupted while reading the result of execution {id}");
        }
    }

    private static FileStream OpenOut(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure(ExitCodes.Usage, $"cannot write {path}: {e.Message}");
        }
    }
}

/// <summary>The consoles: stdout for results, stderr for the live line and progress.</summary>
public static class Consoles
{
    public static IAnsiConsole Error() => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
        Ansi = AnsiSupport.Detect,
        Interactive = InteractionSupport.Detect,
    });

    /// <summary>A live display needs an interactive terminal on stderr.</summary>
    public static bool IsLive(IAnsiConsole console) => !Console.IsErrorRedirected && console.Profile.Capabilities.Interactive;
}
