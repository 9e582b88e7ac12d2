using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;
using Strata.Tests.DuneSql;
using Xunit.Abstractions;

namespace Strata.Tests;

/// <summary>
/// Both DuneSQL corpora (Dune's docs examples and the real queries) run on the generated demo data itself, as a
/// user of a fresh server runs them: counts how many complete and how many fail only because a table is missing.
/// </summary>
public sealed partial class DemoDataCorpusTests(ITestOutputHelper output)
{
    private static string Directory_([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "DuneSql");

    [GeneratedRegex(@"(?:Table with name|Catalog ""?|Schema with name) ?""?([A-Za-z_0-9.]+)""? does not exist", RegexOptions.IgnoreCase)]
    private static partial Regex MissingTable();

    [Fact]
    public void Corpora_on_the_demo_data_miss_no_table_the_demo_should_have()
    {
        using var db = new DuneSqlDb();
        var clock = Stopwatch.StartNew();
        db.GenerateDemoData(0.002);
        output.WriteLine($"generated at scale 0.002 in {clock.Elapsed.TotalSeconds:F1} s");
        var missing = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        int total = 0, completed = 0;
        foreach (string corpus in new[] { "corpus", "corpus-real" })
        {
            var files = Directory.GetFiles(Path.Combine(Directory_(), corpus), "*.sql").Order(StringComparer.Ordinal).ToArray();
            int done = 0;
            foreach (string file in files)
            {
                try
                {
                    foreach (string statement in Statements(File.ReadAllText(file)))
                    {
                        db.Run(statement);
                    }
                    done++;
                }
                catch (Exception e) when (e is QueryFailedException or DuckDB.NET.Data.DuckDBException or InvalidOperationException)
                {
                    string message = (e is QueryFailedException q ? q.Error.Message : e.Message).Split('\n')[0];
                    var m = MissingTable().Match(message);
                    if (m.Success)
                    {
                        missing[m.Groups[1].Value] = missing.GetValueOrDefault(m.Groups[1].Value) + 1;
                    }
                    output.WriteLine($"{corpus}/{Path.GetFileName(file)}: {message}");
                }
            }
            output.WriteLine($"{corpus}: {done} of {files.Length} complete on the demo data");
            total += files.Length;
            completed += done;
        }
        foreach (var (table, count) in missing.OrderByDescending(p => p.Value))
        {
            output.WriteLine($"missing {table}: {count}");
        }
        // The curated tables the corpora read most are demo tables: none of them may be reported missing.
        string[] expected = ["dex.trades", "dex_aggregator.trades", "prices.usd", "prices.day", "tokens.erc20", "erc20_ethereum.evt_Transfer", "ethereum.traces"];
        Assert.DoesNotContain(missing.Keys, k => expected.Any(t => t.EndsWith(k, StringComparison.OrdinalIgnoreCase)));
        Assert.True(completed > total / 2, $"{completed} of {total}");
    }

    /// <summary>A corpus file may hold several statements: split at top-level semicolons (by tokens).</summary>
    private static IEnumerable<string> Statements(string text)
    {
        int start = 0;
        foreach (var token in DuneLexer.Lex(text))
        {
            if (token.Kind == DuneTokenKind.Symbol && text[token.Start] == ';')
            {
                yield return text[start..token.Start];
                start = token.End;
            }
        }
        if (DuneLexer.Lex(text[start..]).Any(t => !t.IsTrivia))
        {
            yield return text[start..];
        }
    }
}
