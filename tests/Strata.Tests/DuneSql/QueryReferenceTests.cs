using System.Net;
using System.Text.Json.Nodes;
using Strata.Application.Queries;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>DuneSQL query views (<c>query_&lt;id&gt;</c>) through the HTTP API.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class QueryReferenceTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private static async Task<long> CreateAsync(HttpClient client, string sql, bool isPrivate = true, JsonArray? parameters = null, string? engine = null)
    {
        var request = new JsonObject { ["name"] = "view", ["query_sql"] = sql, ["is_private"] = isPrivate };
        if (parameters is not null)
        {
            request["parameters"] = parameters;
        }
        if (engine is not null)
        {
            request["query_engine"] = engine;
        }
        var (status, body, _) = await client.PostJsonAsync("/api/v1/query", request.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
        return body!["query_id"]!.GetValue<long>();
    }

    private static async Task PatchSqlAsync(HttpClient client, long id, string sql)
    {
        var (status, body, _) = await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{id}", new JsonObject { ["query_sql"] = sql }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, body?.ToJsonString());
    }

    private async Task<JsonNode> RowsAsync(string sql, HttpClient? client = null) =>
        (await (client ?? Server.Alice).RunAsync(sql))["result"]!["rows"]!;

    private async Task<JsonNode> FailureAsync(string sql, HttpClient? client = null)
    {
        client ??= Server.Alice;
        var status = await client.WaitAsync(await client.SubmitAsync(sql));
        Assert.True(status["state"]!.GetValue<string>() == "QUERY_STATE_FAILED", status.ToJsonString());
        return status["error"]!;
    }

    /// <summary>max_age_hours reuses a result only while every query it reads (at any depth) is as it was.</summary>
    [Fact]
    public async Task Reuse_by_max_age_stops_once_a_referenced_query_changed()
    {
        string tag = Guid.NewGuid().ToString("N")[..8];
        long inner = await CreateAsync(Server.Alice, $"select '{tag}' as t, 1 as v");
        long middle = await CreateAsync(Server.Alice, $"select t, v from query_{inner}");
        string sql = $"select t, v from query_{middle}";
        async Task<JsonNode> ExecuteAsync() =>
            (await Server.Alice.PostJsonAsync("/api/v1/sql/execute?max_age_hours=1&wait=30", Api.SqlBody(sql))).Body!;

        var first = await ExecuteAsync();
        Assert.Equal("QUERY_STATE_COMPLETED", first["state"]!.GetValue<string>());
        var again = await ExecuteAsync();
        Assert.Equal("completed_result", again["reuse"]!.GetValue<string>());
        Assert.Equal(first["execution_id"]!.GetValue<string>(), again["execution_id"]!.GetValue<string>());

        // The query two levels down changes: a new run, with the new answer, and that one is reused in turn.
        await PatchSqlAsync(Server.Alice, inner, $"select '{tag}' as t, 2 as v");
        var changed = await ExecuteAsync();
        Assert.Equal("none", changed["reuse"]!.GetValue<string>());
        Assert.NotEqual(first["execution_id"]!.GetValue<string>(), changed["execution_id"]!.GetValue<string>());
        var rows = (await Server.Alice.GetJsonAsync($"/api/v1/execution/{changed["execution_id"]!.GetValue<string>()}/results")).Body!["result"]!["rows"]!;
        Assert.Equal(2, rows[0]!["v"]!.GetValue<long>());
        Assert.Equal("completed_result", (await ExecuteAsync())["reuse"]!.GetValue<string>());
    }

    /// <summary>Dune's query-a-query.mdx: "you cannot query select 1 or select count(*) from ethereum.transactions, but you can
    /// query select 1 as v and select count(*) as total from ethereum.transactions".</summary>
    [Fact]
    public async Task A_query_with_an_unnamed_output_column_cannot_be_read_as_a_view()
    {
        long unnamed = await CreateAsync(Server.Alice, "select 1 as v, count(*) from ethereum.transactions");
        string sql = $"select *\nfrom query_{unnamed}";
        var error = await FailureAsync(sql);
        Assert.Contains($"query_{unnamed}: output column 2 has no name", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(2, error["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(6, error["metadata"]!["column"]!.GetValue<int>());

        long named = await CreateAsync(Server.Alice, "select 1 as v, count(*) as total from ethereum.transactions");
        Assert.Equal(1, (await RowsAsync($"select v from query_{named}"))[0]!["v"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("select 1", 1)]
    [InlineData("select count(*) from ethereum.transactions", 1)]
    [InlineData("select a, b + 1 from t", 2)]
    [InlineData("select distinct a, case when a > 1 then 1 else 0 end from t", 2)]
    [InlineData("with x as (select 1) select a as b, 0xab from x", 2)]
    [InlineData("select 1 as v union all select 2", null)]
    [InlineData("select 1 as v, count(*) total, t.a, \"b\", t.*, x.y z, cast(a as int) c from t", null)]
    [InlineData("with x as (select 1) select * from x", null)]
    [InlineData("select a from (select 1) t", null)]
    public void Unnamed_columns_are_found_in_the_first_select_list(string sql, int? expected) =>
        Assert.Equal(expected, QueryViewColumns.FirstUnnamed(sql));

    [Fact]
    public async Task Own_query_is_read_as_a_table_with_or_without_an_alias()
    {
        // A trailing semicolon and a trailing line comment in the referenced text must not break the inlining.
        long id = await CreateAsync(Server.Alice, "select 7 / 2 as v, 0xabcd as b;\n-- trailing comment");
        var rows = await RowsAsync($"select v, to_hex(b) as h from query_{id}");
        Assert.Equal(3, rows[0]!["v"]!.GetValue<long>());
        Assert.Equal("abcd", rows[0]!["h"]!.GetValue<string>());
        rows = await RowsAsync($"select q.v + r.v as s from query_{id} q join query_{id} as r on q.v = r.v, QUERY_{id} t where t.v = 3");
        Assert.Equal(6, rows[0]!["s"]!.GetValue<long>());
        rows = await RowsAsync($"select query_{id}.v from \"query_{id}\" where query_{id}.v = 3");
        Assert.Equal(3, rows[0]!["v"]!.GetValue<long>());
    }

    [Fact]
    public async Task Names_in_strings_comments_columns_and_ctes_are_not_references()
    {
        var rows = await RowsAsync("with query_999999 as (select 5 as v)\nselect 'query_999999' as s, v as query_999998 /* from query_999997 */ from query_999999 -- from query_1");
        Assert.Equal("query_999999", rows[0]!["s"]!.GetValue<string>());
        Assert.Equal(5, rows[0]!["query_999998"]!.GetValue<long>());
    }

    [Fact]
    public async Task Public_query_of_another_owner_is_readable_private_one_is_not_found_exactly_as_a_missing_one()
    {
        long open = await CreateAsync(Server.Bob, "select 'bob public' as who", isPrivate: false);
        long closed = await CreateAsync(Server.Bob, "select 'bob secret' as who", isPrivate: true);
        Assert.Equal("bob public", (await RowsAsync($"select who from query_{open}"))[0]!["who"]!.GetValue<string>());

        const long missing = 987654321;
        var privateError = await FailureAsync($"select who from query_{closed}");
        var missingError = await FailureAsync($"select who from query_{missing}");
        Assert.Equal(
            missingError["message"]!.GetValue<string>().Replace(missing.ToString(), "N", StringComparison.Ordinal),
            privateError["message"]!.GetValue<string>().Replace(closed.ToString(), "N", StringComparison.Ordinal));
        Assert.Equal(missingError["type"]!.GetValue<string>(), privateError["type"]!.GetValue<string>());
        Assert.Contains("not found", privateError["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", privateError.ToJsonString(), StringComparison.Ordinal);
        // Its owner reads it.
        Assert.Equal("bob secret", (await RowsAsync($"select who from query_{closed}", Server.Bob))[0]!["who"]!.GetValue<string>());
    }

    [Fact]
    public async Task Missing_reference_fails_at_its_position()
    {
        var error = await FailureAsync("select *\nfrom   query_987654322");
        Assert.Equal(2, error["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(8, error["metadata"]!["column"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cycles_fail_clearly_including_a_saved_query_that_reads_itself()
    {
        long a = await CreateAsync(Server.Alice, "select 1 as v");
        long b = await CreateAsync(Server.Alice, $"select v from query_{a}");
        await PatchSqlAsync(Server.Alice, a, $"select v from query_{b}");
        var error = await FailureAsync($"select v from query_{a}");
        Assert.Contains("cycle", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"query_{a} -> query_{b} -> query_{a}", error["message"]!.GetValue<string>(), StringComparison.Ordinal);

        long self = await CreateAsync(Server.Alice, "select 1 as v");
        await PatchSqlAsync(Server.Alice, self, $"select v from query_{self}");
        var (_, submitted, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{self}/execute", "{}");
        var status = await Server.Alice.WaitAsync(submitted!["execution_id"]!.GetValue<string>());
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains("cycle", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nesting_is_bounded()
    {
        var chain = new List<long> { await CreateAsync(Server.Alice, "select 1 as v") };
        for (int i = 1; i <= QueryReferences.MaxDepth; i++)
        {
            chain.Add(await CreateAsync(Server.Alice, $"select v + 1 as v from query_{chain[^1]}"));
        }
        // MaxDepth queries deep: runs. One more: refused, naming the limit.
        Assert.Equal(QueryReferences.MaxDepth, (await RowsAsync($"select v from query_{chain[QueryReferences.MaxDepth - 1]}"))[0]!["v"]!.GetValue<long>());
        var error = await FailureAsync($"select v from query_{chain[QueryReferences.MaxDepth]}");
        Assert.Contains($"deeper than {QueryReferences.MaxDepth}", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, error["metadata"]!["column"]!.GetValue<int>() - "select v from ".Length);
    }

    [Fact]
    public async Task Inlined_size_is_bounded_by_MaxSqlBytes()
    {
        // 40 copies of a 30 KB text pass 1 MiB (well within the copies' bound, QueryReferences.MaxInlinedReferences).
        long q = await CreateAsync(Server.Alice, "select '" + new string('x', 30_000) + "' as v");
        q = await CreateAsync(Server.Alice, string.Join("\nunion all ", Enumerable.Repeat($"select v from query_{q}", 40)));
        var error = await FailureAsync($"select count(*) as n from query_{q}");
        Assert.Contains("MaxSqlBytes", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_number_of_distinct_queries_read_is_bounded()
    {
        var ids = new List<long>();
        for (int i = 0; i <= QueryReferences.MaxQueries; i++)
        {
            ids.Add(await CreateAsync(Server.Alice, $"select {i} as v"));
        }
        string Sql(IEnumerable<long> some) => "select count(*) as n from (" + string.Join("\nunion all ", some.Select(id => $"select v from query_{id}")) + ") t";
        Assert.Equal(QueryReferences.MaxQueries, (await RowsAsync(Sql(ids.Take(QueryReferences.MaxQueries))))[0]!["n"]!.GetValue<long>());
        var error = await FailureAsync(Sql(ids));
        Assert.Contains($"more than {QueryReferences.MaxQueries} saved queries", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_take_their_defaults_or_the_values_the_quoted_form_passes()
    {
        var parameters = new JsonArray
        {
            new JsonObject { ["key"] = "n", ["type"] = "number", ["value"] = "5" },
            new JsonObject { ["key"] = "chain", ["type"] = "text", ["value"] = "ethereum" },
        };
        long id = await CreateAsync(Server.Alice, "select {{n}} * 2 as v, '{{chain}}' as c", parameters: parameters);
        var rows = await RowsAsync($"select v, c from query_{id}");
        Assert.Equal(10, rows[0]!["v"]!.GetValue<long>());
        Assert.Equal("ethereum", rows[0]!["c"]!.GetValue<string>());
        rows = await RowsAsync($"select v, c from \"query_{id}(n='7', chain='it\\'s')\"");
        Assert.Equal(14, rows[0]!["v"]!.GetValue<long>());
        Assert.Equal("it's", rows[0]!["c"]!.GetValue<string>());
        var error = await FailureAsync($"select v from \"query_{id}(n='seven')\"");
        Assert.Contains("n", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>Dune's query-a-query.mdx: the view's values are strings in single quotes, the receiving query quoting a text
    /// parameter itself (<c>where blockchain = '{{blockchain}}'</c>, <c>"query_3256410(blockchain='ethereum')"</c>); evm-balances.mdx
    /// writes spaces around <c>=</c>. One view read with two different values is two different subqueries; a view of a view
    /// passes its own values on.</summary>
    [Fact]
    public async Task Quoted_views_pass_values_as_dunes_docs_write_them()
    {
        var parameters = new JsonArray
        {
            new JsonObject { ["key"] = "blockchain", ["type"] = "text", ["value"] = "ethereum" },
            new JsonObject { ["key"] = "days", ["type"] = "number", ["value"] = "7" },
        };
        long id = await CreateAsync(Server.Alice, "select '{{blockchain}}' as chain, {{days}} * 2 as twice", parameters: parameters);
        var rows = await RowsAsync($"select a.chain, a.twice, b.chain as other\nfrom \"query_{id}(blockchain = 'base', days='3')\" a\n"
            + $"cross join \"query_{id}(blockchain='optimism')\" b");
        Assert.Equal("base", rows[0]!["chain"]!.GetValue<string>());
        Assert.Equal(6, rows[0]!["twice"]!.GetValue<long>());
        Assert.Equal("optimism", rows[0]!["other"]!.GetValue<string>());
        long outer = await CreateAsync(Server.Alice, $"select chain from \"query_{id}(blockchain='gnosis')\"");
        Assert.Equal("gnosis", (await RowsAsync($"select chain from query_{outer}"))[0]!["chain"]!.GetValue<string>());
    }

    /// <summary>query-a-query.mdx: a query that does not quote its parameter (<c>where blockchain = {{blockchain}}</c>) is
    /// passed the quotes in the value, <c>"query_3256410(blockchain='\'ethereum\'')"</c>, which Dune's macro substitutes as
    /// written. The value is SQL the caller writes in their own text and runs with the caller's rights: a reference inside it
    /// to someone else's private query is "not found" as anywhere else.</summary>
    [Fact]
    public async Task Quoted_views_take_quotes_in_the_value_for_an_unquoted_parameter()
    {
        var parameters = new JsonArray { new JsonObject { ["key"] = "blockchain", ["type"] = "text", ["value"] = "ethereum" } };
        long id = await CreateAsync(Server.Bob, "select chain from (values ('ethereum'), ('base'), ('it''s')) t(chain) where chain = {{blockchain}}",
            isPrivate: false, parameters: parameters);
        var rows = await RowsAsync($"select chain from \"query_{id}(blockchain='\\'base\\'')\"");
        Assert.Single(rows.AsArray());
        Assert.Equal("base", rows[0]!["chain"]!.GetValue<string>());
        rows = await RowsAsync($"select chain from \"query_{id}(blockchain='\\'it\\'\\'s\\'')\"");
        Assert.Equal("it's", rows[0]!["chain"]!.GetValue<string>());
        long closed = await CreateAsync(Server.Bob, "select 'bob secret' as chain", isPrivate: true);
        var error = await FailureAsync($"select chain from \"query_{id}(blockchain='(select chain from query_{closed})')\"");
        Assert.Contains($"query_{closed} not found", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    /// <summary>A quoted name that begins as a query view but whose parameter list cannot be read (a value without quotes, a
    /// missing parenthesis or quote, a name given twice) is refused at its position saying how the list is written, not
    /// looked up as a table called that; so is one inside a referenced query, naming the path.</summary>
    [Fact]
    public async Task Malformed_quoted_views_are_refused_saying_how_to_write_them()
    {
        long id = await CreateAsync(Server.Alice, "select 1 as v");
        foreach (string form in new[] { $"query_{id}(n=7)", $"query_{id}(n='7'", $"query_{id}(n='7)", $"query_{id}(n='1', n='2')", $"query_{id}(n='1' m='2')" })
        {
            var error = await FailureAsync($"select v\n  from \"{form}\"");
            string message = error["message"]!.GetValue<string>();
            Assert.StartsWith($"\"{form}\" is not a query view Strata can read", message, StringComparison.Ordinal);
            Assert.Contains("name='value'", message, StringComparison.Ordinal);
            Assert.Equal(2, error["metadata"]!["line"]!.GetValue<int>());
            Assert.Equal(8, error["metadata"]!["column"]!.GetValue<int>());
        }
        long through = await CreateAsync(Server.Alice, $"select v from \"query_{id}(n=7)\"");
        var nested = await FailureAsync($"select v from query_{through}");
        Assert.Contains($"(through query_{through})", nested["message"]!.GetValue<string>(), StringComparison.Ordinal);
        // an ordinary quoted table name that merely starts with "query_" is still a table name
        var missing = await FailureAsync("select * from \"query_abc(n='1')\"");
        Assert.DoesNotContain("is not a query view", missing["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_positions_point_into_the_users_text()
    {
        long good = await CreateAsync(Server.Alice, "select 1 as v,\n 2 as w");
        // After the inlined text: the user's own line and column.
        const string after = "select v,\n  nosuch from query_{0} where w = 2";
        var error = await FailureAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, after, good));
        Assert.Equal(2, error["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(3, error["metadata"]!["column"]!.GetValue<int>());
        error = await FailureAsync($"select v from query_{good}\nwhere v = 1 and\n    nosuch2 = 1");
        Assert.Equal(3, error["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(5, error["metadata"]!["column"]!.GetValue<int>());

        // Inside the referenced query: at the reference, naming the query the error is in.
        long bad = await CreateAsync(Server.Alice, "select\n  nosuch3 as v");
        error = await FailureAsync($"select v\n  from query_{bad}");
        Assert.Equal(2, error["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(8, error["metadata"]!["column"]!.GetValue<int>());
        Assert.StartsWith($"in query_{bad}: ", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Archived_and_DuckDB_SQL_queries_cannot_be_read_as_views()
    {
        long archived = await CreateAsync(Server.Alice, "select 1 as v");
        await Server.Alice.PostJsonAsync($"/api/v1/query/{archived}/archive", "{}");
        Assert.Contains("archived", (await FailureAsync($"select v from query_{archived}"))["message"]!.GetValue<string>(), StringComparison.Ordinal);
        long native = await CreateAsync(Server.Alice, "select 1 as v", engine: "duckdb");
        Assert.Contains("DuckDB SQL", (await FailureAsync($"select v from query_{native}"))["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Native_dialect_does_not_resolve_references()
    {
        long id = await CreateAsync(Server.Alice, "select 1 as v");
        var (_, body, _) = await Server.Alice.PostJsonAsync("/api/v1/sql/execute",
            new JsonObject { ["sql"] = $"select v from query_{id}", ["query_engine"] = "duckdb" }.ToJsonString());
        var status = await Server.Alice.WaitAsync(body!["execution_id"]!.GetValue<string>());
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains($"query_{id}", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}

/// <summary>The reference finder on its own (no server).</summary>
public sealed class QueryReferenceFinderTests
{
    [Theory]
    [InlineData("select * from query_12", 12, false)]
    [InlineData("select * from query_12 q", 12, true)]
    [InlineData("select * from query_12 as q", 12, true)]
    [InlineData("select * from query_12 where 1 = 1", 12, false)]
    [InlineData("select * from a join query_12 on true", 12, false)]
    [InlineData("select * from a, query_12", 12, false)]
    [InlineData("select * from (select * from query_12) x", 12, false)]
    [InlineData("select * from \"query_12(a='x', b = 'it\\'s')\" t", 12, true)]
    [InlineData("select * from t where x in (select a from query_12)", 12, false)]
    [InlineData("select 1 union all select * from query_12", 12, false)]
    [InlineData("with a as (select 1) select * from a left join query_12 using (v)", 12, false)]
    public void Finds_table_references(string sql, long id, bool alias)
    {
        var found = Assert.Single(QueryReferenceFinder.Find(sql));
        Assert.Equal(id, found.QueryId);
        Assert.Equal(alias, found.HasAlias);
    }

    [Theory]
    [InlineData("select query_12 from t")]
    [InlineData("select a, query_12 from t")]
    [InlineData("select * from t where x = 'query_12'")]
    [InlineData("select * from t -- from query_12")]
    [InlineData("select * from s.query_12")]
    [InlineData("select * from query_12.t")]
    [InlineData("select * from query_12()")]
    [InlineData("select * from query_0")]
    [InlineData("select * from query_12abc")]
    [InlineData("with query_12 as (select 1) select * from query_12")]
    [InlineData("select extract(year from query_12) from t")]
    [InlineData("select substring(s from query_12) from t")]
    public void Ignores_what_is_not_a_table_reference(string sql) =>
        Assert.Empty(QueryReferenceFinder.Find(sql));

    /// <summary>Decision 122: a quoted view whose parameter list cannot be read is a reference with a problem, refused where it is written.</summary>
    [Fact]
    public void A_quoted_view_whose_list_cannot_be_read_is_found_with_its_problem()
    {
        var found = Assert.Single(QueryReferenceFinder.Find("select * from \"query_12(a=x)\""));
        Assert.Equal(12, found.QueryId);
        Assert.Contains("name='value'", found.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_form_values_are_unescaped()
    {
        var found = Assert.Single(QueryReferenceFinder.Find("select * from \"query_3(chain='\\'eth\\'', n='1')\""));
        Assert.Equal("'eth'", found.Values["chain"]);
        Assert.Equal("1", found.Values["n"]);
    }
}
