namespace Strata.Application.Catalog;

/// <summary>Which datasets a list wants: an owner handle and a set of types, each optional.</summary>
public sealed record DatasetFilter(string? OwnerHandle, IReadOnlySet<string>? Types)
{
    /// <summary>
    /// The filter of <c>owner_handle</c> and <c>type</c> (comma-separated, Dune's type names); a type
    /// Dune does not name is Invalid, naming it and the allowed ones.
    /// </summary>
    public static DatasetFilter Parse(string? ownerHandle, string? types)
    {
        HashSet<string>? set = null;
        if (!string.IsNullOrWhiteSpace(types))
        {
            set = new HashSet<string>(StringComparer.Ordinal);
            foreach (string raw in types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                string type = raw.ToLowerInvariant();
                if (!DatasetTypes.All.Contains(type))
                {
                    throw new UseCaseException(UseCaseError.Invalid,
                        $"type must be a comma-separated list of {string.Join(", ", DatasetTypes.All)}; got '{Strata.Core.Security.EchoedText.Cut(raw)}'");
                }
                set.Add(type);
            }
        }
        return new DatasetFilter(string.IsNullOrWhiteSpace(ownerHandle) ? null : ownerHandle.Trim(), set);
    }

    public bool Matches(Dataset dataset) =>
        (OwnerHandle is null || string.Equals(dataset.Owner.Handle, OwnerHandle, StringComparison.OrdinalIgnoreCase))
        && (Types is null || Types.Contains(dataset.Type));
}

/// <summary>
/// The dataset catalog: every table the caller may query, from every registered <see cref="IDatasetSource"/>,
/// ordered by full name. Another owner's private table is in no source's answer, so it is absent from the
/// list and a get of it is NotFound exactly as a missing name is.
/// </summary>
public sealed class DatasetCatalog(IEnumerable<IDatasetSource> sources)
{
    public const string NotFoundMessage = "Dataset not found";

    public async Task<(IReadOnlyList<Dataset> Page, int Total)> ListAsync(string caller, DatasetFilter filter, int limit, int offset, CancellationToken cancellationToken)
    {
        var matching = (await VisibleAsync(caller, cancellationToken).ConfigureAwait(false)).Where(filter.Matches).ToList();
        return (matching.Skip(offset).Take(limit).ToList(), matching.Count);
    }

    /// <summary>The datasets the caller may query that <paramref name="search"/> finds (see <see cref="DatasetSearching"/>).</summary>
    public async Task<(IReadOnlyList<DatasetHit> Page, int Total)> SearchAsync(string caller, DatasetSearch search, CancellationToken cancellationToken) =>
        DatasetSearching.Search(await VisibleAsync(caller, cancellationToken).ConfigureAwait(false), search);

    /// <summary>The dataset of that full name (compared ignoring case, as the engine resolves names), or NotFound.</summary>
    public async Task<Dataset> GetAsync(string caller, string fullName, CancellationToken cancellationToken)
    {
        var visible = await VisibleAsync(caller, cancellationToken).ConfigureAwait(false);
        return visible.FirstOrDefault(d => string.Equals(d.FullName, fullName.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new UseCaseException(UseCaseError.NotFound, NotFoundMessage);
    }

    private async Task<List<Dataset>> VisibleAsync(string caller, CancellationToken cancellationToken)
    {
        var byName = new Dictionary<string, Dataset>(StringComparer.OrdinalIgnoreCase);
        foreach (var source in sources)
        {
            foreach (var dataset in await source.VisibleAsync(caller, cancellationToken).ConfigureAwait(false))
            {
                byName[dataset.FullName] = dataset;
            }
        }
        return byName.Values.OrderBy(d => d.FullName, StringComparer.OrdinalIgnoreCase).ThenBy(d => d.FullName, StringComparer.Ordinal).ToList();
    }
}
