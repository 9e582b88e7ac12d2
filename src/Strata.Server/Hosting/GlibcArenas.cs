using System.Globalization;
using System.Runtime.InteropServices;

namespace Strata.Server.Hosting;

/// <summary>
/// Caps glibc's malloc arenas at start (<c>mallopt(M_ARENA_MAX, n)</c>). By default glibc gives
/// busy threads arenas of their own, up to 8 per core, and each keeps the memory it once held: the
/// server's RSS drifted up by about 1.3 MB a minute in a soak while the managed heap stayed flat, and
/// was flat with two arenas (docs/reliability.md). DuckDB's buffers come from its own jemalloc, so
/// this touches only the native allocations of .NET, SQLite and DuckDB's small objects.
/// Setting: <c>Strata__MallocArenaMax</c> (environment; default 2; 0 leaves glibc's default). A
/// <c>MALLOC_ARENA_MAX</c> in the environment is glibc's own setting and wins. Nothing is done on a
/// C library other than glibc (musl has no arenas) or off Linux. Engine workers run it too.
/// </summary>
public static class GlibcArenas
{
    public const string Variable = "Strata__MallocArenaMax";
    public const int Default = 2;

    /// <summary>glibc's <c>M_ARENA_MAX</c> parameter of <c>mallopt</c>.</summary>
    private const int MArenaMax = -8;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int Mallopt(int parameter, int value);

    /// <summary>What was done, for the start-up log: the cap set, or why none was.</summary>
    public static string Apply() => Apply(Environment.GetEnvironmentVariable(Variable), Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX"));

    internal static string Apply(string? setting, string? glibcVariable)
    {
        int arenas = Default;
        if (!string.IsNullOrWhiteSpace(setting)
            && (!int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out arenas) || arenas > 1024))
        {
            throw new FormatException($"{Variable} must be a whole number from 0 (glibc's default) to 1024, got '{setting}'");
        }
        if (arenas == 0)
        {
            return $"malloc arenas: glibc's default ({Variable}=0)";
        }
        if (!string.IsNullOrEmpty(glibcVariable))
        {
            return $"malloc arenas: MALLOC_ARENA_MAX={glibcVariable} from the environment";
        }
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libc.so.6", out var libc))
        {
            return "malloc arenas: not glibc, left as they are";
        }
        if (!NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _) || !NativeLibrary.TryGetExport(libc, "mallopt", out var address))
        {
            return "malloc arenas: not glibc, left as they are";
        }
        var mallopt = Marshal.GetDelegateForFunctionPointer<Mallopt>(address);
        return mallopt(MArenaMax, arenas) == 1
            ? $"malloc arenas: at most {arenas} ({Variable})"
            : $"malloc arenas: mallopt(M_ARENA_MAX, {arenas}) was refused; glibc's default stays";
    }
}
