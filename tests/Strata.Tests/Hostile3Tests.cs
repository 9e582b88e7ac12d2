using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Strata.Core.Queries;
using Strata.Engine.DuckDb;
using Strata.Server.Apis;

namespace Strata.Tests;

/// <summary>
/// The third hostile pass (docs/notes/hostile3.md), in process. <c>json_execute_serialized_sql</c> runs a SELECT
/// given as text, so every function the sandbox refuses by name (duckdb_settings, duckdb_databases, current_setting)
/// ran through it and showed the server's paths; the logging functions changed the locked instance's settings.
/// </summary>
public sealed class Hostile3Tests
{
    /// <summary>The name the sandbox refuses in <paramref name="sql"/>, read from DuckDB's own parse tree as the engine does.</summary>
    private static string? HiddenName(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        // json_serialize_sql takes only a constant, as the engine gives it.
        command.CommandText = $"SELECT json_serialize_sql({Strata.Core.Results.Querying.SqlQuoting.QuoteString(sql)})";
        string json = (string)command.ExecuteScalar()!;
        return StatementReferences.Parse(json, new HashSet<string>()).HiddenName;
    }

    [Theory]
    [InlineData("select * from json_execute_serialized_sql(json_serialize_sql('select * from duckdb_settings()'))", "json_execute_serialized_sql")]
    [InlineData("select * from JSON_EXECUTE_SERIALIZED_SQL('{}')", "JSON_EXECUTE_SERIALIZED_SQL")]
    [InlineData("with s as (select * from json_execute_serialized_sql(json_serialize_sql('select path from duckdb_databases()'))) select * from s", "json_execute_serialized_sql")]
    [InlineData("select * from enable_logging(level:='trace')", "enable_logging")]
    [InlineData("select * from disable_logging()", "disable_logging")]
    [InlineData("select * from truncate_duckdb_logs()", "truncate_duckdb_logs")]
    [InlineData("select * from duckdb_logs_parsed('QueryLog')", "duckdb_logs_parsed")]
    [InlineData("select write_log('x') as w", "write_log")]
    [InlineData("select * from enable_profiling()", "enable_profiling")]
    public void Functions_that_run_sql_text_or_change_settings_are_refused_by_name(string sql, string name) =>
        Assert.Equal(name, HiddenName(sql), ignoreCase: true);

    [Theory]
    [InlineData("select json_serialize_sql('select 1') as s")]
    [InlineData("select json_deserialize_sql(json_serialize_sql('select 1')) as s")]
    [InlineData("select * from range(3)")]
    public void Functions_that_only_read_or_print_sql_text_still_run(string sql) => Assert.Null(HiddenName(sql));

    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void Many_parameter_definitions_are_read_in_linear_time()
    {
        // 150,000 definitions: each was compared with every earlier one (11e9 string compares, minutes).
        var json = new StringBuilder("{\"parameters\":[");
        for (int i = 0; i < 150_000; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"key\":\"p").Append(i).Append("\",\"type\":\"text\",\"value\":\"v\"}");
        }
        using var body = JsonDocument.Parse(json.Append("]}").ToString());
        var clock = ThreadCpu.StartNew();
        // hostile4: past 1,000 a list is refused before any is read; up to it each is read once.
        var tooMany = Assert.Throws<Strata.Application.UseCaseException>(() => QueryRequestParsing.ParseDefinitions(body.RootElement.GetProperty("parameters"), default));
        Assert.Contains("at most 1000", tooMany.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < Bound, $"{clock.Elapsed} for 150,000 definitions");
        using var most = JsonDocument.Parse("{\"parameters\":[" + string.Join(",", Enumerable.Range(0, 1000).Select(i => $"{{\"key\":\"p{i}\",\"type\":\"text\",\"value\":\"v\"}}")) + "]}");
        Assert.Equal(1000, QueryRequestParsing.ParseDefinitions(most.RootElement.GetProperty("parameters"), default)!.Count);

        using var twice = JsonDocument.Parse("{\"parameters\":[{\"key\":\"a\",\"type\":\"text\",\"value\":\"\"},{\"key\":\"a\",\"type\":\"text\",\"value\":\"\"}]}");
        var refused = Assert.Throws<Strata.Application.UseCaseException>(() => QueryRequestParsing.ParseDefinitions(twice.RootElement.GetProperty("parameters"), default));
        Assert.Contains("'a' is defined twice", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_multi_select_list_against_many_options_is_checked_in_linear_time()
    {
        // 100,000 values against 100,000 options: each value was looked for in the option list (5e9 compares);
        // 20,000 against 20,000 took 9 s of a request thread on the server.
        string[] options = Enumerable.Range(0, 100_000).Select(i => "o" + i).ToArray();
        var definition = ParameterSubstitution.ValidateDefinition(new QueryParameter("e", "enum", "[\"o0\"]", null, options, IsMultiselect: true));
        var values = Enumerable.Range(0, 100_000).Select(i => "o" + (99_999 - (i % 50))).ToArray();
        var clock = ThreadCpu.StartNew();
        var substituted = ParameterSubstitution.Apply("select 1 as n where 'o1' in ({{e}})", [definition],
            new Dictionary<string, ParameterValue> { ["e"] = new(values, true) }, maxBytes: 16L << 20);
        Assert.True(clock.Elapsed < Bound, $"{clock.Elapsed} for 100,000 values");
        Assert.Contains("'o99999','o99998'", substituted.Sql, StringComparison.Ordinal);

        // A value that is not an option is named, and the message lists a few options, not 100,000.
        var refused = Assert.Throws<ParameterException>(() => ParameterSubstitution.Apply("select {{e}}", [definition],
            new Dictionary<string, ParameterValue> { ["e"] = new(["o1", "nope"], true) }));
        Assert.Contains("got 'nope'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("(100000 options)", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.Message.Length < 1000, $"{refused.Message.Length} characters");
    }
}
