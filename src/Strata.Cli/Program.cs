using System.CommandLine;
using Strata.Cli;

// strata: the server, its keys and demo data, and a client that runs SQL and prints results.
// `strata ingest` first re-executes itself with its own runtime settings (IngestRuntime; returns when it does not).
IngestRuntime.ReexecForIngest(args);
var dataDir = new Option<string>("--data-dir")
{
    Description = "Data directory (default: STRATA_DATA_DIR, then ./data)",
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("STRATA_DATA_DIR") ?? "./data",
    // On `keys` it covers its subcommands too.
    Recursive = true,
};
var root = new RootCommand("Strata: a self-hosted Dune API server, and a client for it")
{
    ServerCommands.Serve(dataDir),
    KeyCommands.Keys(dataDir),
    MigrateCommands.MigrateMetadata(dataDir),
    ServerCommands.Demo(dataDir),
    IngestCommands.Ingest(dataDir),
    RunCommands.Run(),
    RunCommands.Results(),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        Console.Error.WriteLine($"strata: {error.Message}");
    }
    Console.Error.WriteLine("strata: see strata --help");
    return ExitCodes.Usage;
}
try
{
    // Ctrl-C cancels the action's token; the action then has this long to cancel the execution on the server.
    return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) });
}
catch (CliFailure failure)
{
    Console.Error.WriteLine($"strata: {failure.Message}");
    return failure.ExitCode;
}
