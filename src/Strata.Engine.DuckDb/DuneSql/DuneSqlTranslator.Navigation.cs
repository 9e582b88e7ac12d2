namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    /// <summary>Moving over the tokens: the next and previous significant token, matching brackets, and a call's arguments.</summary>
    private sealed partial class Pass
    {
        private int Next(int i, int end)
        {
            i++;
            while (i < end && Tokens[i].IsTrivia)
            {
                i++;
            }
            return i;
        }

        private int Previous(int i)
        {
            i--;
            while (i >= 0 && Tokens[i].IsTrivia)
            {
                i--;
            }
            return i;
        }

        /// <summary>For each opening bracket token, the index of the bracket closing it (-1 when none); built once, so
        /// finding a call's end costs the same however deep the call sits (a scan per call was quadratic in the nesting).</summary>
        private int[]? matches;

        /// <summary>For each closing bracket token, the index of the bracket it closes (-1 when none), built with <see cref="matches"/>.</summary>
        private int[]? openings;

        /// <summary>For each token, the bracket that encloses it most closely (-1 at the top), built with <see cref="matches"/>:
        /// a text of many words named rows or range costs one pass, not a scan back per word.</summary>
        private int[]? enclosing;

        private int Match(int i)
        {
            if (matches is null)
            {
                matches = new int[Tokens.Count];
                openings = new int[Tokens.Count];
                enclosing = new int[Tokens.Count];
                var open = new Stack<int>();
                for (int k = 0; k < Tokens.Count; k++)
                {
                    matches[k] = -1;
                    openings[k] = -1;
                    enclosing[k] = open.Count > 0 ? open.Peek() : -1;
                    if (Tokens[k].Kind != DuneTokenKind.Symbol)
                    {
                        continue;
                    }
                    char c = Sql[Tokens[k].Start];
                    if (c is '(' or '[')
                    {
                        open.Push(k);
                    }
                    else if (c is ')' or ']' && open.Count > 0)
                    {
                        int opened = open.Pop();
                        matches[opened] = k;
                        openings[k] = opened;
                    }
                }
            }
            return matches[i];
        }

        /// <summary>The index of the bracket that the one at close closes, or -1.</summary>
        private int Opening(int close)
        {
            if (close < 0 || close >= Tokens.Count)
            {
                return -1;
            }
            Match(close);
            return openings![close];
        }

        /// <summary>The index of the bracket that encloses token i most closely, or -1 at the top.</summary>
        private int Enclosing(int i)
        {
            Match(i);
            return enclosing![i];
        }

        private bool IsOpening(int i) =>
            i >= 0 && i < Tokens.Count && Tokens[i].Kind == DuneTokenKind.Symbol && Sql[Tokens[i].Start] is '(' or '[';

        /// <summary>The index of the parenthesis closing the one at open (or end when unbalanced).</summary>
        private int Close(int open, int end)
        {
            if (IsOpening(open))
            {
                int match = Match(open);
                return match >= 0 && match < end ? match : end;
            }
            int depth = 0;
            for (int i = open; i < end; i++)
            {
                if (Tokens[i].Kind != DuneTokenKind.Symbol)
                {
                    continue;
                }
                char c = Sql[Tokens[i].Start];
                if (c is '(' or '[')
                {
                    depth++;
                }
                else if (c is ')' or ']' && --depth == 0)
                {
                    return i;
                }
            }
            return end;
        }

        /// <summary>Argument token ranges of the call whose parentheses are at open and close.</summary>
        private List<(int From, int To)> Arguments(int open, int close)
        {
            var args = new List<(int, int)>();
            int depth = 0, from = open + 1;
            for (int i = open + 1; i < close; i++)
            {
                if (Tokens[i].Kind != DuneTokenKind.Symbol)
                {
                    continue;
                }
                char c = Sql[Tokens[i].Start];
                if (c is '(' or '[' && Match(i) is int inner && inner > i && inner < close)
                {
                    i = inner; // a balanced group holds no separator of this call
                }
                else if (c is '(' or '[')
                {
                    depth++;
                }
                else if (c is ')' or ']')
                {
                    depth--;
                }
                else if (c == ',' && depth == 0)
                {
                    args.Add((from, i));
                    from = i + 1;
                }
            }
            if (args.Count > 0 || Next(open, close) < close)
            {
                args.Add((from, close));
            }
            return args;
        }
    }
}
