using System.Collections;
using System.Runtime.InteropServices;
using System.Text;

namespace Strata.Cli;

/// <summary>
/// Runtime settings for the <c>strata ingest</c> process only. Measured (docs/notes/ingest9.md, ingest10.md), most of a
/// one-shot ingest's CPU is the .NET runtime of a short process, not its own work: tiered PGO's instrumented code and the
/// GC's many small gen0 collections. Both are settings read when the runtime starts, and as properties of the
/// <c>strata</c> binary they would also change <c>strata serve</c> (a long-lived server, where PGO pays). So before
/// anything else the ingest command re-executes itself in place (Linux <c>execve</c>: the same process id, standard
/// streams and signals, so a supervisor's kill or the ingest lock are unaffected) with <see cref="Knobs"/> in its
/// environment. A knob the operator already set (as <c>DOTNET_</c> or <c>COMPlus_</c>) is kept as given; setting
/// <see cref="Marker"/> to any value runs ingest with the runtime's defaults. Elsewhere than Linux, or if the exec fails,
/// the command runs in the first process as before.
/// </summary>
public static partial class IngestRuntime
{
    /// <summary>Set in the re-executed process (so it does not exec again); set it beforehand to keep the runtime's defaults.</summary>
    public const string Marker = "STRATA_INGEST_RUNTIME";

    /// <summary>
    /// Tiered compilation off: each method is jitted once, optimized, and ReadyToRun code is kept, instead of a quick
    /// tier 0 and a background rejit of every hot method at tier 1 (~2,300 methods rejitted in a 10,000-block ingest,
    /// the largest single item of its CPU; docs/notes/ingest11.md, ingest12.md). Tiered PGO off (it needs tiering, and
    /// stays off should the operator turn tiering back on: its instrumented tier costs more than it returns in a process
    /// of seconds); a 64 MiB gen0 budget (fewer collections of the short-lived answers and rows; the heap a batch holds is
    /// bounded by the batch anyway).
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Knobs =
    [
        new("TieredCompilation", "0"),
        new("TieredPGO", "0"),
        new("GCgen0size", "0x4000000"),
    ];

    /// <summary>Re-executes this process with <see cref="Knobs"/> when <paramref name="args"/> run <c>ingest</c>; returns only when it does not.</summary>
    public static void ReexecForIngest(string[] args)
    {
        if (!OperatingSystem.IsLinux() || args.Length == 0 || args[0] != "ingest" || System.Environment.ProcessPath is not { } executable)
        {
            return;
        }
        var environment = Environment(System.Environment.GetEnvironmentVariables());
        string[] argv = CommandLine(File.ReadAllBytes("/proc/self/cmdline"));
        if (environment is null || argv.Length == 0)
        {
            return;
        }
        Exec(executable, argv, environment);
    }

    /// <summary>The environment the ingest process is re-executed with (as NAME=value), or null when it runs as it is.</summary>
    public static List<string>? Environment(IDictionary current)
    {
        if (current.Contains(Marker))
        {
            return null;
        }
        var entries = new List<string>(current.Count + Knobs.Count + 1);
        foreach (DictionaryEntry entry in current)
        {
            entries.Add($"{entry.Key}={entry.Value}");
        }
        foreach (var (name, value) in Knobs)
        {
            if (!current.Contains("DOTNET_" + name) && !current.Contains("COMPlus_" + name))
            {
                entries.Add($"DOTNET_{name}={value}");
            }
        }
        entries.Add($"{Marker}=tuned");
        return entries;
    }

    /// <summary>The process's arguments as the kernel keeps them (NUL-separated), the program's path first.</summary>
    public static string[] CommandLine(byte[] cmdline)
    {
        int length = cmdline.Length > 0 && cmdline[^1] == 0 ? cmdline.Length - 1 : cmdline.Length;
        return length == 0 ? [] : Encoding.UTF8.GetString(cmdline, 0, length).Split('\0');
    }

    private static void Exec(string executable, string[] argv, List<string> environment)
    {
        var allocated = new List<nint>(argv.Length + environment.Count);
        try
        {
            // The runtime's diagnostics socket is named by the process id and start time, which the exec keeps: the
            // new image's runtime makes its own (and removes it at exit) only if this one's file is gone.
            foreach (string socket in Directory.EnumerateFiles(Path.GetTempPath(), $"dotnet-diagnostic-{System.Environment.ProcessId}-*-socket"))
            {
                File.Delete(socket);
            }
            var argPointers = Terminated(argv, allocated);
            var envPointers = Terminated(environment, allocated);
            _ = execve(executable, argPointers, envPointers);
            // Only a failed exec returns: the command then runs here with the runtime's defaults.
        }
        finally
        {
            foreach (nint pointer in allocated)
            {
                Marshal.FreeCoTaskMem(pointer);
            }
        }
    }

    private static nint[] Terminated(IReadOnlyList<string> strings, List<nint> allocated)
    {
        var pointers = new nint[strings.Count + 1];
        for (int i = 0; i < strings.Count; i++)
        {
            pointers[i] = Marshal.StringToCoTaskMemUTF8(strings[i]);
            allocated.Add(pointers[i]);
        }
        return pointers;
    }

    [LibraryImport("libc", EntryPoint = "execve", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int execve(string path, nint[] argv, nint[] envp);
}
