namespace Strata.Application.Observability;

/// <summary>
/// Time since it was made, read from the use case's <see cref="TimeProvider"/> (its high-resolution timestamp),
/// for the durations that logs report: the use cases read no clock but their <see cref="TimeProvider"/>.
/// </summary>
internal readonly struct ElapsedTime(TimeProvider time)
{
    private readonly long start = time.GetTimestamp();

    public long ElapsedMilliseconds => (long)time.GetElapsedTime(start).TotalMilliseconds;
}
