using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;

namespace Strata.Core.Results.Querying;

/// <summary>
/// Parses the <c>filters</c> query parameter, a WHERE-clause-like expression over result columns, into a
/// <see cref="FilterExpression"/>. The text is never passed on: callers render the tree with
/// <see cref="FilterExpression.ToSql(Func{string, string})"/>.
/// </summary>
/// <remarks>
/// <para>Grammar (keywords case-insensitive):</para>
/// <code>
/// filter     := and ( OR and )*
/// and        := primary ( AND primary )*
/// primary    := '(' filter ')' | predicate
/// predicate  := operand op operand                 (op: = != &lt;&gt; &lt; &lt;= &gt; &gt;=; a column on at least one side)
///             | column IN '(' literal ( ',' literal )* ')'
///             | column LIKE string
///             | column IS [NOT] NULL
///             | column BETWEEN literal AND literal
/// operand    := column | literal
/// column     := bare | "quoted" ("" for ")
/// literal    := 'string' ('' for ') | number | TRUE | FALSE | 0xHEX
///             | TIMESTAMP 'YYYY-MM-DD[ HH:MM[:SS[.fffffffff]]][ UTC|Z|+HH:MM]' | DATE 'YYYY-MM-DD' | BLOB '\xHH...'
/// </code>
/// <para>
/// A bare name matches a column exactly, else case-insensitively if only one column matches; a quoted
/// name must match exactly. <c>date</c>, <c>timestamp</c> and <c>blob</c> are column names unless a string follows.
/// No NOT (except IS NOT NULL), no functions, no subqueries, no comments, no <c>;</c>.
/// Limits: see <see cref="FilterLimits"/>.
/// </para>
/// </remarks>
public static partial class FilterParser
{
    private const string Parameter = "filters";

