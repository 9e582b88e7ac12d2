using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Core.Ingest;

namespace Strata.Server.Configuration;

/// <summary>A chain the server follows: <c>STRATA_INGEST_&lt;CHAIN&gt;_RPC</c> and optionally <c>STRATA_INGEST_&lt;CHAIN&gt;_FROM</c>.</summary>
public sealed record IngestTarget(string Chain, Uri Rpc, long? From);

/// <summary>Reads the chains to follow from the environment; a malformed setting stops start-up naming it.</summary>
public static partial class IngestTargets
{
    public static IReadOnlyList<IngestTarget> FromEnvironment() => Parse(Environment.GetEnvironmentVariables());

    public static IReadOnlyList<IngestTarget> Parse(IDictionary variables)
    {
        var targets = new List<IngestTarget>();
        foreach (DictionaryEntry entry in variables)
        {
            if (entry.Key is not string key || RpcVariable().Match(key) is not { Success: true } match)
            {
                continue;
            }
            string chain = match.Groups[1].Value.ToLowerInvariant();
            if (!ChainSchema.IsValidName(chain))
            {
                throw new InvalidOperationException($"{key}: the chain name '{chain}' must be a letter, then letters, digits or _ (at most {ChainSchema.MaxNameLength} characters)");
            }
            string url = entry.Value as string ?? "";
            if (!Uri.TryCreate(url, UriKind.Absolute, out var rpc) || rpc.Scheme is not ("http" or "https"))
            {
                throw new InvalidOperationException($"{key} must be an http or https URL");
            }
            long? from = null;
            string fromKey = $"STRATA_INGEST_{match.Groups[1].Value}_FROM";
            if (variables[fromKey] is string text && text.Length > 0)
            {
                if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long first))
                {
                    throw new InvalidOperationException($"{fromKey} must be a block number, 0 or more");
                }
                from = first;
            }
            targets.Add(new IngestTarget(chain, rpc, from));
        }
        return targets.OrderBy(t => t.Chain, StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex("^STRATA_INGEST_([A-Za-z][A-Za-z0-9_]*)_RPC$", RegexOptions.CultureInvariant)]
    private static partial Regex RpcVariable();
}
