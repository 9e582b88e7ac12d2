using System.ComponentModel.DataAnnotations;
using Strata.Application.Configuration;

namespace Strata.Server.Configuration;

/// <summary>
/// Resources of one of the server's own long-lived DuckDB instances, outside the executions' engine: the table
/// loader's (<c>Strata:Loader</c>, env <c>Strata__Loader__Name</c>), which converts every upload and insert, and the
/// result views' (<c>Strata:ResultViews</c>), which filter, sort and sample stored results. Each unset value is the
/// medium tier's (<see cref="StrataOptions.Medium"/>); a value past the largest tier's stops start-up, so an upload or
/// a result view never gets more memory or temporary disk than one execution may.
/// </summary>
public sealed class ServerInstanceOptions
{
    /// <summary>The table loader's instance (<c>Strata:Loader</c>).</summary>
    public const string Loader = "Loader";

    /// <summary>The result views' instance (<c>Strata:ResultViews</c>).</summary>
    public const string ResultViews = "ResultViews";

    /// <summary>DuckDB threads; unset: the medium tier's.</summary>
    [Range(1, 256)]
    public int? Threads { get; set; }

    /// <summary>DuckDB memory limit, e.g. "1GB"; unset: the medium tier's. Past it the instance spills to disk.</summary>
    [RegularExpression(@"^\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)$", ErrorMessage = "MemoryLimit must look like '4GB' or '512MiB'.")]
    public string? MemoryLimit { get; set; }

    /// <summary>
    /// Temporary disk (spill) the instance may use, lowered to half of the free disk space when that is less; unset:
    /// the medium tier's. Past memory and this, the upload or the result view fails with a 400 naming both.
    /// </summary>
    [Range(0L, long.MaxValue)]
    public long? MaxSpillBytes { get; set; }

    /// <summary>The configuration section of the instance <paramref name="name"/>.</summary>
    public static string SectionOf(string name) => $"{StrataOptions.Section}:{name}";
}
