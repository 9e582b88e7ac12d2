using System.ComponentModel.DataAnnotations;

namespace Strata.Application.Configuration;

/// <summary>
/// Per-owner limits on uploaded tables, bound from "Strata:Quotas" (env: <c>Strata__Quotas__TablesPerOwner</c>,
/// ...). The execution quotas of the same section live in their own class.
/// </summary>
public sealed class TableQuotaOptions
{
    public const string Section = "Strata:Quotas";

    /// <summary>Tables one owner may have; creating one more is refused with a 400 naming this limit.</summary>
    [Range(1, 1_000_000)]
    public int TablesPerOwner { get; set; } = 1000;

    /// <summary>Part files one table may list; an insert that would pass it (after compaction) is refused.</summary>
    [Range(2, 1_000_000)]
    public int PartsPerTable { get; set; } = 1000;

    /// <summary>When an insert leaves a table with this many parts, its small parts are merged into one.</summary>
    [Range(2, 1_000_000)]
    public int CompactAfterParts { get; set; } = 16;

    /// <summary>Parts at least this large are left alone by compaction (bounds how often a row is rewritten).</summary>
    [Range(1L, long.MaxValue)]
    public long CompactPartBytes { get; set; } = 64L * 1024 * 1024;
}
