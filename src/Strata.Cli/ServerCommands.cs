using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Strata.Engine.DuckDb;

namespace Strata.Cli;

/// <summary><c>strata serve</c> (the server, as <c>dotnet run --project src/Strata.Server</c> starts it) and
/// <c>strata demo</c> (regenerate the demo data).</summary>
public static class ServerCommands
{
    public static Command Serve(Option<string> dataDir)
    {
        var command = new Command("serve", "Start the server with demo data; other arguments go to the server (e.g. --urls http://0.0.0.0:8080)")
        {
            dataDir,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var (program, prefix) = ServerProgram();
            var info = new ProcessStartInfo(program, [.. prefix, .. parse.UnmatchedTokens]) { UseShellExecute = false };
            if (parse.GetResult(dataDir) is { Implicit: false })
            {
                info.Environment["STRATA_DATA_DIR"] = parse.GetValue(dataDir);
            }
            using var server = Process.Start(info) ?? throw new CliFailure(ExitCodes.Unreachable, $"cannot start {program}");
            try
            {
                await server.WaitForExitAsync(ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM reached this process: pass SIGTERM on (a terminal's Ctrl-C reached the server too),
                // and wait for the server's orderly shutdown.
                using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
                {
                    await (term?.WaitForExitAsync(CancellationToken.None) ?? Task.CompletedTask).ConfigureAwait(false);
                }
                await server.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            return server.ExitCode;
        });
        return command;
    }

    public static Command Demo(Option<string> dataDir)
    {
        var scale = new Option<double>("--scale") { Description = "Demo data size (1 = 1M transactions)", DefaultValueFactory = _ => 1.0 };
        var command = new Command("demo", "Regenerate the demo data (demo.duckdb) in the data directory") { scale, dataDir };
        command.SetAction(parse =>
        {
            double s = parse.GetValue(scale);
            if (!(s > 0 && s <= 1000))
            {
                throw new CliFailure(ExitCodes.Usage, "--scale must be above 0 and at most 1000");
            }
            string dir = parse.GetValue(dataDir)!;
            Directory.CreateDirectory(dir);
            string target = DemoDatabase.PathIn(dir);
            var clock = Stopwatch.StartNew();
            // A rename replaces the file whole, its generator stamp after it: a running server keeps reading the one it opened.
            DemoData.Rebuild(target, s);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated demo data (scale {s}) in {clock.Elapsed.TotalSeconds:F1} s: {target}"));
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The server built beside this program: its app host, else <c>dotnet strata-server.dll</c>.</summary>
    private static (string Program, string[] Prefix) ServerProgram()
    {
        string dir = AppContext.BaseDirectory;
        string host = Path.Combine(dir, OperatingSystem.IsWindows() ? "strata-server.exe" : "strata-server");
        if (File.Exists(host))
        {
            return (host, []);
        }
        string dll = Path.Combine(dir, "strata-server.dll");
        if (!File.Exists(dll))
        {
            throw new CliFailure(ExitCodes.Usage, $"the server (strata-server.dll) is not beside this program in {dir}");
        }
        string dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        return (dotnet, [dll]);
    }
}
