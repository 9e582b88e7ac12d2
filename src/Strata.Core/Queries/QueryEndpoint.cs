namespace Strata.Core.Queries;

/// <summary>
/// A saved query published under a slug (<c>/api/v1/endpoints/{owner}/{slug}/results</c>): the query, the
/// parameter values it runs with unless a request gives others, and how old a result may be and still be
/// served (else a request runs the query).
/// </summary>
public sealed record QueryEndpoint(
    string Owner,
    string Slug,
    long QueryId,
    IReadOnlyDictionary<string, ParameterValue> Parameters,
    TimeSpan MaxResultAge,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
