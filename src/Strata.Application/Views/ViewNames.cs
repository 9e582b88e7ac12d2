using Strata.Core.Uploads;
using Strata.Core.Views;

namespace Strata.Application.Views;

/// <summary>How a request names a view: <c>dune.&lt;handle&gt;.result_x</c>, or <c>result_x</c> for the caller's own.</summary>
public static class ViewNames
{
    public const string NotFound = "Materialized view not found";

    /// <summary>The owner and table name a request gives (lower case); Invalid when it is not a view's name.</summary>
    public static (string Owner, string Name) Resolve(string caller, string? text)
    {
        string given = UploadNames.LowerAscii((text ?? "").Trim());
        string[] parts = given.Split('.');
        (string owner, string name) = parts.Length switch
        {
            1 => (caller, parts[0]),
            3 when parts[0] == "dune" => (parts[1], parts[2]),
            _ => ("", ""),
        };
        if (owner.Length == 0 || !UploadNames.IsValid(name) || !name.StartsWith(MaterializedView.NamePrefix, StringComparison.Ordinal)
            || name.Length == MaterializedView.NamePrefix.Length)
        {
            throw new UseCaseException(UseCaseError.Invalid,
                $"Invalid materialized view name '{Strata.Core.Security.EchoedText.Cut(text)}': give result_<name> or dune.<handle>.result_<name> (letters, digits and _; the name starts with result_)");
        }
        return (owner, name);
    }
}
