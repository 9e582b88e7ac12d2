using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Results.Querying;
using Strata.Core.Queries;
using Strata.Core.Views;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Engine.DuckDb;

/// <summary>
/// The tables a statement names, from DuckDB's parse tree (<c>json_serialize_sql</c> in a bare in-memory
/// instance that reads no file and runs nothing): DuneSQL is translated first, as for a run. This runs in the
/// server's own process (pipeline plans), and DuckDB's serialisation cannot be interrupted: its cost grows with
/// the translated text, which the translator's expansions make up to ~30 times the text written (1 MiB of casts
/// to varchar became 31 MB, whose parse tree did not finish in 5 minutes). Whenever the parse tree cannot be read (the
/// translator refuses the text, or runs out of its time, or its text passes <see cref="MaxParsedChars"/>, or DuckDB's
/// parser refuses it) the qualified names of the text's tokens are the references instead (every <c>schema.name</c>, a
/// superset): one rule for every refusal.
/// </summary>
public sealed class DuckDbStatementTables : IStatementTables
{
    /// <summary>The longest translated text whose parse tree is read (the default Strata:MaxSqlBytes).</summary>
    internal const int MaxParsedChars = 1 << 20;

    /// <summary>The most tokens of a text whose parse tree DuckDB builds here. json_serialize_sql is native (no token stops
    /// it) and more than linear in a text's size: 88,888 ANDed terms (445 KB) took 12.6 s and a 28 MB tree, 1 MiB of them
    /// most of a minute of a server thread per request (hostile11). Past it the names are read from the tokens, as for any
    /// text the parser refuses; 22,222 terms (44,000 tokens) take 1.5 s.</summary>
    internal const int MaxParsedTokens = 50_000;

    /// <summary>How long the translation may take here (it cannot be cancelled by the request): some rewrites cost more
    /// than linear time in their operands (2,000 chained divisions, 4 KB, took 51 s on a loaded machine).</summary>
    internal static readonly TimeSpan MaxTranslationTime = TimeSpan.FromSeconds(5);

    public IReadOnlyList<TableReference> TablesOf(string sql, SqlDialect dialect)
    {
        string? text;
        try
        {
            // The translation stops at MaxParsedChars (past it only the names are read anyway): unbounded, a 30 KB text of
            // divisions held 2 GB of this process for 28 s, and 1 MiB of them would not fit in memory (hostile6).
            using var budget = new CancellationTokenSource(MaxTranslationTime);
            text = dialect == SqlDialect.DuneSql ? DuneSqlTranslator.TryTranslate(sql, MaxParsedChars, budget.Token)?.Sql : sql;
        }
        catch (OperationCanceledException)
        {
            text = null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A text the translator refuses fails when it runs, with the translator's message; until then it names its tables
            // like every other text that cannot be read (one rule for every refusal, hostile7): a pipeline that missed them
            // would run the query before refreshing what it reads.
            text = null;
        }
        if (text is null || text.Length > MaxParsedChars || DuneLexer.Lex(text).Count(t => !t.IsTrivia) > MaxParsedTokens)
        {
            return QualifiedNames(sql);
        }
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        string json;
        try
        {
            json = DuckDbCommands.Scalar(connection, $"SELECT json_serialize_sql({SqlQuoting.QuoteString(text.Trim().TrimEnd(';'))})") as string ?? "";
        }
        catch (DuckDBException)
        {
            return QualifiedNames(sql);
        }
        if (!json.StartsWith("{\"error\":false", StringComparison.Ordinal))
        {
            // A text DuckDB's parser refuses (too deep: 3,000 chained divisions are 3,000 nested lambdas) still names its
            // tables: a pipeline that missed them would run the query before refreshing what it reads.
            return QualifiedNames(sql);
        }
        return StatementReferences.Parse(json, new HashSet<string>()).SchemaTables
            .Select(t => new TableReference(t.Schema, t.Name)).ToList();
    }

    /// <summary>Every <c>a.b</c> and <c>a.b.c</c> name of the text, as (schema, name), read from its tokens in one pass.</summary>
    internal static IReadOnlyList<TableReference> QualifiedNames(string sql)
    {
        var tokens = DuneLexer.NonTrivia(sql);
        bool IsName(int i) => i < tokens.Count && tokens[i].Kind is DuneTokenKind.Word or DuneTokenKind.QuotedName;
        bool IsDot(int i) => i < tokens.Count && tokens[i].Kind == DuneTokenKind.Symbol && sql[tokens[i].Start] == '.';
        string Name(int i)
        {
            string text = sql.Substring(tokens[i].Start, tokens[i].Length);
            return tokens[i].Kind == DuneTokenKind.QuotedName && text.Length >= 2 ? text[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : text;
        }
        var found = new List<TableReference>();
        var seen = new HashSet<(string, string)>();
        for (int i = 0; i < tokens.Count; i++)
        {
            if (!IsName(i) || (i > 0 && IsDot(i - 1)) || !IsDot(i + 1) || !IsName(i + 2))
            {
                continue;
            }
            int schema = i, name = i + 2;
            if (IsDot(i + 3) && IsName(i + 4))
            {
                schema = i + 2;
                name = i + 4;
            }
            if (seen.Add((Name(schema), Name(name))))
            {
                found.Add(new TableReference(Name(schema), Name(name)));
            }
        }
        return found;
    }
}
