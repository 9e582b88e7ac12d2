using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// A real PostgreSQL (Debian's package) in a temporary directory, listening on loopback on a free port.
/// initdb and postgres refuse to run as root, so when the tests run as root (CI) both run as the
/// <c>postgres</c> user through <c>runuser</c>, in a directory that user owns. <see cref="Shared"/> is one
/// server for the whole test run, started on first use and stopped when the test process exits; tests
/// take a fresh database of it with <see cref="CreateDatabaseAsync"/>. A test that stops or restarts
/// PostgreSQL starts its own with <see cref="StartAsync"/> and disposes it.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string SuperUser = "postgres";

    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(async () =>
    {
        var server = await StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    });

    private readonly string root;
    private readonly string dataDir;
    private readonly bool asPostgresUser;
    private bool running;
    private Process? watchdog;

    private PostgresServer(string root, bool asPostgresUser, int port)
    {
        this.root = root;
        this.asPostgresUser = asPostgresUser;
        dataDir = Path.Combine(root, "data");
        Port = port;
    }

    /// <summary>The temporary directory holding the cluster (<c>data/</c>), its log and its socket.</summary>
    public string Root => root;

    /// <summary>The loopback port PostgreSQL listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The server shared by the test run.</summary>
    public static Task<PostgresServer> Shared => SharedServer.Value;

    /// <summary>The directory holding Debian's PostgreSQL binaries (the newest major version installed).</summary>
    public static string BinDirectory
    {
        get
        {
            var dirs = Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Where(d => File.Exists(Path.Combine(d, "bin", "postgres")))
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int v) ? v : 0).ToList()
                : [];
            return dirs.Count > 0
                ? Path.Combine(dirs[0], "bin")
                : throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/postgres); `apt-get install postgresql` (.ci/run does).");
        }
    }

    /// <summary>Initialises a cluster in a new temporary directory and starts it on a free loopback port.</summary>
    public static async Task<PostgresServer> StartAsync()
    {
        SweepStale();
        bool root = Environment.UserName == "root" || string.Equals(Environment.GetEnvironmentVariable("USER"), "root", StringComparison.Ordinal);
        // /tmp rather than $TMPDIR: the postgres user must be able to reach the directory.
        string dir = Path.Combine(root ? "/tmp" : Path.GetTempPath(), "strata-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var server = new PostgresServer(dir, root, 0);
        try
        {
            server.StartWatchdog();
            if (root)
            {
                await RunAsync("chown", ["postgres:postgres", dir]);
            }
            await server.RunAsUserAsync(Path.Combine(BinDirectory, "initdb"),
                ["-D", server.dataDir, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
            await server.StartServerAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A connection string for a database of this server. Its connect timeout is 30 s, not the store's 5 s default:
    /// at the start of a CI run two cores serve the build's tail, dozens of test classes and this server's forks at
    /// once, and opening a connection once took more than 5 s (a refused connection, to a stopped server, still fails
    /// at once).
    /// </summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
        Timeout = 30,
    }.ConnectionString;

    /// <summary>Creates a new empty database and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = "strata_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its connections first.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Stops PostgreSQL (fast shutdown: sessions are ended, committed data stays).</summary>
    public Task StopServerAsync() => StopAsync("fast");

    private async Task StopAsync(string mode)
    {
        if (running)
        {
            running = false;
            await RunAsUserAsync(Path.Combine(BinDirectory, "pg_ctl"), ["stop", "-D", dataDir, "-m", mode, "-w"]);
        }
    }

    /// <summary>Starts PostgreSQL again on the same port and data.</summary>
    public async Task StartServerAsync()
    {
        for (int attempt = 1; ; attempt++)
        {
            if (Port == 0 || attempt > 1)
            {
                Port = FreePort();
            }
            try
            {
                // 500 connections: the shared server holds the Cluster classes' nodes too (up to five at once, each with
                // a store pool and a queue pool of at most 20 and a listener) beside the contract tests' pools.
                await RunAsUserAsync(Path.Combine(BinDirectory, "pg_ctl"),
                [
                    "start", "-D", dataDir, "-w", "-t", "60", "-l", Path.Combine(root, "postgres.log"),
                    "-o", string.Create(CultureInfo.InvariantCulture,
                        $"-h 127.0.0.1 -p {Port} -k {root} -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=500 -c shared_buffers=32MB"),
                ]);
                running = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && !IsRunning())
            {
                // Another process took the port between choosing it and binding it; choose again.
            }
        }
    }

    private bool IsRunning() => File.Exists(Path.Combine(dataDir, "postmaster.pid"));

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopServerAsync();
        }
        catch (InvalidOperationException)
        {
        }
        StrataServer.TryDelete(root);
        EndWatchdog();
    }

    /// <summary>At the test process's exit: its data is thrown away, so the quickest shutdown will do.</summary>
    private void Stop()
    {
        try
        {
            StopAsync("immediate").GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
        }
        StrataServer.TryDelete(root);
    }

    /// <summary>
    /// Removes the directories of servers from earlier test runs that are stopped (no postmaster.pid) and
    /// have been for ten minutes: the test host is ended soon after its last test, and its exit handler
    /// stops the shared server but may not get to delete the directory.
    /// </summary>
    private static void SweepStale()
    {
        foreach (string dir in Directory.GetDirectories("/tmp", "strata-pg-*").Concat(Directory.GetDirectories(Path.GetTempPath(), "strata-pg-*")).Distinct())
        {
            // The log is written at every start and stop, so its age is how long the server has been still.
            string log = Path.Combine(dir, "postgres.log");
            var still = File.Exists(log) ? File.GetLastWriteTimeUtc(log) : Directory.GetLastWriteTimeUtc(dir);
            if (!File.Exists(Path.Combine(dir, "data", "postmaster.pid")) && still < DateTime.UtcNow.AddMinutes(-10))
            {
                StrataServer.TryDelete(dir);
            }
        }
    }

    /// <summary>
    /// A watchdog that stops this server and removes its directory once this test process is gone, however it ends:
    /// a killed test host runs no exit handler. The watchdog is a shell reading its standard input, a pipe whose only
    /// writer is this process (.NET opens it close-on-exec, so no other child inherits it): the kernel closes it when
    /// this process dies, even by SIGKILL, and the shell's read ends. It runs in a session of its own (<c>setsid</c>)
    /// so a signal to the test run's process group (Ctrl-C, <c>kill -- -PGID</c>, a runner's time-out) does not end it
    /// with the host, as it ended the watchdog it replaces while postgres, which pg_ctl puts in a session of its own,
    /// lived on with parent 1; and it forks away (<c>--fork</c>) so it is not in this process's tree either, which a
    /// runner's "kill the tree" would end. It starts before initdb, so no moment leaves a server without one.
    /// </summary>
    private void StartWatchdog()
    {
        string pgCtl = Path.Combine(BinDirectory, "pg_ctl");
        string stop = asPostgresUser ? $"runuser -u postgres -- {pgCtl}" : pgCtl;
        string script = string.Create(CultureInfo.InvariantCulture,
            $"exec >/dev/null 2>&1; cat; [ -f '{dataDir}/postmaster.pid' ] && {stop} stop -D '{dataDir}' -m immediate; rm -rf '{root}'");
        var info = new ProcessStartInfo("setsid", ["--fork", "sh", "-c", script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // setsid exits at once; its forked child, the watchdog, holds the read end of the pipe this object writes.
        watchdog = Process.Start(info) ?? throw new InvalidOperationException("setsid did not start");
        watchdog.WaitForExit();
    }

    /// <summary>Closes the watchdog's pipe: it finds the server stopped, removes the directory and exits.</summary>
    private void EndWatchdog()
    {
        watchdog?.StandardInput.Close();
        watchdog?.Dispose();
        watchdog = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsUserAsync(string program, IReadOnlyList<string> arguments) =>
        asPostgresUser ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (string argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{program} did not start");
        // pg_ctl sends postgres's own output to the log file (-l), so these pipes close when the program exits.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        string output = await stderr + await stdout;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
        }
    }
}
