namespace Strata.Application.Catalog;

/// <summary>
/// A search of the dataset catalog (the Go client's <c>SearchDatasets</c>, <c>POST /api/v1/datasets/search</c>):
/// free text and optional filters, each list matching any of its values. <see cref="Query"/> is split into
/// words, and a dataset matches when every word is in its full name or one of its column names (ignoring case).
/// </summary>
public sealed record DatasetSearch(
    string? Query,
    IReadOnlySet<string>? Categories,
    IReadOnlySet<string>? Blockchains,
    IReadOnlySet<string>? Types,
    IReadOnlySet<string>? Schemas,
    bool IncludePrivate,
    int Limit,
    int Offset);

/// <summary>One search hit: the dataset, its category and the chains it covers.</summary>
public sealed record DatasetHit(Dataset Dataset, string Category, IReadOnlyList<string> Blockchains);

/// <summary>How the catalog's datasets are grouped in search answers.</summary>
public static class DatasetCategories
{
    /// <summary>Dune's own raw chain tables.</summary>
    public const string Canonical = "canonical";

    /// <summary>Tables decoded from contract events.</summary>
    public const string Decoded = "decoded";

    /// <summary>Curated tables built from others.</summary>
    public const string Spell = "spell";

    /// <summary>Tables users made: uploads and materialized views.</summary>
    public const string Community = "community";

    public static IReadOnlyList<string> All { get; } = [Canonical, Decoded, Spell, Community];

    public static string Of(Dataset dataset) => dataset.Type switch
    {
        DatasetTypes.DuneTable => Canonical,
        DatasetTypes.DecodedTable => Decoded,
        DatasetTypes.Spell => Spell,
        _ => Community,
    };
}

public static class DatasetSearching
{
    /// <summary>Longest search text, in characters. Every word is looked for in every visible dataset's name and columns:
    /// a 4 MiB body of 570,000 words held a core for a minute per request, and nothing cancelled it (hostile4).</summary>
    public const int MaxQueryChars = 1000;

    /// <summary>
    /// The hits of <paramref name="search"/> among <paramref name="visible"/> (already only what the caller may
    /// query; a private one only with <see cref="DatasetSearch.IncludePrivate"/>), in catalog order, and how many
    /// there are in all. A chain is a schema that has a <c>blocks</c>
    /// table; a table of that schema covers it, and a decoded table covers the chain its metadata names.
    /// </summary>
    public static (IReadOnlyList<DatasetHit> Page, int Total) Search(IReadOnlyList<Dataset> visible, DatasetSearch search)
    {
        var chains = visible
            .Where(d => d.Type == DatasetTypes.DuneTable && d.FullName.EndsWith(".blocks", StringComparison.OrdinalIgnoreCase))
            .Select(d => SchemaOf(d))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (search.Query is { Length: > MaxQueryChars } query)
        {
            throw new UseCaseException(UseCaseError.Invalid,
                $"query must be at most {MaxQueryChars} characters, got {query.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
        // A word given twice narrows nothing more.
        string[] words = (search.Query ?? "").Split([' ', '\t', '\n', '\r', ',', '.'], StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var hits = new List<DatasetHit>();
        foreach (var dataset in visible)
        {
            var hit = new DatasetHit(dataset, DatasetCategories.Of(dataset), BlockchainsOf(dataset, chains));
            if (Matches(hit, search, words))
            {
                hits.Add(hit);
            }
        }
        return (hits.Skip(search.Offset).Take(search.Limit).ToList(), hits.Count);
    }

    private static bool Matches(DatasetHit hit, DatasetSearch search, string[] words)
    {
        var d = hit.Dataset;
        if (d.IsPrivate && !search.IncludePrivate)
        {
            return false;
        }
        return (search.Types is null || search.Types.Contains(d.Type))
            && (search.Categories is null || search.Categories.Contains(hit.Category))
            && (search.Schemas is null || search.Schemas.Contains(SchemaOf(d)))
            && (search.Blockchains is null || hit.Blockchains.Any(search.Blockchains.Contains))
            && words.All(w => d.FullName.Contains(w, StringComparison.OrdinalIgnoreCase)
                || d.Columns.Any(c => c.Name.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The schema of a full name: <c>ethereum</c> of <c>ethereum.blocks</c>, <c>alice</c> of <c>dune.alice.prices</c>.</summary>
    public static string SchemaOf(Dataset dataset)
    {
        string[] parts = dataset.FullName.Split('.');
        return parts.Length >= 2 ? parts[^2] : dataset.FullName;
    }

    private static IReadOnlyList<string> BlockchainsOf(Dataset dataset, HashSet<string> chains)
    {
        foreach (var (key, value) in dataset.Metadata)
        {
            if (key == "blockchain" && value is string chain)
            {
                return [chain];
            }
        }
        string schema = SchemaOf(dataset);
        return dataset.Type == DatasetTypes.DuneTable && chains.Contains(schema) ? [schema] : [];
    }
}
