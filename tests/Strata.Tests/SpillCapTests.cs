using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// One rule caps spill for both the executions' sandbox and the server's own DuckDB instances (loader, result views):
/// the configured limit, lowered to the free disk, never negative (hostile3 review finding: it was computed twice).
/// </summary>
public sealed class SpillCapTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "strata-spillcap-" + Guid.NewGuid().ToString("N"));

    public SpillCapTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData(1000L, 5000L, 1000L)]
    [InlineData(5000L, 1000L, 500L)]
    [InlineData(1000L, 0L, 0L)]
    [InlineData(1000L, -7L, 0L)]
    [InlineData(-3L, 1000L, 0L)]
    public void The_cap_is_the_smaller_of_the_limit_and_the_free_disk_and_never_negative(long limit, long free, long expected) =>
        Assert.Equal(expected, SpillDirectory.CapToFree(limit, free));

    [Fact]
    public void When_the_free_disk_is_unknown_the_limit_stands() => Assert.Equal(1234L, SpillDirectory.CapToFree(1234L, free: null));

    [Fact]
    public void A_limit_larger_than_the_disk_is_lowered_to_half_of_what_the_disk_has_free()
    {
        long free = new DriveInfo(directory).AvailableFreeSpace / 2;
        long cap = SpillDirectory.CapToFree(directory, long.MaxValue);
        Assert.InRange(cap, 1, long.MaxValue - 1);
        // Other processes write to the same disk meanwhile: within 1 GB of what was free a moment ago.
        Assert.InRange(cap, free - (1L << 30), free + (1L << 30));
        Assert.Equal(4096L, SpillDirectory.CapToFree(directory, 4096L));
    }

    [Fact]
    public void The_loader_and_result_view_instances_take_the_same_cap_as_executions()
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
        connection.Open();
        string described = new DuckDbLimits(1, "64MB", Path.Combine(directory, "tmp"), long.MaxValue).Apply(connection);
        long expected = SpillDirectory.CapToFree(Path.Combine(directory, "tmp"), long.MaxValue);
        // The figure the instance reports is the shared rule's (within what other processes wrote meanwhile).
        long reported = long.Parse(described.Split("temporary disk ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(reported, expected - (1L << 30), expected + (1L << 30));
    }
}
