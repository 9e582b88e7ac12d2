namespace Strata.Core.Engine;

/// <summary>
/// One saved query read as a table (Dune's "Query Views"): its token, the query id, the parameter
/// values it passes, and whether the user gave the table an alias (else the inlined subquery gets the
/// reference's <paramref name="Name"/>). <paramref name="Problem"/> is set when the quoted form's parameter list cannot be
/// read (<c>"query_1(n=7)"</c>): the reference is refused with that message at its position, never read as a table name.
/// </summary>
public sealed record QueryViewReference(
    int Start, int Length, long QueryId, IReadOnlyDictionary<string, string> Values, bool HasAlias, string Name, string? Problem = null);

/// <summary>
/// The parts of a dialect's syntax that the application needs to inline saved queries read as tables.
/// Implemented by the engine project that owns the dialect's lexer.
/// </summary>
public interface IQueryViewSyntax
{
    /// <summary>The query view references of a text, in order of position.</summary>
    IReadOnlyList<QueryViewReference> Find(string sql);

    /// <summary>The text up to its last token that is not a <c>;</c> (trailing comments and semicolons go).</summary>
    string WithoutTrailingSemicolons(string sql);

    /// <summary>The 1-based position of the first output column of the query that has no name (a query read as a
    /// view must name every column), or null when all are named or it cannot be told.</summary>
    int? FirstUnnamedColumn(string sql);
}
