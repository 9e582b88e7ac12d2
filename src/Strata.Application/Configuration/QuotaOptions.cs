using System.ComponentModel.DataAnnotations;

namespace Strata.Application.Configuration;

/// <summary>Per-owner execution quotas, bound from "Strata:Quotas" (env: <c>Strata__Quotas__Name</c>).</summary>
public sealed class QuotaOptions
{
    public const string Section = "Strata:Quotas";

    /// <summary>
    /// Executions of one owner that run at once in one tier. Unset: the tier's slots less one (at least
    /// one), so that one owner never holds every slot of a tier that has more than one while others wait.
    /// </summary>
    [Range(1, 256)]
    public int? RunningPerOwner { get; set; }

    /// <summary>Pending executions one owner may have, all tiers together; past it execute answers 429.</summary>
    [Range(1, 10_000_000)]
    public int QueuedPerOwner { get; set; } = 1000;

    /// <summary>The running quota that applies in a tier with this many slots.</summary>
    public int RunningPerOwnerFor(int slots) => RunningPerOwner ?? Math.Max(1, slots - 1);
}
