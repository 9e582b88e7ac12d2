using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Tests.Units;

/// <summary>
/// Native callbacks (decision zones-sec): DuckDB calls the engine's functions and casts through
/// <c>[UnmanagedCallersOnly]</c> methods, where an exception that escapes ends the process (the server's, or a worker
/// running other owners' executions). Each callback's body must be one <c>try</c> whose catches end with an unconditional
/// <c>catch (Exception)</c> (the catch sets DuckDB's error), optionally after declarations that only read DuckDB's handles,
/// or a call of a method that is itself such a body. Checked on the source, so a new callback cannot skip it.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>Calls that may come before a callback's <c>try</c>: reading DuckDB's handles, which cannot throw.</summary>
    private static readonly HashSet<string> HandleReads = new(StringComparer.Ordinal)
    {
        "ScalarGetExtra", "CastGetExtra", "GetExtraInfo", "CastMode", "DuckDBDataChunk",
    };

    [Fact]
    public void Every_native_callback_catches_every_exception()
    {
        var files = Sources("Strata.Engine.DuckDb").ToDictionary(f => f.Relative, f => CodeOnly(f.Text), StringComparer.Ordinal);
        var bad = new List<string>();
        int callbacks = 0;
        foreach (var (file, code) in files)
        {
            foreach (Match m in CallbackAttribute().Matches(code))
            {
                callbacks++;
                var (name, body, expression) = MethodAt(code, m.Index + m.Length);
                if (!Safe(files, file, body, expression, []))
                {
                    bad.Add($"{file}: {name}");
                }
            }
        }
        Assert.True(callbacks >= 40, $"only {callbacks} callbacks found: the scan no longer reads the source");
        Assert.True(bad.Count == 0, "native callbacks whose body is not one try ending in catch (Exception): " + string.Join("; ", bad));
    }

    [Theory]
    [InlineData("{ try { A(); } catch (Exception e) { B(e); } }", true)]
    [InlineData("{ var chunk = new DuckDBDataChunk(input); try { A(); } catch (OverflowException) { } catch (Exception) { } finally { C(); } }", true)]
    [InlineData("{ int x = (int)ScalarGetExtra(info); var op = (Op)(x & 0xff); try { A(); } catch { } }", true)]
    [InlineData("{ A(); try { B(); } catch (Exception) { } }", false)]
    [InlineData("{ try { A(); } catch (Exception e) when (e is OverflowException) { } }", false)]
    [InlineData("{ try { A(); } catch (FormatException) { } }", false)]
    [InlineData("{ try { A(); } catch (Exception) { } A(); }", false)]
    [InlineData("{ A(); }", false)]
    public void The_callback_scan_tells_a_wrapped_body_from_an_unwrapped_one(string body, bool safe) =>
        Assert.Equal(safe, Safe(new Dictionary<string, string>(), "x.cs", body[1..^1], false, []));

    [GeneratedRegex(@"\[UnmanagedCallersOnly\b[^\]]*\]\)?\]")]
    private static partial Regex CallbackAttribute();

    /// <summary>The source without comments and with every string and character literal emptied (braces inside them
    /// would break the brace matching).</summary>
    private static string CodeOnly(string text)
    {
        var s = new StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i = text.IndexOf('\n', i) is int n and >= 0 ? n : text.Length;
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i = text.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
            }
            else if (text[i] == '\'')
            {
                int end = i + 1;
                while (end < text.Length && text[end] != '\'')
                {
                    end += text[end] == '\\' ? 2 : 1;
                }
                s.Append("' '");
                i = end + 1;
            }
            else if (text[i] is '"' or '$' or '@' && StringStart(text, i) is int open)
            {
                s.Append("\"\"");
                i = StringEnd(text, i, open);
            }
            else
            {
                s.Append(text[i++]);
            }
        }
        return s.ToString();
    }

    /// <summary>Where a string literal's first quote is, when one starts at <paramref name="i"/> ($, @, $@, raw).</summary>
    private static int? StringStart(string text, int i)
    {
        int j = i;
        while (j < text.Length && text[j] is '$' or '@')
        {
            j++;
        }
        return j < text.Length && text[j] == '"' ? j : null;
    }

    /// <summary>The index after a string literal that starts at <paramref name="start"/> with its first quote at
    /// <paramref name="open"/>: regular, verbatim, interpolated (holes may hold strings) and raw.</summary>
    private static int StringEnd(string text, int start, int open)
    {
        string prefix = text[start..open];
        int dollars = prefix.Count(c => c == '$');
        int quotes = 0;
        while (open + quotes < text.Length && text[open + quotes] == '"')
        {
            quotes++;
        }
        if (quotes >= 3)
        {
            string close = new('"', quotes);
            return text.IndexOf(close, open + quotes, StringComparison.Ordinal) + quotes;
        }
        bool verbatim = prefix.Contains('@');
        int i = open + 1;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\' && !verbatim)
            {
                i += 2;
            }
            else if (c == '"' && verbatim && i + 1 < text.Length && text[i + 1] == '"')
            {
                i += 2;
            }
            else if (c == '"')
            {
                return i + 1;
            }
            else if (dollars > 0 && c == '{' && i + 1 < text.Length && text[i + 1] == '{')
            {
                i += 2;
            }
            else if (dollars > 0 && c == '{')
            {
                i = HoleEnd(text, i + 1);
            }
            else
            {
                i++;
            }
        }
        return i;
    }

    /// <summary>The index after the <c>}</c> that closes an interpolation hole.</summary>
    private static int HoleEnd(string text, int i)
    {
        int depth = 0;
        while (i < text.Length)
        {
            if (text[i] is '"' or '$' or '@' && StringStart(text, i) is int open)
            {
                i = StringEnd(text, i, open);
                continue;
            }
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && depth-- == 0)
            {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    /// <summary>The index of the bracket that closes the one at <paramref name="open"/>.</summary>
    private static int Closing(string code, int open)
    {
        char o = code[open], c = o == '(' ? ')' : '}';
        int depth = 0;
        for (int i = open; i < code.Length; i++)
        {
            if (code[i] == o)
            {
                depth++;
            }
            else if (code[i] == c && --depth == 0)
            {
                return i;
            }
        }
        return code.Length - 1;
    }

    /// <summary>The method declared from <paramref name="from"/>: its name and its body (block contents or expression).</summary>
    private static (string Name, string Body, bool Expression) MethodAt(string code, int from)
    {
        int parameters = code.IndexOf('(', from);
        string name = Regex.Match(code[from..parameters], @"(\w+)\s*$").Groups[1].Value;
        int i = Closing(code, parameters) + 1;
        while (char.IsWhiteSpace(code[i]))
        {
            i++;
        }
        if (code[i] == '{')
        {
            return (name, code[(i + 1)..Closing(code, i)], false);
        }
        int end = i + 2, depth = 0;
        while (end < code.Length && !(code[end] == ';' && depth == 0))
        {
            depth += code[end] is '(' or '{' or '[' ? 1 : code[end] is ')' or '}' or ']' ? -1 : 0;
            end++;
        }
        return (name, code[(i + 2)..end].Trim(), true);
    }

    /// <summary>Whether a callback's body lets no exception out.</summary>
    private static bool Safe(IReadOnlyDictionary<string, string> files, string file, string body, bool expression, HashSet<string> seen)
    {
        if (expression)
        {
            if (!body.Contains('('))
            {
                return true; // a constant
            }
            var call = Regex.Match(body, @"^(?:(\w+)\.)?(\w+)\s*\(");
            if (!call.Success || Closing(body, call.Length - 1) != body.Length - 1)
            {
                return false; // not one call
            }
            if (!seen.Add(file + ":" + call.Value))
            {
                return true; // an overload calling another of its name: checked where it was first met
            }
            // Every overload of the called method, in this file or in the named class's.
            var where = call.Groups[1].Success
                ? files.Where(f => Regex.IsMatch(f.Value, $@"\bclass {call.Groups[1].Value}\b")).ToList()
                : files.Where(f => f.Key == file).ToList();
            var declarations = where.SelectMany(f => Regex.Matches(f.Value, $@"(?:private|internal|public)\s+static\s+[\w<>\[\]*?, ]+?\s+{call.Groups[2].Value}\s*\(")
                .Select(m => (f.Key, Method: MethodAt(f.Value, m.Index)))).ToList();
            return declarations.Count > 0 && declarations.All(d => Safe(files, d.Key, d.Method.Body, d.Method.Expression, seen));
        }
        string rest = body.Trim();
        int tryAt = Regex.Match(rest, @"(?<![\w.])try\s*\{").Index;
        if (!Regex.IsMatch(rest, @"(?<![\w.])try\s*\{"))
        {
            return false;
        }
        // Before the try: declarations that only read DuckDB's handles.
        foreach (string statement in rest[..tryAt].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Regex.IsMatch(statement, @"^[\w<>*\[\]?]+\s+\w+\s*=[^=]")
                || Regex.Matches(statement, @"(\w+)\s*\(").Any(m => !HandleReads.Contains(m.Groups[1].Value)))
            {
                return false;
            }
        }
        int i = Closing(rest, rest.IndexOf('{', tryAt)) + 1;
        bool catchesAll = false;
        while (Regex.Match(rest[i..], @"^\s*(catch|finally)\b\s*(\(([^()]*)\))?\s*(when\b)?") is { Success: true } clause)
        {
            if (clause.Groups[1].Value == "catch" && !clause.Groups[4].Success
                && (!clause.Groups[2].Success || clause.Groups[3].Value.Trim().Split(' ')[0] is "Exception" or "System.Exception"))
            {
                catchesAll = true;
            }
            int open = rest.IndexOf('{', i + clause.Length);
            i = Closing(rest, open) + 1;
        }
        return catchesAll && rest[i..].Trim().Length == 0;
    }
}
