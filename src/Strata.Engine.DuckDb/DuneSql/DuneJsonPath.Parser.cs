using System.Text;
using System.Text.Json.Nodes;

namespace Strata.Engine.DuckDb.DuneSql;

public sealed partial class DuneJsonPath
{
    /// <summary>Recursive descent over the path text; a syntax error or a feature outside the subset throws
    /// <see cref="FormatException"/> naming it.</summary>
    private sealed class Parser(string text)
    {
        private static readonly HashSet<string> Methods = ["size", "type", "double", "floor", "ceiling", "abs", "keyvalue"];
        private int at;

        public bool Mode()
        {
            if (Word("strict")) return true;
            Word("lax");
            return false;
        }

        public void End()
        {
            Skip();
            if (at < text.Length)
            {
                throw Fail(text[at] is '+' or '-' or '*' or '/' or '%' ? "arithmetic in a JSON path is not supported" : $"unexpected '{text[at]}'");
            }
        }

        public Node Path()
        {
            // (((…$…))) and nested filters recurse as deep as the text allows: refused cleanly rather than off the end of the stack.
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            var node = Primary();
            while (true)
            {
                Skip();
                if (Take(".."))
                {
                    node = new Descendant(node, Key());
                }
                else if (Take("."))
                {
                    Skip();
                    if (Take("*"))
                    {
                        node = new Member(node, null);
                        continue;
                    }
                    bool quoted = Peek('"');
                    string key = Key();
                    Skip();
                    if (!quoted && Take("("))
                    {
                        Expect(")");
                        node = Methods.Contains(key) ? new Method(node, key) : throw Fail($"the JSON path method {key}() is not supported");
                    }
                    else
                    {
                        node = new Member(node, key);
                    }
                }
                else if (Take("["))
                {
                    node = new Elements(node, Subscripts());
                }
                else if (Take("?"))
                {
                    Expect("(");
                    var condition = Disjunction();
                    Expect(")");
                    node = new Filter(node, condition);
                }
                else
                {
                    return node;
                }
            }
        }

        private (Node From, Node? To)[]? Subscripts()
        {
            Skip();
            if (Take("*"))
            {
                Expect("]");
                return null;
            }
            var subscripts = new List<(Node, Node?)>();
            do
            {
                var from = Subscript();
                subscripts.Add((from, Word("to") ? Subscript() : null));
                Skip();
            }
            while (Take(","));
            Expect("]");
            return [.. subscripts];
        }

        private Node Subscript()
        {
            Skip();
            if (!Word("last"))
            {
                return Primary();
            }
            Skip();
            bool minus = Take("-");
            if (!minus && !Take("+"))
            {
                return new Last();
            }
            Skip();
            return Primary() is Literal { Value: JsonValue v } && long.TryParse(v.ToJsonString(), out long n)
                ? new LastMinus(new Last(), minus ? n : -n) : throw Fail("expected an integer after last");
        }

        private Node Primary()
        {
            Skip();
            if (Take("$"))
            {
                return at < text.Length && (char.IsLetter(text[at]) || text[at] == '_')
                    ? throw Fail("named variables ($name, PASSING) in a JSON path are not supported") : new Root();
            }
            if (Take("@")) return new Current();
            if (Word("last")) return new Last();
            if (Word("true")) return new Literal(JsonValue.Create(true));
            if (Word("false")) return new Literal(JsonValue.Create(false));
            if (Word("null")) return new Literal(null);
            if (Peek('"')) return new Literal(JsonValue.Create(Quoted()));
            if (Take("("))
            {
                var inner = Path();
                Expect(")");
                return inner;
            }
            int start = at;
            if (at < text.Length && text[at] == '-') at++;
            while (at < text.Length && (char.IsAsciiDigit(text[at]) || text[at] is '.' or 'e' or 'E' || (text[at] is '+' or '-' && text[at - 1] is 'e' or 'E')))
            {
                at++;
            }
            try
            {
                return at > start ? new Literal(JsonNode.Parse(text[start..at])) : throw Fail("expected a JSON path");
            }
            catch (System.Text.Json.JsonException)
            {
                throw Fail($"bad number {text[start..at]}");
            }
        }

        private Predicate Disjunction()
        {
            var left = Conjunction();
            while (Skip() && Take("||")) left = new Or(left, Conjunction());
            return left;
        }

        private Predicate Conjunction()
        {
            var left = Unary();
            while (Skip() && Take("&&")) left = new And(left, Unary());
            return left;
        }

        private Predicate Unary()
        {
            System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
            Skip();
            if (Take("!")) return new Not(Unary());
            if (Word("exists"))
            {
                Expect("(");
                var path = Path();
                Expect(")");
                return new Exists(path);
            }
            if (Peek('('))
            {
                int saved = at;
                try
                {
                    at++;
                    var inner = Disjunction();
                    Expect(")");
                    return Word("is") && Word("unknown") ? new IsUnknown(inner) : inner;
                }
                catch (FormatException)
                {
                    at = saved; // a parenthesised path on the left of a comparison
                }
            }
            var left = Path();
            Skip();
            if (Word("starts"))
            {
                if (!Word("with")) throw Fail("expected starts with");
                Skip();
                return Peek('"') ? new StartsWith(left, Quoted()) : throw Fail("starts with needs a string literal");
            }
            foreach (string op in new[] { "==", "!=", "<>", "<=", ">=", "<", ">" })
            {
                if (Take(op)) return new Compare(left, op, Path());
            }
            throw Fail("expected a comparison in the filter");
        }

        private string Key()
        {
            Skip();
            if (Peek('"')) return Quoted();
            int start = at;
            while (at < text.Length && (char.IsLetterOrDigit(text[at]) || text[at] is '_' or '$')) at++;
            return at > start ? text[start..at] : throw Fail("expected a member name");
        }

        private string Quoted()
        {
            var s = new StringBuilder();
            at++;
            while (at < text.Length && text[at] != '"')
            {
                if (text[at] == '\\' && at + 1 < text.Length)
                {
                    at++;
                    char c = text[at];
                    if (c == 'u' && at + 4 < text.Length && int.TryParse(text.AsSpan(at + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out int code))
                    {
                        s.Append((char)code);
                        at += 4;
                    }
                    else
                    {
                        s.Append(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => c });
                    }
                }
                else
                {
                    s.Append(text[at]);
                }
                at++;
            }
            Expect("\"");
            return s.ToString();
        }

        private bool Skip()
        {
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            return true;
        }

        private bool Peek(char c) => at < text.Length && text[at] == c;

        private bool Take(string s)
        {
            if (string.CompareOrdinal(text, at, s, 0, s.Length) != 0) return false;
            at += s.Length;
            return true;
        }

        private bool Word(string word)
        {
            Skip();
            int end = at + word.Length;
            if (string.CompareOrdinal(text, at, word, 0, word.Length) != 0 || (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_')))
            {
                return false;
            }
            at = end;
            return true;
        }

        private void Expect(string s)
        {
            Skip();
            if (!Take(s)) throw Fail($"expected '{s}'");
        }

        private FormatException Fail(string message) => new($"JSON path {message} (at character {at + 1} of the path)");
    }
}
