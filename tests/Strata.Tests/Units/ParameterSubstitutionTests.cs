using CsCheck;
using Strata.Core.Queries;

namespace Strata.Tests.Units;

/// <summary>Dune's textual <c>{{name}}</c> substitution, in process: validation, defaults, lists and position mapping.</summary>
public sealed class ParameterSubstitutionTests
{
    private static readonly QueryParameter Number = new("n", "number", "10");
    private static readonly QueryParameter Text = new("who", "text", "alice");
    private static readonly QueryParameter Day = new("day", "datetime", "2024-01-02 03:04:05");
    private static readonly QueryParameter Chain = new("chain", "enum", "ethereum", EnumOptions: ["ethereum", "base", "o'brien"]);
    private static readonly QueryParameter Chains = new("chains", "enum", "[\"ethereum\",\"base\"]", EnumOptions: ["ethereum", "base"], IsMultiselect: true);

    private static readonly Dictionary<string, ParameterValue> None = [];

    [Fact]
    public void Defaults_fill_placeholders_with_or_without_inner_spaces()
    {
        var s = ParameterSubstitution.Apply("select {{n}}, '{{ who }}', '{{day}}'", [Number, Text, Day], None);
        Assert.Equal("select 10, 'alice', '2024-01-02 03:04:05'", s.Sql);
    }

    [Fact]
    public void Supplied_values_win_over_defaults_and_are_recorded_sorted()
    {
        var s = ParameterSubstitution.Apply("select {{n}} where x = '{{who}}'", [Text, Number],
            new Dictionary<string, ParameterValue> { ["n"] = ParameterValue.Single("-1.5e3") });
        Assert.Equal("select -1.5e3 where x = 'alice'", s.Sql);
        Assert.Equal("""{"n":["-1.5e3"],"who":["alice"]}""", s.ParametersJson());
    }

