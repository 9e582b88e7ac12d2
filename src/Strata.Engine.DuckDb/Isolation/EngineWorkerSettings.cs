using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Strata.Core.Executions;

namespace Strata.Engine.DuckDb.Isolation;

/// <summary>How to start an engine worker: the program and the arguments before <see cref="EngineWorker.Flag"/>.</summary>
public sealed record WorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// This process's own program: the app host (<c>dotnet run</c>, a published server), or
    /// <c>dotnet</c> with the entry assembly (<c>dotnet strata-server.dll</c>).
    /// </summary>
    public static WorkerCommand ForThisProcess()
    {
        string program = Environment.ProcessPath ?? throw new InvalidOperationException("The server's program path is unknown.");
        string? entry = Assembly.GetEntryAssembly()?.Location;
        bool host = string.Equals(Path.GetFileNameWithoutExtension(program), "dotnet", StringComparison.OrdinalIgnoreCase);
        return host && !string.IsNullOrEmpty(entry) ? new WorkerCommand(program, [entry]) : new WorkerCommand(program, []);
    }
}

/// <summary>One tier's workers: as many as it has slots, each killed past <paramref name="MemoryBytes"/> of resident memory.</summary>
/// <param name="SettingName">The setting that sets the limit, named in the error.</param>
public sealed record WorkerTierSettings(int Slots, long MemoryBytes, string SettingName);

/// <summary>Settings of the engine worker processes.</summary>
public sealed partial record EngineWorkerSettings(WorkerCommand Command, IReadOnlyDictionary<PerformanceTier, WorkerTierSettings> Tiers)
{
    /// <summary>How long a cancelled run may take to stop before its worker is killed.</summary>
    public TimeSpan CancelGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How often a running worker's resident memory is read.</summary>
    public TimeSpan MemoryPollInterval { get; init; } = TimeSpan.FromMilliseconds(15);

    /// <summary>How long a new worker may take to open its engine.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The default worker memory limit of a tier: DuckDB's memory limit, plus an eighth of it for
    /// what DuckDB allocates outside its buffer manager, plus 512 MiB for the runtime and the
    /// engine, plus eight times the per-value cap for copying one value out (DuckDB's string, the
    /// .NET string, the UTF-8 scratch and the Arrow builder).
    /// </summary>
    public static long DefaultMemoryBytes(string duckDbMemoryLimit, long maxValueBytes)
    {
        long limit = ParseBytes(duckDbMemoryLimit);
        return limit + limit / 8 + (512L << 20) + 8 * maxValueBytes;
    }

    /// <summary>Bytes of a DuckDB size such as <c>4GB</c> (powers of 1000) or <c>512MiB</c> (powers of 1024).</summary>
    public static long ParseBytes(string text)
    {
        var m = SizePattern().Match(text);
        if (!m.Success)
        {
            throw new FormatException($"'{text}' is not a size such as 4GB or 512MiB.");
        }
        double number = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        double unit = m.Groups[2].Value.ToUpperInvariant() switch
        {
            "B" => 1,
            "KB" => 1e3,
            "MB" => 1e6,
            "GB" => 1e9,
            "TB" => 1e12,
            "KIB" => 1L << 10,
            "MIB" => 1L << 20,
            "GIB" => 1L << 30,
            _ => 1L << 40,
        };
        return (long)(number * unit);
    }

    [GeneratedRegex(@"^\s*(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();
}
