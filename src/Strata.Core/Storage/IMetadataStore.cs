using Strata.Core.Executions;

namespace Strata.Core.Storage;

/// <summary>
/// Durable metadata: API keys and executions. Every write is committed before the call returns,
/// so an accepted execution survives a crash.
/// </summary>
public interface IMetadataStore
{
    /// <summary>Creates the schema when needed. Called once at start-up.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    // Keys
    Task<ApiKeyInfo?> FindKeyAsync(string keyHash, CancellationToken cancellationToken);
    Task<ApiKeyInfo> AddKeyAsync(string handle, string keyHash, string keyPrefix, CancellationToken cancellationToken);
    Task<IReadOnlyList<ApiKeyInfo>> ListKeysAsync(CancellationToken cancellationToken);
    Task<bool> RevokeKeyAsync(long keyId, CancellationToken cancellationToken);

    // Executions
    Task InsertExecutionAsync(Execution execution, CancellationToken cancellationToken);
    Task<Execution?> GetExecutionAsync(string id, CancellationToken cancellationToken);

    /// <summary>Moves PENDING to EXECUTING and counts the attempt. False when it was not pending.</summary>
    Task<bool> TryStartAsync(string id, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>Ends an execution that is not yet terminal. False when it already was.</summary>
    Task<bool> TryFinishAsync(string id, ExecutionOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Executions left PENDING or EXECUTING, oldest first, for restart recovery.</summary>
    Task<IReadOnlyList<Execution>> ListUnfinishedAsync(CancellationToken cancellationToken);

    /// <summary>Puts an interrupted EXECUTING execution back to PENDING.</summary>
    Task RequeueAsync(string id, CancellationToken cancellationToken);

    /// <summary>Completed executions whose results expired before the given time.</summary>
    Task<IReadOnlyList<string>> ExpireAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>How an execution ended.</summary>
public sealed record ExecutionOutcome(
    ExecutionState State,
    DateTimeOffset EndedAt,
    DateTimeOffset? ExpiresAt = null,
    ExecutionError? Error = null,
    ResultInfo? Result = null,
    bool Started = true);

/// <summary>A stored API key (the key itself is never stored, only its hash).</summary>
public sealed record ApiKeyInfo(long Id, string Handle, string KeyPrefix, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);
