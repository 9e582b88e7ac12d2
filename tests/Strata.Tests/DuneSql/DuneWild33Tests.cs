namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 333 (docs/notes/dune-wild33.md): two gaps a probe of real queries found.
/// <list type="bullet">
/// <item>Spellbook's likely-bot label models (labels_base_likely_bot_contracts and its kin) filter their groups with
/// <c>HAVING COUNT(*) / (cast(date_diff('second', MIN(block_time), MAX(block_time)) as double) / (60.0*60.0)) >= 25</c>:
/// a cast to double or varchar of an aggregate in HAVING failed ("'_1' must be an aggregate expression or appear in
/// GROUP BY clause"), as did format(…) of one. The translator evaluates such an argument once as a field of a lambda's
/// parameter, and DuckDB binds a dotted field of a lambda parameter in HAVING as a column of the grouped query; the field
/// is now read by subscript. Trino keeps the groups whose HAVING predicate is true (the expected rows below).</item>
/// <item>Spellbook's
/// magiceden_solana_events and opensea_solana_events call <c>from_base58(p.contract_address)</c> over prices.usd, whose
/// contract_address is a varbinary: Dune refuses the call, and Strata said "Unexpected parameters for function
/// from_base58" with neither the type given nor the one expected. Trino's FunctionResolver words a call no signature takes
/// as "Unexpected parameters (%s) for function %s. Expected: %s"; the signatures are Dune's pages' (base58.mdx
/// <c>from_base58(varchar)</c>, tronaddress.mdx <c>from_tron_address(varchar)</c>, ss58.mdx <c>from_ss58(varchar)</c>,
/// tonaddress.mdx <c>ton_address_user_friendly_to_raw(varchar)</c>).</item>
/// </list>
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild33Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    // Groups a = 1 (b: 1, 2; two hours apart) and a = 2 (b: 5, 5; half an hour apart): only the predicate's groups are kept.
    [InlineData("HAVING cast(max(b) AS double) > 3", "2")]
    [InlineData("HAVING cast(sum(b) AS varchar) = '10'", "2")]
    [InlineData("HAVING try_cast(sum(b) AS double) < 4", "1")]
    [InlineData("HAVING format('%d', max(b)) = '5'", "2")]
    [InlineData("HAVING cast(max(b) AS double) > 3 OR cast(min(b) AS varchar) = '1'", "1;2")]
    // The spellbook models' rate of rows an hour: a = 1 has 1, a = 2 has 4.
    [InlineData("HAVING count(*) / (cast(date_diff('second', min(ts), max(ts)) AS double) / (60.0 * 60.0)) >= 2", "2")]
    public async Task A_cast_or_format_of_an_aggregate_filters_groups_in_having(string having, string expected)
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT a FROM (VALUES (1, 1, TIMESTAMP '2024-01-01 00:00:00'), (1, 2, TIMESTAMP '2024-01-01 02:00:00'), "
            + "(2, 5, TIMESTAMP '2024-01-01 00:00:00'), (2, 5, TIMESTAMP '2024-01-01 00:30:00')) AS t(a, b, ts) GROUP BY a " + having + " ORDER BY a");
        Assert.Equal(["a", .. expected.Split(';')], rows);
    }

    [Theory]
    // A varbinary column (the spellbook models' case), a varbinary and an integer literal, each native function of one signature.
    [InlineData("SELECT from_base58(x) FROM (VALUES (0x01)) AS t(x)",
        "Unexpected parameters (varbinary) for function from_base58. Expected: from_base58(varchar)")]
    [InlineData("SELECT from_base58(0x01)", "Unexpected parameters (varbinary) for function from_base58. Expected: from_base58(varchar)")]
    [InlineData("SELECT from_base58(x) FROM (VALUES (1)) AS t(x)", "Unexpected parameters (integer) for function from_base58. Expected: from_base58(varchar)")]
    [InlineData("SELECT from_tron_address(x) FROM (VALUES (0x41)) AS t(x)",
        "Unexpected parameters (varbinary) for function from_tron_address. Expected: from_tron_address(varchar)")]
    [InlineData("SELECT from_ss58(x) FROM (VALUES (0x01)) AS t(x)", "Unexpected parameters (varbinary) for function from_ss58. Expected: from_ss58(varchar)")]
    [InlineData("SELECT ton_address_user_friendly_to_raw(x) FROM (VALUES (true)) AS t(x)",
        "Unexpected parameters (boolean) for function ton_address_user_friendly_to_raw. Expected: ton_address_user_friendly_to_raw(varchar)")]
    public async Task A_native_function_given_another_type_names_the_types_and_its_signature(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task The_refusal_is_at_the_call_as_the_user_wrote_it()
    {
        var (message, line, column) = await Server.Alice.RunToFailureAtAsync("SELECT 1 AS a,\n  From_Base58(x) AS b FROM (VALUES (0x01)) AS t(x)");
        Assert.Equal(("Unexpected parameters (varbinary) for function from_base58. Expected: from_base58(varchar)", 2, 3), (message, line, column));
    }

    [Fact]
    public async Task A_varchar_still_decodes()
    {
        // base58.mdx: from_base58('3DZBMRwnSU8f') results in VARBINARY 0x030094357700000000.
        Assert.Equal(["r", "0x030094357700000000"], await Server.Alice.RunCsvAsync("SELECT from_base58(x) AS r FROM (VALUES ('3DZBMRwnSU8f')) AS t(x)"));
    }
}