    /// <summary>
    /// Parses <paramref name="text"/> against the result's <paramref name="columns"/>. Returns null when the text
    /// is null, empty or only whitespace (no filter). Throws <see cref="FilterException"/> for anything else
    /// that is not a valid filter, and never any other exception.
    /// </summary>
    public static FilterExpression? Parse(string? text, IReadOnlyList<string> columns, FilterLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        limits ??= FilterLimits.Default;
        if (text is null)
        {
            return null;
        }
        if (text.Length > limits.MaxLength)
        {
            throw new FilterException(Parameter, $"the filter is longer than {limits.MaxLength} characters", limits.MaxLength);
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parser = new Parser(new FilterLexer(text, Parameter), new ColumnResolver(columns, Parameter), limits);
        var (expression, _) = parser.ParseOr(0);
        var rest = parser.Peek();
        if (rest.Kind != TokenKind.End)
        {
            var problem = rest.Kind == TokenKind.RightParen
                ? "unbalanced ')'"
                : $"expected AND, OR or the end of the filter, found {rest.Describe()}";
            throw new FilterException(Parameter, problem, rest.Position);
        }
        return expression;
    }

    private sealed class Parser(FilterLexer lexer, ColumnResolver columns, FilterLimits limits)
    {
        private readonly List<Token> _tokens = [];
        private int _next;

        public Token Peek(int ahead = 0)
        {
            while (_tokens.Count <= _next + ahead)
            {
                if (_tokens.Count > 0 && _tokens[^1].Kind == TokenKind.End)
                {
                    return _tokens[^1];
                }
                _tokens.Add(lexer.Next());
            }
            return _tokens[_next + ahead];
        }

        private Token Take()
        {
            var token = Peek();
            if (token.Kind != TokenKind.End)
            {
                _next++;
            }
            return token;
        }

        /// <summary>Height = levels of parentheses the node's SQL has (a predicate is 1).</summary>
        public (FilterExpression Node, int Height) ParseOr(int depth) =>
            ParseGroup(depth, "or", static operands => new OrExpression(operands), ParseAnd);

        private (FilterExpression Node, int Height) ParseAnd(int depth) =>
            ParseGroup(depth, "and", static operands => new AndExpression(operands), ParsePrimary);

        private (FilterExpression Node, int Height) ParseGroup(
            int depth,
            string keyword,
            Func<IReadOnlyList<FilterExpression>, FilterExpression> make,
            Func<int, (FilterExpression Node, int Height)> parseOperand)
        {
            var start = Peek().Position;
            var first = parseOperand(depth);
            if (!Peek().IsWord(keyword))
            {
                return first;
            }
            var operands = new List<FilterExpression> { first.Node };
            var height = first.Height;
            while (Peek().IsWord(keyword))
            {
                Take();
                var operand = parseOperand(depth);
                operands.Add(operand.Node);
                height = Math.Max(height, operand.Height);
            }
            if (height + 1 > limits.MaxDepth)
            {
                throw new FilterException(Parameter, $"the filter nests deeper than {limits.MaxDepth} levels", start);
            }
            return (make(operands), height + 1);
        }

        private (FilterExpression Node, int Height) ParsePrimary(int depth)
        {
            var token = Peek();
            if (token.Kind == TokenKind.LeftParen)
            {
                RejectSubquery();
                if (depth + 1 > limits.MaxDepth)
                {
                    throw new FilterException(Parameter, $"parentheses nest deeper than {limits.MaxDepth} levels", token.Position);
                }
                Take();
                var inner = ParseOr(depth + 1);
                var close = Peek();
                if (close.Kind != TokenKind.RightParen)
                {
                    throw new FilterException(Parameter,
                        $"expected ')' to close the '(' at position {token.Position.ToString(CultureInfo.InvariantCulture)}, found {close.Describe()}",
                        close.Position);
                }
                Take();
                return inner;
            }
            return (ParsePredicate(), 1);
        }

        private FilterExpression ParsePredicate()
        {
            var leftToken = Peek();
            var left = ParseOperand();
            var token = Peek();
            if (token.Kind == TokenKind.Operator)
            {
                Take();
                var right = ParseOperand();
                if (left is FilterLiteral && right is FilterLiteral)
                {
                    throw new FilterException(Parameter, "a comparison needs a column on at least one side", leftToken.Position);
                }
                return new ComparisonExpression(left, ToOperator(token.Text), right);
            }
            if (token.IsWord("in"))
            {
                var column = RequireColumn(left, leftToken, "IN");
                Take();
                return new InExpression(column, ParseInList());
            }
            if (token.IsWord("like"))
            {
                var column = RequireColumn(left, leftToken, "LIKE");
                Take();
                var pattern = Peek();
                if (pattern.Kind != TokenKind.String)
                {
                    throw new FilterException(Parameter, $"LIKE needs a pattern in single quotes, found {pattern.Describe()}", pattern.Position);
                }
                Take();
                return new LikeExpression(column, pattern.Text);
            }
            if (token.IsWord("is"))
            {
                var column = RequireColumn(left, leftToken, "IS NULL");
                Take();
                var negated = false;
                if (Peek().IsWord("not"))
                {
                    Take();
                    negated = true;
                }
                var nul = Peek();
                if (!nul.IsWord("null"))
                {
                    throw new FilterException(Parameter, $"expected NULL after {(negated ? "IS NOT" : "IS")}, found {nul.Describe()}", nul.Position);
                }
                Take();
                return new IsNullExpression(column, negated);
            }
            if (token.IsWord("between"))
            {
                var column = RequireColumn(left, leftToken, "BETWEEN");
                Take();
                var low = ParseLiteral();
                var and = Peek();
                if (!and.IsWord("and"))
                {
                    throw new FilterException(Parameter, $"expected AND between the bounds of BETWEEN, found {and.Describe()}", and.Position);
                }
                Take();
                var high = ParseLiteral();
                return new BetweenExpression(column, low, high);
            }
            if (token.IsWord("not"))
            {
                throw NotOperator(token);
            }
            throw new FilterException(Parameter,
                $"expected a comparison (= != <> < <= > >=), IN, LIKE, IS or BETWEEN, found {token.Describe()}",
                token.Position);
        }

        private List<FilterLiteral> ParseInList()
        {
            var open = Peek();
            if (open.Kind != TokenKind.LeftParen)
            {
                throw new FilterException(Parameter, $"expected '(' after IN, found {open.Describe()}", open.Position);
            }
            RejectSubquery();
            Take();
            var values = new List<FilterLiteral>();
            while (true)
            {
                var at = Peek();
                if (values.Count == limits.MaxInListValues)
                {
                    throw new FilterException(Parameter, $"an IN list has more than {limits.MaxInListValues} values", at.Position);
                }
                values.Add(ParseLiteral());
                var separator = Peek();
                if (separator.Kind == TokenKind.Comma)
                {
                    Take();
                    continue;
                }
                if (separator.Kind == TokenKind.RightParen)
                {
                    Take();
                    return values;
                }
                throw new FilterException(Parameter, $"expected ',' or ')' in the IN list, found {separator.Describe()}", separator.Position);
            }
        }

        private FilterLiteral ParseLiteral()
        {
            var token = Peek();
            var operand = ParseOperand();
            return operand as FilterLiteral
                ?? throw new FilterException(Parameter, $"expected a value here, found the column {FilterException.Describe(((ColumnReference)operand).Name)}", token.Position);
        }

        private FilterOperand ParseOperand()
        {
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.Word:
                    var word = token.Text.ToLowerInvariant();
                    switch (word)
                    {
                        case "true":
                        case "false":
                            Take();
                            return new BooleanLiteral(word == "true");
                        case "null":
                            throw new FilterException(Parameter, "NULL can only be tested with IS NULL or IS NOT NULL", token.Position);
                        case "not":
                            throw NotOperator(token);
                        case "select":
                            throw Subquery(token.Position);
                        case "and" or "or" or "in" or "like" or "is" or "between":
                            throw new FilterException(Parameter, $"expected a column or a value, found {word.ToUpperInvariant()}", token.Position);
                        case "timestamp" or "timestamp_ns" or "date" or "blob" when Peek(1).Kind == TokenKind.String:
                            Take();
                            return ParseTyped(word, Take());
                        default:
                            break;
                    }
                    RejectFunction(token);
                    if (Peek(1).Kind == TokenKind.String && columns.TryBare(token.Text, token.Position) is null)
                    {
                        throw new FilterException(Parameter,
                            $"unsupported literal type {token.Text.ToUpperInvariant()} (only TIMESTAMP, DATE and BLOB)", token.Position);
                    }
                    Take();
                    return new ColumnReference(columns.Bare(token.Text, token.Position));
                case TokenKind.QuotedIdentifier:
                    RejectFunction(token);
                    Take();
                    return new ColumnReference(columns.Quoted(token.Text, token.Position));
                case TokenKind.String:
                    Take();
                    return new StringLiteral(token.Text);
                case TokenKind.Number:
                    Take();
                    return ParseNumber(token);
                case TokenKind.Hex:
                    Take();
                    return new BinaryLiteral(Convert.FromHexString(token.Text).ToImmutableArray());
                case TokenKind.LeftParen:
                    RejectSubquery();
                    break;
                default:
                    break;
            }
            throw new FilterException(Parameter, $"expected a column or a value, found {token.Describe()}", token.Position);
        }

        private void RejectFunction(Token name)
        {
            if (Peek(1).Kind == TokenKind.LeftParen)
            {
                var shown = name.Kind == TokenKind.Word ? name.Text : FilterException.Describe(name.Text);
                throw new FilterException(Parameter, $"functions are not allowed ({shown}(...))", name.Position);
            }
        }

        /// <summary>At a '(' : reject "(SELECT ...".</summary>
        private void RejectSubquery()
        {
            var after = Peek(1);
            if (after.IsWord("select"))
            {
                throw Subquery(after.Position);
            }
        }

        private static FilterException Subquery(int position) =>
            new(Parameter, "subqueries are not allowed", position);

        private static FilterException NotOperator(Token token) =>
            new(Parameter, "NOT is not supported (use !=, <> or IS NOT NULL)", token.Position);

        private static ColumnReference RequireColumn(FilterOperand left, Token leftToken, string what) =>
            left as ColumnReference
            ?? throw new FilterException(Parameter, $"{what} needs a column on its left", leftToken.Position);

        private static ComparisonOperator ToOperator(string text) => text switch
        {
            "=" => ComparisonOperator.Equal,
            "!=" or "<>" => ComparisonOperator.NotEqual,
            "<" => ComparisonOperator.LessThan,
            "<=" => ComparisonOperator.LessThanOrEqual,
            ">" => ComparisonOperator.GreaterThan,
            _ => ComparisonOperator.GreaterThanOrEqual,
        };
    }
}
