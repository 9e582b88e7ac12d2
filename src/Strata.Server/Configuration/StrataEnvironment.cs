using Strata.Application.Configuration;
using Microsoft.Extensions.Options;

namespace Strata.Server.Configuration;

/// <summary>The documented STRATA_* environment variables, mapped onto the Strata configuration section.</summary>
public static class StrataEnvironment
{
    private static readonly (string Variable, string Key)[] Map =
    [
        ("STRATA_DATA_DIR", "Strata:DataDir"),
        ("STRATA_API_KEYS", "Strata:ApiKeys"),
        ("STRATA_METADATA", "Strata:Metadata"),
        ("STRATA_DEMO_SCALE", "Strata:DemoScale"),
        ("STRATA_PUBLIC_BASE_URL", "Strata:PublicBaseUrl"),
        ("STRATA_MAX_REQUEST_BODY_BYTES", "Strata:MaxRequestBodyBytes"),
    ];

    public static IEnumerable<KeyValuePair<string, string?>> Shortcuts()
    {
        foreach (var (variable, key) in Map)
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            if (value is not null)
            {
                yield return new(key, value);
            }
        }
    }
}

/// <summary>Data annotations do not recurse: validate each tier's settings too, naming the tier.</summary>
public sealed class NestedTierValidation : IValidateOptions<StrataOptions>
{
    public ValidateOptionsResult Validate(string? name, StrataOptions options)
    {
        var failures = new List<string>();
        foreach (var (tierName, tier) in new[] { ("Medium", options.Medium), ("Large", options.Large) })
        {
            var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
            var context = new System.ComponentModel.DataAnnotations.ValidationContext(tier);
            if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(tier, context, results, validateAllProperties: true))
            {
                failures.AddRange(results.Select(r => $"Strata:{tierName}:{string.Join(",", r.MemberNames)}: {r.ErrorMessage}"));
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
