using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    /// <summary>Constant patterns of the regexp_* functions in RE2's spelling (<see cref="DuneJavaRegex"/>).</summary>
    private sealed partial class Pass
    {
        /// <summary>The template with a constant pattern (the second argument) written as RE2 reads Java's, and with a
        /// constant replacement's <c>${name}</c> references (regexp_replace's third) as group numbers; the template as
        /// given when the pattern is not a constant.</summary>
        private string WithJavaPattern(string name, string template, List<(int From, int To)> args, DuneToken token)
        {
            if (!name.StartsWith("regexp_", StringComparison.Ordinal) || args.Count < 2 || !IsSingleString(args[1]))
            {
                return template;
            }
            List<string?> groups = [];
            string pattern;
            bool backtracking = false;
            try
            {
                pattern = DuneJavaRegex.ToRe2(Unquote(args[1].From), out groups, name is "regexp_like");
            }
            catch (DuneJavaRegex.NeedsBacktracking) when (BacktrackingTemplate(name, args.Count) is not null)
            {
                pattern = Converted(java => DuneJavaRegex.ToDotNet(java, out groups), args[1].From, token);
                backtracking = true;
            }
            catch (FormatException e)
            {
                throw NotSupported(Sql, token, e.Message);
            }
            if (backtracking)
            {
                template = BacktrackingTemplate(name, args.Count)!;
            }
            if (name is "regexp_replace" && args.Count == 3 && IsSingleString(args[2]) && Unquote(args[2].From).Contains("${", StringComparison.Ordinal))
            {
                string replacement = Converted(r => DuneJavaRegex.NamedReferences(r, groups), args[2].From, token);
                template = template.Replace("$3", TemplateLiteral(replacement), StringComparison.Ordinal);
            }
            return template.Replace("$2", TemplateLiteral(pattern), StringComparison.Ordinal);
        }

        /// <summary>The call of <see cref="DuneJavaRegexp"/> standing for a regexp_* function of <paramref name="arity"/>
        /// arguments whose pattern needs a backtracking engine (its pattern is <c>$2</c>), or null for one it does not run.</summary>
        private static string? BacktrackingTemplate(string name, int arity)
        {
            const string call = DuneJavaRegexp.Function + "(";
            return (name, arity) switch
            {
                ("regexp_like", 2) => $"CAST({call}'like', $1, $2, '', '')[1] AS BOOLEAN)",
                ("regexp_count", 2) => $"CAST({call}'count', $1, $2, '', '')[1] AS BIGINT)",
                ("regexp_extract", 2) => $"{call}'extract', $1, $2, '0', '')[1]",
                ("regexp_extract", 3) => $"{call}'extract', $1, $2, CAST($3 AS VARCHAR), '')[1]",
                ("regexp_extract_all", 2) => $"{call}'extract_all', $1, $2, '0', '')",
                ("regexp_extract_all", 3) => $"{call}'extract_all', $1, $2, CAST($3 AS VARCHAR), '')",
                ("regexp_replace", 2) => $"{call}'replace', $1, $2, '', '')[1]",
                ("regexp_replace", 3) => $"{call}'replace', $1, $2, $3, '')[1]",
                ("regexp_position", 2) => $"CAST({call}'position', $1, $2, '1', '1')[1] AS INTEGER)",
                ("regexp_position", 3) => $"CAST({call}'position', $1, $2, CAST($3 AS VARCHAR), '1')[1] AS INTEGER)",
                ("regexp_position", 4) => $"CAST({call}'position', $1, $2, CAST($3 AS VARCHAR), CAST($4 AS VARCHAR))[1] AS INTEGER)",
                ("regexp_split", 2) => $"{call}'split', $1, $2, '', '')",
                _ => null,
            };
        }

        /// <summary>A string literal to stand in a template: a '$' before a digit is split from it, so that the template's
        /// expansion does not read it as an argument's place.</summary>
        private static string TemplateLiteral(string text)
        {
            string quoted = SqlQuoting.QuoteString(text);
            var result = new System.Text.StringBuilder(quoted.Length);
            for (int i = 0; i < quoted.Length; i++)
            {
                result.Append(quoted[i]);
                if (quoted[i] == '$' && i + 1 < quoted.Length && char.IsAsciiDigit(quoted[i + 1]))
                {
                    result.Append("' || '");
                }
            }
            return result.ToString();
        }
    }
}