    [Theory]
    [InlineData("1; drop table t")]
    [InlineData("1 or 1=1")]
    [InlineData("0x10")]
    [InlineData("")]
    [InlineData("1e")]
    public void A_number_parameter_accepts_only_a_number(string value)
    {
        var e = Assert.Throws<ParameterException>(() => ParameterSubstitution.Apply("select {{n}}", [Number],
            new Dictionary<string, ParameterValue> { ["n"] = ParameterValue.Single(value) }));
        Assert.Contains("'n' must be a number", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_and_enum_values_have_their_quotes_doubled()
    {
        var s = ParameterSubstitution.Apply("select '{{who}}', '{{chain}}'", [Text, Chain], new Dictionary<string, ParameterValue>
        {
            ["who"] = ParameterValue.Single("x' or '1'='1"),
            ["chain"] = ParameterValue.Single("o'brien"),
        });
        Assert.Equal("select 'x'' or ''1''=''1', 'o''brien'", s.Sql);
    }

    [Fact]
    public void An_enum_value_outside_its_options_is_refused_naming_them()
    {
        var e = Assert.Throws<ParameterException>(() => ParameterSubstitution.Apply("select '{{chain}}'", [Chain],
            new Dictionary<string, ParameterValue> { ["chain"] = ParameterValue.Single("solana") }));
        Assert.Equal("parameter 'chain' must be one of [ethereum, base, o'brien], got 'solana'", e.Message);
    }

    [Fact]
    public void Datetimes_are_normalised_and_bad_ones_refused()
    {
        var s = ParameterSubstitution.Apply("'{{day}}'", [Day], new Dictionary<string, ParameterValue> { ["day"] = ParameterValue.Single("2024-05-06T07:08:09Z") });
        Assert.Equal("'2024-05-06 07:08:09'", s.Sql);
        Assert.Equal("2024-05-06 00:00:00", ParameterSubstitution.Normalise(Day, "2024-05-06"));
        Assert.Throws<ParameterException>(() => ParameterSubstitution.Normalise(Day, "yesterday"));
        Assert.Throws<ParameterException>(() => ParameterSubstitution.Normalise(Day, "2024-13-01"));
    }

    [Fact]
    public void Multi_select_values_become_a_quoted_list()
    {
        var byDefault = ParameterSubstitution.Apply("where c in ({{chains}})", [Chains], None);
        Assert.Equal("where c in ('ethereum','base')", byDefault.Sql);
        var supplied = ParameterSubstitution.Apply("where c in ({{chains}})", [Chains],
            new Dictionary<string, ParameterValue> { ["chains"] = new(["base"], true) });
        Assert.Equal("where c in ('base')", supplied.Sql);
        Assert.Throws<ParameterException>(() => ParameterSubstitution.Apply("({{chains}})", [Chains],
            new Dictionary<string, ParameterValue> { ["chains"] = new([], true) }));
    }

    [Fact]
    public void A_list_for_a_single_value_parameter_is_refused()
    {
        var e = Assert.Throws<ParameterException>(() => ParameterSubstitution.Apply("{{n}}", [Number],
            new Dictionary<string, ParameterValue> { ["n"] = new(["1", "2"], true) }));
        Assert.Equal("parameter 'n' takes one value, got a list", e.Message);
    }

    [Fact]
    public void Unknown_names_and_undefined_placeholders_are_refused()
    {
        var unknown = Assert.Throws<ParameterException>(() => ParameterSubstitution.Apply("select 1", [Number],
            new Dictionary<string, ParameterValue> { ["zz"] = ParameterValue.Single("1"), ["aa"] = ParameterValue.Single("1") }));
        Assert.Equal("unknown parameters (aa, zz)", unknown.Message);
        var undefined = Assert.Throws<ParameterException>(() => ParameterSubstitution.Apply("select {{missing}}", [], None));
        Assert.Contains("'missing'", undefined.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "text", "x", "every parameter needs a key")]
    [InlineData("k", "json", "x", "type must be one of")]
    [InlineData("k", "number", "ten", "must be a number")]
    public void Bad_definitions_are_refused(string key, string type, string value, string expected)
    {
        var e = Assert.Throws<ParameterException>(() => ParameterSubstitution.ValidateDefinition(new QueryParameter(key, type, value)));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_enums_can_be_multi_select_and_enums_need_options()
    {
        Assert.Throws<ParameterException>(() => ParameterSubstitution.ValidateDefinition(new QueryParameter("k", "text", "a", IsMultiselect: true)));
        Assert.Throws<ParameterException>(() => ParameterSubstitution.ValidateDefinition(new QueryParameter("k", "enum", "a")));
        Assert.Throws<ParameterException>(() => ParameterSubstitution.SplitDefaultList("[1,"));
        Assert.Equal(["a", "b"], ParameterSubstitution.SplitDefaultList(" a , b "));
    }

    [Fact]
    public void Names_lists_each_placeholder_once_in_order_of_first_use()
    {
        Assert.Equal(["b", "a"], ParameterSubstitution.Names("{{b}} {{ a }} {{b}}"));
    }

    /// <summary>Any offset in the substituted SQL maps back into the text the user wrote: outside values
    /// to the same character, inside a value to the start of its placeholder.</summary>
    [Fact]
    public void MapBack_points_into_the_users_text()
    {
        var gen = Gen.Select(Gen.String[Gen.Char["ab \n"], 0, 6].Array[1, 5], Gen.String[Gen.Char["0123456789"], 1, 12]);
        gen.Sample((pieces, value) =>
        {
            string sql = string.Join("{{n}}", pieces);
            var s = ParameterSubstitution.Apply(sql, [Number], new Dictionary<string, ParameterValue> { ["n"] = ParameterValue.Single(value) });
            int output = 0, input = 0;
            for (int p = 0; p < pieces.Length; p++)
            {
                for (int k = 0; k < pieces[p].Length; k++)
                {
                    if (s.MapBack(output + k) != input + k)
                    {
                        return false;
                    }
                }
                output += pieces[p].Length;
                input += pieces[p].Length;
                if (p < pieces.Length - 1)
                {
                    for (int k = 0; k < value.Length; k++)
                    {
                        if (s.MapBack(output + k) != input)
                        {
                            return false;
                        }
                    }
                    output += value.Length;
                    input += "{{n}}".Length;
                }
            }
            return s.MapBack(output) == input;
        });
    }

    [Theory]
    [InlineData("abc", 0, 1, 1)]
    [InlineData("abc", 2, 1, 3)]
    [InlineData("a\nbc", 2, 2, 1)]
    [InlineData("a\nbc", 4, 2, 3)]
    [InlineData("a\n\nb", 3, 3, 1)]
    public void Line_and_column_round_trip(string text, int offset, int line, int column)
    {
        Assert.Equal((line, column), ParameterSubstitution.LineColumnOf(text, offset));
        Assert.Equal(offset, ParameterSubstitution.OffsetOf(text, line, column));
    }
}
