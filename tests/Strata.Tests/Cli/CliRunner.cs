using System.Diagnostics;
using System.Text;
using Strata.Tests.Infrastructure;

namespace Strata.Tests.Cli;

/// <summary>Runs the built <c>strata</c> binary (the CLI's own build output), plainly or under a pseudo-terminal.</summary>
public static class CliRunner
{
    public static string CliDll => StrataServer.ServerDll
        .Replace(Path.Combine("Strata.Server", "bin"), Path.Combine("Strata.Cli", "bin"), StringComparison.Ordinal)
        .Replace("strata-server.dll", "strata.dll", StringComparison.Ordinal);

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static async Task<Outcome> RunAsync(string? key, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet", [CliDll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Environment(info, key);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Starts the CLI under <c>script</c>, so its stdout and stderr are a terminal; what it draws is read as it
    /// comes, and bytes written to <see cref="Terminal.Input"/> are typed into the terminal (0x03 is Ctrl-C).
    /// </summary>
    /// <summary>The width the terminal of <see cref="StartInTerminal"/> announces.</summary>
    public const int TerminalColumns = 120;

    public static Terminal StartInTerminal(string key, string workingDir, params string[] arguments)
    {
        // SIGINT back to its default for the CLI: a test run started in the background (a CI job, `cmd &` without job
        // control) inherits SIGINT ignored, and an ignored signal stays ignored through every exec, so a Ctrl-C typed
        // into the terminal would never reach the CLI.
        string command = "env --default-signal=INT " + string.Join(' ', new[] { "dotnet", CliDll }.Concat(arguments).Select(Quote));
        var info = new ProcessStartInfo("script", ["-qfec", command, "/dev/null"])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDir,
        };
        Environment(info, key);
        info.Environment["TERM"] = "xterm-256color";
        info.Environment["COLUMNS"] = TerminalColumns.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new Terminal(Process.Start(info)!);
    }

    private static void Environment(ProcessStartInfo info, string? key)
    {
        info.Environment.Remove("STRATA_API_KEY");
        if (key is not null)
        {
            info.Environment["STRATA_API_KEY"] = key;
        }
        info.Environment.Remove("CI");
        info.Environment.Remove("NO_COLOR");
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public sealed class Terminal : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder screen = new();
        private readonly Task pump;

        internal Terminal(Process process)
        {
            this.process = process;
            pump = Task.Run(async () =>
            {
                var buffer = new char[4096];
                int n;
                while ((n = await process.StandardOutput.ReadAsync(buffer)) > 0)
                {
                    lock (screen)
                    {
                        screen.Append(buffer, 0, n);
                    }
                }
            });
        }

        public string Screen
        {
            get
            {
                lock (screen)
                {
                    return screen.ToString();
                }
            }
        }

        public StreamWriter Input => process.StandardInput;

        /// <summary>Waits until the screen shows <paramref name="text"/> (a real wait on the output, not a sleep).</summary>
        public async Task WaitForAsync(string text, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (!Screen.Contains(text, StringComparison.Ordinal))
            {
                if (process.HasExited || DateTime.UtcNow > deadline)
                {
                    await pump.WaitAsync(TimeSpan.FromSeconds(5));
                    throw new TimeoutException($"the terminal never showed '{text}':\n{Screen}");
                }
                await Task.Delay(20);
            }
        }

        public async Task<int> ExitAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            await process.WaitForExitAsync(cts.Token);
            await pump.WaitAsync(timeout);
            return process.ExitCode;
        }

        /// <summary>The exit code, or null when the process is still running after <paramref name="timeout"/>.</summary>
        public async Task<int?> TryExitAsync(TimeSpan timeout)
        {
            try
            {
                return await ExitAsync(timeout);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
            process.Dispose();
        }
    }
}
