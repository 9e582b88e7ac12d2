using System.Runtime.CompilerServices;
using DuckDB.NET.Data;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb;

/// <summary>
/// DuckDB's parse tree of a statement (<c>json_serialize_sql</c>), made once per sandbox connection and text. An execution
/// reads it twice on one connection: the sandbox's set-up for the names it references (DuckDbSandbox.ReadReferences), then
/// the statement check (DuckDbEngine.Classify). Its cost is DuckDB's parse and serialisation, linear in the text but large:
/// a 50,000-value VALUES list is 1.3 MB of translated text and 11 MB of tree, about 5 s on a loaded 2-core machine, paid
/// twice before this (docs/notes/dune-wild26.md).
/// </summary>
internal static class DuckDbParseTrees
{
    private sealed record Tree(string Text, string Json);

    private static readonly ConditionalWeakTable<DuckDBConnection, Tree> Made = new();

    /// <summary>The tree of <paramref name="text"/> as <c>json_serialize_sql</c> writes it (its own <c>error</c> flag set when
    /// DuckDB's parser refuses the text); throws DuckDB's exception when the call itself fails (nothing is kept then).</summary>
    public static string Serialize(DuckDBConnection connection, string text)
    {
        if (Made.TryGetValue(connection, out var tree) && string.Equals(tree.Text, text, StringComparison.Ordinal))
        {
            return tree.Json;
        }
        // json_serialize_sql takes only a constant: the text goes in as a literal with its quotes doubled.
        string json = DuckDbCommands.Scalar(connection, $"SELECT json_serialize_sql({SqlQuoting.QuoteString(text)})") as string ?? "";
        Made.AddOrUpdate(connection, new Tree(text, json));
        return json;
    }
}
