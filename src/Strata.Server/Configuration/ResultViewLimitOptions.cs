using System.ComponentModel.DataAnnotations;
using Strata.Application.Configuration;

namespace Strata.Server.Configuration;

/// <summary>
/// How many filtered, sorted or sampled result views run at once on the result views' DuckDB instance, which every
/// owner shares (<c>Strata:ResultViews</c>, beside that instance's <see cref="ServerInstanceOptions"/>; env
/// <c>Strata__ResultViews__PerOwner</c> and so on). Checked at start-up: a value out of range, or a share larger than
/// the whole, stops the server naming it.
/// </summary>
public sealed class ResultViewLimitOptions : IValidatableObject
{
    public const string Section = StrataOptions.Section + ":" + ServerInstanceOptions.ResultViews;

    /// <summary>Views one owner runs at once; its next is a 429 naming the limit. Default 2.</summary>
    [Range(1, 64, ErrorMessage = "Strata:ResultViews:PerOwner must be between 1 and 64.")]
    public int PerOwner { get; set; } = 2;

    /// <summary>
    /// Views the server runs at once, every owner's together; they share the instance's memory limit. An owner's view
    /// beyond its first takes a place only while another stays free, so owners together never hold the last place
    /// against an owner that has none; that one waits for a place at most <see cref="MaxWaitSeconds"/>. Default 4.
    /// </summary>
    [Range(2, 256, ErrorMessage = "Strata:ResultViews:Concurrent must be between 2 and 256.")]
    public int Concurrent { get; set; } = 4;

    /// <summary>The longest a view waits for a place when every place is taken; past it a 503 naming the limit. Default 120 (a view's own time budget).</summary>
    [Range(1, 3600, ErrorMessage = "Strata:ResultViews:MaxWaitSeconds must be between 1 and 3600.")]
    public int MaxWaitSeconds { get; set; } = 120;

    /// <summary>Filtered or sorted Parquet downloads written at once, server-wide (each a file up to the result's size). Default 4.</summary>
    [Range(1, 256, ErrorMessage = "Strata:ResultViews:ParquetDownloads must be between 1 and 256.")]
    public int ParquetDownloads { get; set; } = 4;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PerOwner > Concurrent)
        {
            yield return new ValidationResult(
                $"Strata:ResultViews:PerOwner ({PerOwner}) must not exceed Strata:ResultViews:Concurrent ({Concurrent}), the views of every owner together.",
                [nameof(PerOwner), nameof(Concurrent)]);
        }
    }
}
