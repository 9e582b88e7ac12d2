using Strata.Server.Hosting;

namespace Strata.Tests.Hosting;

/// <summary>The server caps glibc's malloc arenas at start (the soak's native memory drift), unless told not to.</summary>
public sealed class GlibcArenasTests
{
    [Fact]
    public void On_glibc_the_default_caps_the_arenas_at_two()
    {
        Assert.Equal($"malloc arenas: at most 2 ({GlibcArenas.Variable})", GlibcArenas.Apply(null, null));
        Assert.Equal($"malloc arenas: at most 4 ({GlibcArenas.Variable})", GlibcArenas.Apply("4", null));
        // Back to the cap the server runs with, since this is the test process's own allocator.
        GlibcArenas.Apply(null, null);
    }

    [Fact]
    public void Zero_leaves_glibcs_default_and_glibcs_own_variable_wins()
    {
        Assert.Contains("glibc's default", GlibcArenas.Apply("0", null), StringComparison.Ordinal);
        Assert.Contains("MALLOC_ARENA_MAX=8 from the environment", GlibcArenas.Apply(null, "8"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two")]
    [InlineData("-1")]
    [InlineData("5000")]
    public void A_bad_setting_stops_the_start_naming_it(string setting) =>
        Assert.Contains(GlibcArenas.Variable, Assert.Throws<FormatException>(() => GlibcArenas.Apply(setting, null)).Message, StringComparison.Ordinal);
}
