using System.ComponentModel.DataAnnotations;

namespace Strata.Server.Configuration;

/// <summary>Request limits and output safety of the HTTP surface, bound from the "Strata" section
/// (env: <c>Strata__MaxSqlBytes</c> ...). See docs/notes/http-hardening.md.</summary>
public sealed class HttpSafetyOptions
{
    /// <summary>Largest SQL text (UTF-8 bytes) accepted on execute and on saved-query create and update.</summary>
    [Range(1024, 256L * 1024 * 1024)]
    public long MaxSqlBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest JSON request body outside the upload routes (which keep Strata:MaxRequestBodyBytes).</summary>
    [Range(1024, 4L << 30)]
    public long MaxJsonBodyBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest request line (method, target and version), answered 414 with a JSON body past it. Room
    /// for filters and sort_by of 10,000 characters each, percent-encoded.</summary>
    [Range(256, 1024 * 1024)]
    public int MaxRequestLineBytes { get; set; } = 64 * 1024;

    /// <summary>Largest total of header names and values, answered 431 with a JSON body past it.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxRequestHeadersBytes { get; set; } = 32 * 1024;

    /// <summary>Most connections served at once; Kestrel closes those past it. 0 (the default): half the process's
    /// open-file limit less 1024 for the server's own files, at most 10,000 and at least 64. Unbounded, ~20,000
    /// idle connections used every descriptor and the runtime ended the process ("Out of memory.").</summary>
    [Range(0, 1_000_000)]
    public int MaxConnections { get; set; }

    /// <summary>Most connections one client address (an IPv6 client: its /64) holds at once; past it a new one is closed
    /// at once. 0 (the default): a quarter of <see cref="MaxConnections"/>' value, at least 64, so a single client cannot
    /// take every connection; -1: no limit (behind a reverse proxy every client has the proxy's address).</summary>
    [Range(-1, 1_000_000)]
    public int MaxConnectionsPerAddress { get; set; }

    /// <summary>Long polls (<c>wait=</c> on status, execute and endpoint results) one owner holds at once; past it a
    /// request is answered at once with the state as it is. 0: no limit. Each holds a connection for up to 60 s.</summary>
    [Range(0, 1_000_000)]
    public int MaxWaitsPerOwner { get; set; } = 100;

    /// <summary>When true, CSV results neutralise spreadsheet formulas unless a request says csv_safe=false.</summary>
    public bool CsvFormulaSafe { get; set; }
}

/// <summary>Per-key request rates, bound from "Strata:RateLimits" (env: <c>Strata__RateLimits__ReadPerMinute</c>).
/// 0 turns a class off.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Strata:RateLimits";

    /// <summary>Read requests (status, results, listings, cancel, ...) per key per minute.</summary>
    [Range(0, int.MaxValue)]
    public int ReadPerMinute { get; set; } = 12_000;

    /// <summary>Write requests (execute, query create and update, uploads, inserts, ...) per key per minute.</summary>
    [Range(0, int.MaxValue)]
    public int WritePerMinute { get; set; } = 1_200;

    /// <summary>Requests without a valid key, per client IP address per minute.</summary>
    [Range(0, int.MaxValue)]
    public int UnauthenticatedPerMinute { get; set; } = 600;
}
