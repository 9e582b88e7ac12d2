using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Application.Executions;

/// <summary>What to run: ad-hoc SQL (query id 0) or a saved query's SQL with its parameters applied.</summary>
public sealed record SubmitRequest(
    string Owner,
    string Sql,
    PerformanceTier Tier,
    long QueryId = 0,
    int? QueryVersion = null,
    ParameterSubstitution.Substituted? Parameters = null,
    TimeSpan? MaxAge = null,
    IdempotencyRequest? Idempotency = null,
    SqlDialect Dialect = SqlDialect.DuneSql);

/// <summary>An Idempotency-Key header and the hash of the request it came with.</summary>
public sealed record IdempotencyRequest(string Key, string RequestHash);

/// <summary>How a submission was answered.</summary>
public enum ReuseKind
{
    /// <summary>A new execution was started.</summary>
    None,
    /// <summary>A completed execution within max_age_hours was returned.</summary>
    Result,
    /// <summary>An identical execution already in flight was joined.</summary>
    InFlight,
    /// <summary>The execution an earlier request with the same Idempotency-Key started.</summary>
    Idempotent,
}

/// <summary>The outcome of a submission.</summary>
public sealed record SubmitResult(Execution Execution, ReuseKind Reuse);

/// <summary>Refuses work for an owner past a storage quota; null when the owner may go on.</summary>
public interface IStorageQuota
{
    /// <summary>The reason the owner is over its storage quota, or null.</summary>
    Task<string?> OverQuotaAsync(string owner, CancellationToken cancellationToken);

    /// <summary>The reason storing <paramref name="bytes"/> more (<paramref name="what"/>, as the message names it) would take
    /// the owner past its storage quota, or null.</summary>
    Task<string?> RefusesAsync(string owner, long bytes, string what, CancellationToken cancellationToken);
}
