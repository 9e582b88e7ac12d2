using System.Diagnostics.CodeAnalysis;

namespace Strata.Application;

/// <summary>What kind of expected failure a use case reports; the HTTP layer maps each to one status code.</summary>
public enum UseCaseError
{
    /// <summary>The request is malformed or names something invalid (400).</summary>
    Invalid,
    /// <summary>The caller may see it but not do this (403).</summary>
    Forbidden,
    /// <summary>Absent, or not the caller's to see (404).</summary>
    NotFound,
    /// <summary>It clashes with what exists (409).</summary>
    Conflict,
    /// <summary>A per-owner quota is used up (429).</summary>
    QuotaExceeded,
    /// <summary>The server cannot take it now: shutting down, or a queue is full (503).</summary>
    Unavailable,
    /// <summary>The request is over a size limit (413).</summary>
    TooLarge,
    /// <summary>The disk (or the database) is full; what was being written was not kept (507).</summary>
    StorageFull,
}

/// <summary>An expected failure of a use case, with a message meant for the caller.</summary>
public sealed class UseCaseException(UseCaseError error, string message) : Exception(message)
{
    public UseCaseError Error { get; } = error;

    [DoesNotReturn]
    public static void Throw(UseCaseError error, string message) => throw new UseCaseException(error, message);
}
