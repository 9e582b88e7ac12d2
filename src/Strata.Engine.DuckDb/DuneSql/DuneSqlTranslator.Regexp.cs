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
            string pattern = Converted(java => DuneJavaRegex.ToRe2(java, out groups, name is "regexp_like"), args[1].From, token);
            if (name is "regexp_replace" && args.Count == 3 && IsSingleString(args[2]) && Unquote(args[2].From).Contains("${", StringComparison.Ordinal))
            {
                string replacement = Converted(r => DuneJavaRegex.NamedReferences(r, groups), args[2].From, token);
                template = template.Replace("$3", TemplateLiteral(replacement), StringComparison.Ordinal);
            }
            return template.Replace("$2", TemplateLiteral(pattern), StringComparison.Ordinal);
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
