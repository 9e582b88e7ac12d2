using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace Strata.Tests;

/// <summary>
/// Uploaded tables over real HTTP (contract section 5 "Uploaded tables" and "Usage", docs/uploads.md):
/// create, CSV upload with type inference, streamed CSV/NDJSON inserts with strict all-or-nothing
/// conversion, clear, delete, the listing with paging, the legacy <c>/api/v1/table/...</c> aliases,
/// usage, and what a query sees while inserts, clears, deletes and replaces run.
/// </summary>
[Collection(InProcessServerCollection.Name)]
public sealed class UploadsTests(InProcessSharedServer shared, GatedServer gated) : IClassFixture<GatedServer>
{
    private const string Uint256Max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
    private const string Uint256Overflow = "115792089237316195423570985008687907853269984665640564039457584007913129639936";
    private const string Int256Max = "57896044618658097711785492504343953926634992332820282019728792003956564819967";
    private const string Int256Min = "-57896044618658097711785492504343953926634992332820282019728792003956564819968";
    private const string Int256Overflow = "57896044618658097711785492504343953926634992332820282019728792003956564819968";

    private InProcessServer Server => shared.Server;

    // ------------------------------------------------------------------ create

    [Fact]
    public async Task Create_answers_the_contract_fields_and_the_table_is_listed_and_queryable()
    {
        string name = UploadApi.Name("created");
        var schema = UploadApi.Schema(
            ("id", "integer", false), ("Label", "varchar", null), ("amount", "DECIMAL(10,2)", true), ("raw", "varbinary", null),
            ("big", "uint256", null), ("signed", "int256", null), ("at", "timestamp", null), ("day", "date", null),
            ("ok", "boolean", null), ("score", "double", null), ("n", "bigint", null));
        var (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, schema, isPrivate: true, description: "made by a test");
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(
            new HashSet<string> { "namespace", "table_name", "full_name", "example_query", "already_existed", "message" },
            body!.AsObject().Select(p => p.Key).ToHashSet());
        Assert.Equal("alice", body["namespace"]!.GetValue<string>());
        Assert.Equal(name, body["table_name"]!.GetValue<string>());
        Assert.Equal($"dune.alice.{name}", body["full_name"]!.GetValue<string>());
        Assert.Equal($"SELECT * FROM dune.alice.{name} LIMIT 10", body["example_query"]!.GetValue<string>());
        Assert.False(body["already_existed"]!.GetValue<bool>());

        Assert.Equal(0, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));

        var listed = await UploadApi.FindListedAsync(Server.Alice, name);
        Assert.NotNull(listed);
        Assert.Equal($"dune.alice.{name}", listed["full_name"]!.GetValue<string>());
        Assert.Equal("alice", listed["namespace"]!.GetValue<string>());
        Assert.Equal(name, listed["table_name"]!.GetValue<string>());
        Assert.True(listed["is_private"]!.GetValue<bool>());
        Assert.Equal("made by a test", listed["description"]!.GetValue<string>());
        Assert.Equal("alice", listed["owner"]!["handle"]!.GetValue<string>());
        Assert.Equal("user", listed["owner"]!["type"]!.GetValue<string>());
        Assert.Equal(0, listed["row_count"]!.GetValue<long>());
        Assert.Equal(System.Text.Json.JsonValueKind.String, listed["table_size_bytes"]!.GetValueKind());
        Assert.Matches("^[0-9]+$", listed["table_size_bytes"]!.GetValue<string>());
        Assert.Matches(UploadApi.Rfc3339, listed["created_at"]!.GetValue<string>());
        Assert.Matches(UploadApi.Rfc3339, listed["updated_at"]!.GetValue<string>());
        Assert.Equal(
            [("id", "integer", false), ("Label", "varchar", true), ("amount", "decimal(10,2)", true), ("raw", "varbinary", true),
             ("big", "uint256", true), ("signed", "int256", true), ("at", "timestamp", true), ("day", "date", true),
             ("ok", "boolean", true), ("score", "double", true), ("n", "bigint", true)],
            UploadApi.Columns(listed));

        // The example query runs once the table has a row.
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "id,Label\n7,seven\n");
        var example = await UploadApi.RunAsync(Server.Alice, body["example_query"]!.GetValue<string>());
        Assert.Equal(["id", "Label", "amount", "raw", "big", "signed", "at", "day", "ok", "score", "n"], UploadApi.Strings(example["result"]!["metadata"]!["column_names"]));
        Assert.Equal("seven", example["result"]!["rows"]![0]!["Label"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_example_query_of_a_new_empty_table_answers_no_rows()
    {
        string name = UploadApi.Name("fresh");
        var created = await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("a", "integer", null), ("b", "varchar", null)));
        string id = await Server.Alice.SubmitAsync(created["example_query"]!.GetValue<string>());
        var state = await Server.Alice.WaitAsync(id);
        Assert.True(state["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", state.ToJsonString());
        var (status, body, response) = await Server.Alice.GetJsonAsync($"/api/v1/execution/{id}/results");
        Assert.True(status == HttpStatusCode.OK, $"{status} {await response.Content.ReadAsStringAsync()}");
        Assert.Empty(body!["result"]!["rows"]!.AsArray());
        Assert.Equal(["a", "b"], UploadApi.Strings(body["result"]!["metadata"]!["column_names"]));
        Assert.Equal(["integer", "varchar"], UploadApi.Strings(body["result"]!["metadata"]!["column_types"]));
        Assert.Equal(0, body["result"]!["metadata"]!["total_row_count"]!.GetValue<long>());
    }

    [Fact]
    public async Task Create_again_with_the_same_schema_is_already_existed_and_changes_nothing()
    {
        string name = UploadApi.Name("again");
        var schema = UploadApi.Schema(("Id", "bigint", false), ("v", "varchar", true), ("d", "decimal(12,3)", null));
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, schema);
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "Id,v,d\n1,a,1.5\n");

        // Same names (ignoring case), types (ignoring case), nullability (default true), same order.
        var same = UploadApi.Schema(("ID", "BIGINT", false), ("V", "Varchar", null), ("D", "DECIMAL(12,3)", true));
        var (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, same);
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.True(body!["already_existed"]!.GetValue<bool>());
        Assert.Equal($"dune.alice.{name}", body["full_name"]!.GetValue<string>());
        Assert.Equal(1, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));

        var different = new Dictionary<string, JsonArray>
        {
            ["extra column"] = UploadApi.Schema(("Id", "bigint", false), ("v", "varchar", true), ("d", "decimal(12,3)", null), ("e", "integer", null)),
            ["missing column"] = UploadApi.Schema(("Id", "bigint", false), ("v", "varchar", true)),
            ["other type"] = UploadApi.Schema(("Id", "integer", false), ("v", "varchar", true), ("d", "decimal(12,3)", null)),
            ["other decimal scale"] = UploadApi.Schema(("Id", "bigint", false), ("v", "varchar", true), ("d", "decimal(12,2)", null)),
            ["other nullability"] = UploadApi.Schema(("Id", "bigint", true), ("v", "varchar", true), ("d", "decimal(12,3)", null)),
            ["other order"] = UploadApi.Schema(("v", "varchar", true), ("Id", "bigint", false), ("d", "decimal(12,3)", null)),
            ["other name"] = UploadApi.Schema(("Id", "bigint", false), ("w", "varchar", true), ("d", "decimal(12,3)", null)),
        };
        foreach (var (what, other) in different)
        {
            (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, other);
            Assert.True(status == HttpStatusCode.Conflict, $"{what}: {status} {text}");
            Assert.False(string.IsNullOrWhiteSpace(body!["error"]!.GetValue<string>()));
        }
        Assert.Equal(1, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
        Assert.Equal([("Id", "bigint", false), ("v", "varchar", true), ("d", "decimal(12,3)", true)], UploadApi.Columns((await UploadApi.FindListedAsync(Server.Alice, name))!));
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("Bob")]
    [InlineData("ethereum")]
    [InlineData("erc20_ethereum")]
    [InlineData("nobody")]
    public async Task Create_in_a_namespace_other_than_the_callers_handle_is_403(string ns)
    {
        string name = UploadApi.Name("foreign");
        var (status, body, text) = await UploadApi.CreateAsync(Server.Alice, ns, name, UploadApi.Schema(("a", "integer", null)));
        Assert.True(status == HttpStatusCode.Forbidden, text);
        Assert.False(string.IsNullOrWhiteSpace(body!["error"]!.GetValue<string>()));
        Assert.Null(await UploadApi.FindListedAsync(Server.Alice, name));
        Assert.Null(await UploadApi.FindListedAsync(Server.Bob, name));
        await UploadApi.FailedAsync(Server.Bob, $"select count(*) from dune.{ns.ToLowerInvariant()}.{name}");
    }

    [Theory]
    [InlineData("")]
    [InlineData("has-dash")]
    [InlineData("has space")]
    [InlineData("dot.ted")]
    [InlineData("semi;colon")]
    [InlineData("quo\"te")]
    [InlineData("ünïcødé")]
    [InlineData("tab\tbed")]
    [InlineData("9lives")]
    [InlineData("name_129_chars_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task Create_refuses_bad_table_and_column_names(string bad)
    {
        var (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", bad, UploadApi.Schema(("a", "integer", null)));
        Assert.True(status == HttpStatusCode.BadRequest, $"table name {bad}: {status} {text}");
        Assert.False(string.IsNullOrWhiteSpace(body!["error"]!.GetValue<string>()));

        string name = UploadApi.Name("badcol");
        (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, UploadApi.Schema(("good", "integer", null), (bad, "integer", null)));
        Assert.True(status == HttpStatusCode.BadRequest, $"column name {bad}: {status} {text}");
        Assert.False(string.IsNullOrWhiteSpace(body!["error"]!.GetValue<string>()));
        Assert.Null(await UploadApi.FindListedAsync(Server.Alice, name));
    }

    [Fact]
    public async Task Create_accepts_names_at_the_edges_of_the_identifier_rules()
    {
        // 128 characters, a leading underscore, upper case (stored lower case), reserved words (as columns and as a table).
        string suffix = Guid.NewGuid().ToString("N")[..8];
        string longest = ("l" + suffix).PadRight(128, 'x');
        var cases = new[] { longest, $"_under_{suffix}", $"MiXeD_{suffix}", "order" };
        var brokenExamples = new List<string>();
        foreach (string name in cases)
        {
            var (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, UploadApi.Schema(("select", "integer", null), ("Order", "varchar", null)));
            Assert.True(status == HttpStatusCode.OK, $"{name}: {text}");
            string stored = name.ToLowerInvariant();
            Assert.Equal(stored, body!["table_name"]!.GetValue<string>());
            Assert.Equal($"dune.alice.{stored}", body["full_name"]!.GetValue<string>());
            // The path takes the name as the caller spelled it.
            await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "select,Order\n1,one\n");
            var result = await UploadApi.RunAsync(Server.Alice, $"select \"select\", \"Order\" from dune.alice.\"{stored}\"");
            Assert.Equal(["select", "Order"], UploadApi.Strings(result["result"]!["metadata"]!["column_names"]));
            Assert.Equal(1, result["result"]!["rows"]![0]!["select"]!.GetValue<int>());
            Assert.Equal("one", result["result"]!["rows"]![0]!["Order"]!.GetValue<string>());
            // What the API hands out as the example query must run as it is.
            string exampleSql = body["example_query"]!.GetValue<string>();
            string id = await Server.Alice.SubmitAsync(exampleSql);
            var state = await Server.Alice.WaitAsync(id);
            if (state["state"]!.GetValue<string>() != "QUERY_STATE_COMPLETED")
            {
                brokenExamples.Add($"{exampleSql} => {state["error"]?.ToJsonString()}");
            }
        }
        Assert.True(brokenExamples.Count == 0, "example_query does not run: " + string.Join("\n", brokenExamples));
    }

    [Theory]
    [InlineData("string")]
    [InlineData("int")]
    [InlineData("float")]
    [InlineData("text")]
    [InlineData("uint128")]
    [InlineData("hugeint")]
    [InlineData("decimal")]
    [InlineData("decimal(39,2)")]
    [InlineData("decimal(5,6)")]
    [InlineData("decimal(0,0)")]
    [InlineData("decimal(10,-1)")]
    [InlineData("array(varchar)")]
    [InlineData("varchar[]")]
    [InlineData("timestamp with time zone")]
    [InlineData("varchar; drop table x")]
    public async Task Create_refuses_unsupported_types_naming_the_column_and_type(string type)
    {
        string name = UploadApi.Name("badtype");
        var (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, UploadApi.Schema(("fine", "integer", null), ("the_column", type, null)));
        Assert.True(status == HttpStatusCode.BadRequest, $"{type}: {status} {text}");
        string message = body!["error"]!.GetValue<string>();
        Assert.Contains("the_column", message);
        Assert.Contains(type, message);
        Assert.Null(await UploadApi.FindListedAsync(Server.Alice, name));
    }

    [Fact]
    public async Task Create_refuses_a_missing_type()
    {
        string name = UploadApi.Name("notype");
        var schema = new JsonArray(new JsonObject { ["name"] = "a", ["type"] = "integer" }, new JsonObject { ["name"] = "untyped" });
        var (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, schema);
        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains("untyped", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Create_takes_at_most_1000_columns()
    {
        string name = UploadApi.Name("wide");
        var tooMany = UploadApi.Schema(Enumerable.Range(0, 1001).Select(i => ($"c{i}", "integer", (bool?)null)).ToArray());
        var (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, tooMany);
        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains("1000", body!["error"]!.GetValue<string>().Replace(",", "", StringComparison.Ordinal));
        Assert.Null(await UploadApi.FindListedAsync(Server.Alice, name));

        var most = UploadApi.Schema(Enumerable.Range(0, 1000).Select(i => ($"c{i}", "integer", (bool?)null)).ToArray());
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, most);
        string csv = string.Join(",", Enumerable.Range(0, 1000).Select(i => $"c{i}")) + "\n" + string.Join(",", Enumerable.Range(0, 1000)) + "\n";
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, csv);
        var result = await UploadApi.RunAsync(Server.Alice, $"select count(*) as n, max(c999) as last from dune.alice.{name}");
        Assert.Equal(1, result["result"]!["rows"]![0]!["n"]!.GetValue<long>());
        Assert.Equal("999", result["result"]!["rows"]![0]!["last"]!.ToJsonString());
    }

    [Theory]
    [InlineData("dup", "dup")]
    [InlineData("Dup", "dUP")]
    public async Task Create_refuses_duplicate_column_names(string first, string second)
    {
        string name = UploadApi.Name("dup");
        var (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, UploadApi.Schema((first, "integer", null), ("other", "varchar", null), (second, "varchar", null)));
        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains(second, body!["error"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Null(await UploadApi.FindListedAsync(Server.Alice, name));
    }

    [Theory]
    [InlineData("{\"table_name\":\"t_missing_ns\",\"schema\":[{\"name\":\"a\",\"type\":\"integer\"}]}", "namespace")]
    [InlineData("{\"namespace\":\"alice\",\"schema\":[{\"name\":\"a\",\"type\":\"integer\"}]}", "table_name")]
    [InlineData("{\"namespace\":\"alice\",\"table_name\":\"t_missing_schema\"}", "schema")]
    [InlineData("{\"namespace\":\"alice\",\"table_name\":\"t_empty_schema\",\"schema\":[]}", "schema")]
    [InlineData("{\"namespace\":\"alice\",\"table_name\":\"t_nameless\",\"schema\":[{\"type\":\"integer\"}]}", "name")]
    [InlineData("{\"namespace\":\"alice\",\"table_name\":\"t_bad_json\",\"schema\":[", "")]
    [InlineData("", "")]
    public async Task Create_refuses_missing_fields_and_bad_json(string json, string field)
    {
        var (status, body, _) = await Server.Alice.PostJsonAsync("/api/v1/uploads", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Legacy_create_alias_and_trailing_slash_answer_the_same()
    {
        string name = UploadApi.Name("legacy");
        var schema = UploadApi.Schema(("a", "integer", null));
        var (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, schema, path: "/api/v1/table/create");
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.False(body!["already_existed"]!.GetValue<bool>());
        Assert.Equal($"dune.alice.{name}", body["full_name"]!.GetValue<string>());
        Assert.Equal($"SELECT * FROM dune.alice.{name} LIMIT 10", body["example_query"]!.GetValue<string>());
        foreach (string path in new[] { "/api/v1/uploads/", "/api/v1/table/create/", "/api/v1/table/create" })
        {
            (status, body, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, schema, path: path);
            Assert.True(status == HttpStatusCode.OK, $"{path}: {text}");
            Assert.True(body!["already_existed"]!.GetValue<bool>(), path);
        }
        (status, _, text) = await UploadApi.CreateAsync(Server.Alice, "alice", name, UploadApi.Schema(("a", "bigint", null)), path: "/api/v1/table/create");
        Assert.True(status == HttpStatusCode.Conflict, text);
        (status, _, text) = await UploadApi.CreateAsync(Server.Alice, "bob", name, schema, path: "/api/v1/table/create");
        Assert.True(status == HttpStatusCode.Forbidden, text);
    }

    // ------------------------------------------------------------------ CSV upload (create or replace)

    [Fact]
    public async Task Csv_upload_infers_types_from_every_value_of_a_tricky_csv()
    {
        string name = UploadApi.Name("infer");
        const string csv =
            "i32,i64,i256,u256,wide,dbl,flag,day,at,bin,oddhex,txt,nothing,mixed,bits\n"
            + "1,2147483648,-1,1,18446744073709551616,1.5,true,2024-01-02,2024-01-02 03:04:05,0xdeadbeef,0xabc,\"Smith, John\",,1,1\n"
            + $"-2147483648,-9223372036854775808,{Int256Max},{Uint256Max},5,2,false,1999-12-31,2024-01-02 03:04:05.25,0x00FF,0x12345,\"line1\nline2\",,abc,0\n"
            + "2147483647,7,99999999999999999999,3,,-3e10,,2000-02-29,,,0x1,\"say \"\"hi\"\" ünïcødé ✓ 日本\",,,1\n";
        var (status, body, text) = await UploadApi.UploadCsvAsync(Server.Alice, name, csv, description: "inferred");
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.True(body!["success"]!.GetValue<bool>());
        Assert.Equal(
            new HashSet<string> { "success", "namespace", "table_name", "full_name", "example_query", "rows_written" },
            body.AsObject().Select(p => p.Key).ToHashSet());
        Assert.Equal("alice", body["namespace"]!.GetValue<string>());
        Assert.Equal($"dataset_{name}", body["table_name"]!.GetValue<string>());
        Assert.Equal($"dune.alice.dataset_{name}", body["full_name"]!.GetValue<string>());
        Assert.Equal($"SELECT * FROM dune.alice.dataset_{name} LIMIT 10", body["example_query"]!.GetValue<string>());
        Assert.Equal(3, body["rows_written"]!.GetValue<long>());

        var listed = await UploadApi.FindListedAsync(Server.Alice, $"dataset_{name}");
        Assert.NotNull(listed);
        Assert.Equal("inferred", listed["description"]!.GetValue<string>());
        Assert.False(listed["is_private"]!.GetValue<bool>());
        Assert.Equal(3, listed["row_count"]!.GetValue<long>());
        Assert.Equal(
            ["integer", "bigint", "int256", "uint256", "int256", "double", "boolean", "date", "timestamp", "varbinary", "varchar", "varchar", "varchar", "varchar", "integer"],
            UploadApi.Columns(listed).Select(c => c.Type));
        Assert.Equal(
            ["i32", "i64", "i256", "u256", "wide", "dbl", "flag", "day", "at", "bin", "oddhex", "txt", "nothing", "mixed", "bits"],
            UploadApi.Columns(listed).Select(c => c.Name));

        var result = await UploadApi.RunAsync(Server.Alice, $"select * from dune.alice.dataset_{name} order by i32");
        var types = UploadApi.Strings(result["result"]!["metadata"]!["column_types"]);
        // uint256 and int256 are two registered DuckDB types: results name each as declared (docs/notes/dunesql-types.md).
        Assert.Equal(["integer", "bigint", "int256", "uint256", "int256", "double", "boolean", "date"], types[..8]);
        Assert.StartsWith("timestamp(3)", types[8]);
        Assert.Equal(["varbinary", "varchar", "varchar", "varchar", "varchar", "integer"], types[9..]);

        var rows = result["result"]!["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        var r0 = rows[0]!;
        Assert.Equal(-2147483648, r0["i32"]!.GetValue<long>());
        Assert.Equal(long.MinValue, r0["i64"]!.GetValue<long>());
        Assert.Equal(Int256Max, r0["i256"]!.GetValue<string>());
        Assert.Equal(Uint256Max, r0["u256"]!.GetValue<string>());
        Assert.Equal("5", r0["wide"]!.GetValue<string>());
        Assert.Equal(2.0, r0["dbl"]!.GetValue<double>());
        Assert.False(r0["flag"]!.GetValue<bool>());
        Assert.Equal("1999-12-31", r0["day"]!.GetValue<string>());
        Assert.Equal("2024-01-02 03:04:05.250 UTC", r0["at"]!.GetValue<string>());
        Assert.Equal("0x00ff", r0["bin"]!.GetValue<string>());
        Assert.Equal("0x12345", r0["oddhex"]!.GetValue<string>());
        Assert.Equal("line1\nline2", r0["txt"]!.GetValue<string>());
        Assert.Null(r0["nothing"]);
        Assert.Equal("abc", r0["mixed"]!.GetValue<string>());
        Assert.Equal(0, r0["bits"]!.GetValue<int>());

        var r1 = rows[1]!;
        Assert.Equal(1, r1["i32"]!.GetValue<long>());
        Assert.Equal(2147483648L, r1["i64"]!.GetValue<long>());
        Assert.Equal("-1", r1["i256"]!.GetValue<string>());
        Assert.Equal("1", r1["u256"]!.GetValue<string>());
        Assert.Equal("18446744073709551616", r1["wide"]!.GetValue<string>());
        Assert.Equal(1.5, r1["dbl"]!.GetValue<double>());
        Assert.True(r1["flag"]!.GetValue<bool>());
        Assert.Equal("2024-01-02", r1["day"]!.GetValue<string>());
        Assert.Equal("2024-01-02 03:04:05.000 UTC", r1["at"]!.GetValue<string>());
        Assert.Equal("0xdeadbeef", r1["bin"]!.GetValue<string>());
        Assert.Equal("0xabc", r1["oddhex"]!.GetValue<string>());
        Assert.Equal("Smith, John", r1["txt"]!.GetValue<string>());
        Assert.Equal("1", r1["mixed"]!.GetValue<string>());

        var r2 = rows[2]!;
        Assert.Equal(2147483647, r2["i32"]!.GetValue<long>());
        Assert.Equal("99999999999999999999", r2["i256"]!.GetValue<string>());
        Assert.Null(r2["wide"]);
        Assert.Equal(-3e10, r2["dbl"]!.GetValue<double>());
        Assert.Null(r2["flag"]);
        Assert.Equal("2000-02-29", r2["day"]!.GetValue<string>());
        Assert.Null(r2["at"]);
        Assert.Null(r2["bin"]);
        Assert.Equal("0x1", r2["oddhex"]!.GetValue<string>());
        Assert.Equal("say \"hi\" ünïcødé ✓ 日本", r2["txt"]!.GetValue<string>());
        Assert.Null(r2["mixed"]);
    }

    [Fact]
    public async Task Csv_upload_handles_crlf_and_a_header_without_rows()
    {
        string name = UploadApi.Name("crlf");
        var (status, body, text) = await UploadApi.UploadCsvAsync(Server.Alice, name, "n,s\r\n1,\"a\r\nb\"\r\n2,c\r\n");
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(2, body!["rows_written"]!.GetValue<long>());
        var rows = (await UploadApi.RunAsync(Server.Alice, $"select n, s from dune.alice.dataset_{name} order by n"))["result"]!["rows"]!.AsArray();
        Assert.Equal("a\r\nb", rows[0]!["s"]!.GetValue<string>());
        Assert.Equal("c", rows[1]!["s"]!.GetValue<string>());
        Assert.Equal([("n", "integer", true), ("s", "varchar", true)], UploadApi.Columns((await UploadApi.FindListedAsync(Server.Alice, $"dataset_{name}"))!));

        string empty = UploadApi.Name("hdronly");
        (status, body, text) = await UploadApi.UploadCsvAsync(Server.Alice, empty, "a,b\n");
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(0, body!["rows_written"]!.GetValue<long>());
        Assert.Equal(0, await UploadApi.CountAsync(Server.Alice, $"dune.alice.dataset_{empty}"));
        Assert.Equal([("a", "varchar", true), ("b", "varchar", true)], UploadApi.Columns((await UploadApi.FindListedAsync(Server.Alice, $"dataset_{empty}"))!));
    }

    [Fact]
    public async Task Csv_upload_replaces_an_existing_table_and_the_legacy_alias_answers_the_same()
    {
        string name = UploadApi.Name("replace");
        var (status, body, text) = await UploadApi.UploadCsvAsync(Server.Alice, name, "x,y\n1,a\n2,b\n3,c\n");
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(3, await UploadApi.CountAsync(Server.Alice, $"dune.alice.dataset_{name}"));

        (status, body, text) = await UploadApi.UploadCsvAsync(Server.Alice, name, "p\n0x01\n0x02\n", path: "/api/v1/table/upload/csv", isPrivate: true);
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.True(body!["success"]!.GetValue<bool>());
        Assert.Equal($"dataset_{name}", body["table_name"]!.GetValue<string>());
        Assert.Equal(2, body["rows_written"]!.GetValue<long>());
        var result = await UploadApi.RunAsync(Server.Alice, $"select * from dune.alice.dataset_{name} order by p");
        Assert.Equal(["p"], UploadApi.Strings(result["result"]!["metadata"]!["column_names"]));
        Assert.Equal(["varbinary"], UploadApi.Strings(result["result"]!["metadata"]!["column_types"]));
        Assert.Equal(["0x01", "0x02"], result["result"]!["rows"]!.AsArray().Select(r => r!["p"]!.GetValue<string>()));
        var listed = await UploadApi.FindListedAsync(Server.Alice, $"dataset_{name}");
        Assert.Equal([("p", "varbinary", true)], UploadApi.Columns(listed!));
        Assert.True(listed!["is_private"]!.GetValue<bool>());
        Assert.Equal(2, listed["row_count"]!.GetValue<long>());
        // One listing entry for the name, not two.
        var all = await UploadApi.ListAllAsync(Server.Alice);
        Assert.Single(all, t => t["table_name"]!.GetValue<string>() == $"dataset_{name}");
    }

    [Theory]
    [InlineData("{\"data\":\"a\\n1\\n\"}", "table_name")]
    [InlineData("{\"table_name\":\"no_data\"}", "data")]
    [InlineData("{\"table_name\":\"has space\",\"data\":\"a\\n1\\n\"}", "table_name")]
    [InlineData("{\"table_name\":\"empty_data\",\"data\":\"\"}", "data")]
    public async Task Csv_upload_refuses_missing_or_bad_fields(string json, string field)
    {
        var (status, body, _) = await Server.Alice.PostJsonAsync("/api/v1/uploads/csv", json);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(field, body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Csv_upload_of_malformed_csv_is_400_and_keeps_the_old_table()
    {
        string name = UploadApi.Name("csvbad");
        var (status, _, text) = await UploadApi.UploadCsvAsync(Server.Alice, name, "a,b\n1,2\n");
        Assert.True(status == HttpStatusCode.OK, text);
        foreach (string bad in new[] { "a,b\n1,\"unterminated\n", "a,b\n1,2,3\n" })
        {
            (status, _, text) = await UploadApi.UploadCsvAsync(Server.Alice, name, bad);
            Assert.True(status == HttpStatusCode.BadRequest, $"{bad}: {text}");
        }
        var result = await UploadApi.RunAsync(Server.Alice, $"select a, b from dune.alice.dataset_{name}");
        Assert.Equal(1, result["result"]!["rows"]![0]!["a"]!.GetValue<int>());
        Assert.Equal(2, result["result"]!["rows"]![0]!["b"]!.GetValue<int>());
    }

    // ------------------------------------------------------------------ insert

    [Fact]
    public async Task Insert_csv_answers_rows_bytes_and_name_and_matches_columns_by_name()
    {
        string name = UploadApi.Name("ins");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("Id", "integer", false), ("name", "varchar", null), ("score", "double", null)));
        // Header in another order and case; the nullable score column is absent and filled with NULL.
        string csv = "NAME,id\nżółw,1\n\"quoted, with comma\",2\n,3\n";
        var (status, body, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, csv, "text/csv");
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(new HashSet<string> { "rows_written", "bytes_written", "name" }, body!.AsObject().Select(p => p.Key).ToHashSet());
        Assert.Equal(3, body["rows_written"]!.GetValue<long>());
        Assert.Equal(Encoding.UTF8.GetByteCount(csv), body["bytes_written"]!.GetValue<long>());
        Assert.Equal($"dune.alice.{name}", body["name"]!.GetValue<string>());

        var rows = (await UploadApi.RunAsync(Server.Alice, $"select * from dune.alice.{name} order by Id"))["result"]!["rows"]!.AsArray();
        Assert.Equal(3, rows.Count);
        Assert.Equal("żółw", rows[0]!["name"]!.GetValue<string>());
        Assert.Equal("quoted, with comma", rows[1]!["name"]!.GetValue<string>());
        Assert.Null(rows[2]!["name"]);
        Assert.All(rows, r => Assert.Null(r!["score"]));

        // A second insert appends.
        (status, body, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, "id,score\n4,0.5\n", "text/csv");
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(1, body!["rows_written"]!.GetValue<long>());
        Assert.Equal(4, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
        var listed = await UploadApi.FindListedAsync(Server.Alice, name);
        Assert.Equal(4, listed!["row_count"]!.GetValue<long>());
        Assert.True(long.Parse(listed["table_size_bytes"]!.GetValue<string>(), CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Insert_keeps_quotes_embedded_newlines_and_utf8_text_exactly()
    {
        string name = UploadApi.Name("text");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("k", "integer", false), ("s", "varchar", null)));
        string[] values = ["plain", "with,comma", "with \"quotes\"", "multi\nline", "crlf\r\nline", "ünïcødé ✓ 日本 🚀", " padded ", "'single'", "\\backslash\\", "x,\"\n,y"];
        var csv = new StringBuilder("k,s\n");
        for (int i = 0; i < values.Length; i++)
        {
            csv.Append(i).Append(",\"").Append(values[i].Replace("\"", "\"\"", StringComparison.Ordinal)).Append("\"\n");
        }
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, csv.ToString());
        var rows = (await UploadApi.RunAsync(Server.Alice, $"select k, s from dune.alice.{name} order by k"))["result"]!["rows"]!.AsArray();
        Assert.Equal(values, rows.Select(r => r!["s"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("application/x-ndjson", "ndjson")]
    [InlineData("application/x-ndjson; charset=utf-8", "ndjson")]
    [InlineData("text/csv", "csv")]
    [InlineData("text/csv; charset=utf-8", "csv")]
    [InlineData(null, "ndjson")]
    [InlineData(null, "csv")]
    [InlineData(null, "ndjson-leading-blank")]
    [InlineData("application/octet-stream", "ndjson")]
    [InlineData("application/octet-stream", "csv")]
    [InlineData("text/plain", "csv")]
    [InlineData("application/json", "ndjson")]
    public async Task Insert_reads_csv_and_ndjson_by_content_type_or_first_byte(string? contentType, string kind)
    {
        string name = UploadApi.Name("fmt");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("a", "integer", null), ("b", "varchar", null)));
        string body = kind switch
        {
            "ndjson" => "{\"a\":1,\"b\":\"x,y\"}\n{\"b\":\"only b\",\"a\":2}\n{\"a\":3}",
            "ndjson-leading-blank" => "\n\n  \t{\"a\":1,\"b\":\"x,y\"}\n{\"b\":\"only b\",\"a\":2}\n{\"a\":3,\"b\":null}\n",
            _ => "a,b\n1,\"x,y\"\n2,only b\n3,\n",
        };
        var (status, json, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, body, contentType);
        Assert.True(status == HttpStatusCode.OK, $"{contentType} {kind}: {text}");
        Assert.Equal(3, json!["rows_written"]!.GetValue<long>());
        Assert.Equal(Encoding.UTF8.GetByteCount(body), json["bytes_written"]!.GetValue<long>());
        var rows = (await UploadApi.RunAsync(Server.Alice, $"select a, b from dune.alice.{name} order by a"))["result"]!["rows"]!.AsArray();
        Assert.Equal([1, 2, 3], rows.Select(r => r!["a"]!.GetValue<int>()));
        Assert.Equal("x,y", rows[0]!["b"]!.GetValue<string>());
        Assert.Equal("only b", rows[1]!["b"]!.GetValue<string>());
        Assert.Null(rows[2]!["b"]);
    }

    [Fact]
    public async Task Inserted_values_of_every_type_round_trip_exactly()
    {
        string name = UploadApi.Name("types");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(
            ("k", "integer", false), ("v", "varchar", null), ("i", "integer", null), ("b", "bigint", null), ("d", "double", null),
            ("f", "boolean", null), ("ts", "timestamp", null), ("dt", "date", null), ("bin", "varbinary", null),
            ("u", "uint256", null), ("s", "int256", null), ("dec", "decimal(10,2)", null), ("wdec", "decimal(38,9)", null)));
        string csv =
            "k,v,i,b,d,f,ts,dt,bin,u,s,dec,wdec\n"
            + $"1,\"a, \"\"b\"\"\",-2147483648,9223372036854775807,0.1,t,2021-06-07T15:21:10.123+02:00,2021-06-01,0xDEADbeef,{Uint256Max},{Int256Min},12.5,12345678901234567890123456789.123456789\n"
            + "2,,,,,,,,,,,,\n"
            + $"3,x,0,-9223372036854775808,1e300,no,2021-06-07 13:21:10 UTC,1970-01-01,0x,0,{Int256Max},-0.01,-0.000000001\n";
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, csv, "text/csv");
        string ndjson =
            "{\"k\":4,\"v\":\"ünïcødé ✓\",\"i\":2147483647,\"b\":1,\"d\":-2.5,\"f\":true,\"ts\":\"2021-06-07T13:21:10Z\",\"dt\":\"2024-02-29\",\"bin\":\"0x00\","
            + "\"u\":340282366920938463463374607431768211457,\"s\":-1,\"dec\":99999999.99,\"wdec\":0.5}\n"
            + "{\"k\":5,\"v\":null,\"f\":false,\"ts\":\"2021-06-07 13:21:10.5\",\"u\":\"" + Uint256Max + "\"}\n";
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, ndjson, "application/x-ndjson");

        var result = await UploadApi.RunAsync(Server.Alice, $"select * from dune.alice.{name} order by k");
        var types = UploadApi.Strings(result["result"]!["metadata"]!["column_types"]);
        Assert.Equal(["integer", "varchar", "integer", "bigint", "double", "boolean"], types[..6]);
        Assert.StartsWith("timestamp(3)", types[6]);
        Assert.Equal(["date", "varbinary"], types[7..9]);
        Assert.Equal(["uint256", "int256", "decimal(10,2)", "decimal(38,9)"], types[9..]);

        var rows = result["result"]!["rows"]!.AsArray();
        Assert.Equal(5, rows.Count);
        var r = rows[0]!;
        Assert.Equal("a, \"b\"", r["v"]!.GetValue<string>());
        Assert.Equal(int.MinValue, r["i"]!.GetValue<long>());
        Assert.Equal(long.MaxValue, r["b"]!.GetValue<long>());
        Assert.Equal("0.1", r["d"]!.ToJsonString());
        Assert.True(r["f"]!.GetValue<bool>());
        Assert.Equal("2021-06-07 13:21:10.123 UTC", r["ts"]!.GetValue<string>());
        Assert.Equal("2021-06-01", r["dt"]!.GetValue<string>());
        Assert.Equal("0xdeadbeef", r["bin"]!.GetValue<string>());
        Assert.Equal(Uint256Max, r["u"]!.GetValue<string>());
        Assert.Equal(Int256Min, r["s"]!.GetValue<string>());
        Assert.Equal("12.50", r["dec"]!.ToJsonString());
        Assert.Equal("12345678901234567890123456789.123456789", r["wdec"]!.GetValue<string>());

        r = rows[1]!;
        Assert.Equal(2, r["k"]!.GetValue<int>());
        foreach (string column in new[] { "v", "i", "b", "d", "f", "ts", "dt", "bin", "u", "s", "dec", "wdec" })
        {
            Assert.True(r.AsObject().ContainsKey(column), column);
            Assert.Null(r[column]);
        }

        r = rows[2]!;
        Assert.Equal("x", r["v"]!.GetValue<string>());
        Assert.Equal(0, r["i"]!.GetValue<long>());
        Assert.Equal(long.MinValue, r["b"]!.GetValue<long>());
        Assert.Equal(1e300, r["d"]!.GetValue<double>());
        Assert.False(r["f"]!.GetValue<bool>());
        Assert.Equal("2021-06-07 13:21:10.000 UTC", r["ts"]!.GetValue<string>());
        Assert.Equal("1970-01-01", r["dt"]!.GetValue<string>());
        Assert.Equal("0x", r["bin"]!.GetValue<string>());
        Assert.Equal("0", r["u"]!.GetValue<string>());
        Assert.Equal(Int256Max, r["s"]!.GetValue<string>());
        Assert.Equal("-0.01", r["dec"]!.ToJsonString());
        Assert.Equal("-0.000000001", r["wdec"]!.GetValue<string>());

        r = rows[3]!;
        Assert.Equal("ünïcødé ✓", r["v"]!.GetValue<string>());
        Assert.Equal(int.MaxValue, r["i"]!.GetValue<long>());
        Assert.Equal(1, r["b"]!.GetValue<long>());
        Assert.Equal(-2.5, r["d"]!.GetValue<double>());
        Assert.True(r["f"]!.GetValue<bool>());
        Assert.Equal("2021-06-07 13:21:10.000 UTC", r["ts"]!.GetValue<string>());
        Assert.Equal("2024-02-29", r["dt"]!.GetValue<string>());
        Assert.Equal("0x00", r["bin"]!.GetValue<string>());
        Assert.Equal("340282366920938463463374607431768211457", r["u"]!.GetValue<string>());
        Assert.Equal("-1", r["s"]!.GetValue<string>());
        Assert.Equal("99999999.99", r["dec"]!.ToJsonString());
        Assert.Equal("0.500000000", r["wdec"]!.GetValue<string>());

        r = rows[4]!;
        Assert.Null(r["v"]);
        Assert.False(r["f"]!.GetValue<bool>());
        Assert.Equal("2021-06-07 13:21:10.500 UTC", r["ts"]!.GetValue<string>());
        Assert.Equal(Uint256Max, r["u"]!.GetValue<string>());
        Assert.Null(r["i"]);

    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("t", true)]
    [InlineData("f", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task Boolean_takes_duckdbs_words(string word, bool expected)
    {
        string name = UploadApi.Name("bool");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("f", "boolean", false)));
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, $"f\n{word}\n");
        var rows = (await UploadApi.RunAsync(Server.Alice, $"select f from dune.alice.{name}"))["result"]!["rows"]!.AsArray();
        Assert.Equal(expected, rows.Single()!["f"]!.GetValue<bool>());
    }

    // ------------------------------------------------------------------ insert rejections (all-or-nothing)

    [Theory]
    [InlineData("integer", "5", "1.5")]
    [InlineData("integer", "5", "0x1f")]
    [InlineData("integer", "5", "1_000")]
    [InlineData("integer", "5", "2147483648")]
    [InlineData("integer", "5", "abc")]
    [InlineData("integer", "5", "1e3")]
    [InlineData("bigint", "5", "9223372036854775808")]
    [InlineData("bigint", "5", "12.0")]
    [InlineData("double", "1.5", "abc")]
    [InlineData("boolean", "true", "maybe")]
    [InlineData("date", "2021-01-01", "2021-13-01")]
    [InlineData("date", "2021-01-01", "2021-02-30")]
    [InlineData("date", "2021-01-01", "yesterday")]
    [InlineData("timestamp", "2021-01-01 00:00:00", "yesterday")]
    [InlineData("timestamp", "2021-01-01 00:00:00", "2021-01-01 25:00:00")]
    [InlineData("varbinary", "0x00", "0xabc")]
    [InlineData("varbinary", "0x00", "deadbeef")]
    [InlineData("varbinary", "0x00", "0xzz")]
    [InlineData("uint256", "1", "-1")]
    [InlineData("uint256", "1", Uint256Overflow)]
    [InlineData("uint256", "1", "1.5")]
    [InlineData("uint256", "1", "0x10")]
    [InlineData("int256", "1", Int256Overflow)]
    [InlineData("int256", "1", "-57896044618658097711785492504343953926634992332820282019728792003956564819969")]
    [InlineData("decimal(10,2)", "1.25", "123456789.5")]
    [InlineData("decimal(10,2)", "1.25", "abc")]
    public async Task A_bad_value_rejects_the_whole_insert_naming_row_column_and_value(string type, string good, string bad)
    {
        string name = UploadApi.Name("reject");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("k", "integer", null), ("val", type, null)));
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, $"k,val\n0,{good}\n");

        string csv = $"k,val\n1,{good}\n2,{good}\n3,{bad}\n4,{good}\n";
        var (status, body, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, csv, "text/csv");
        Assert.True(status == HttpStatusCode.BadRequest, $"{type} {bad}: {status} {text}");
        string message = body!["error"]!.GetValue<string>();
        Assert.Equal($"row 3, column \"val\": value \"{bad}\" is not a valid {type}", message);
        Assert.Equal(1, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));

        // The same value in NDJSON (as a JSON string) is refused the same way.
        string ndjson = $"{{\"k\":1}}\n{{\"k\":2,\"val\":\"{bad}\"}}\n";
        (status, body, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, ndjson, "application/x-ndjson");
        Assert.True(status == HttpStatusCode.BadRequest, $"ndjson {type} {bad}: {status} {text}");
        message = body!["error"]!.GetValue<string>();
        Assert.Equal($"row 2, column \"val\": value \"{bad}\" is not a valid {type}", message);
        Assert.Equal(1, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
    }

    [Fact]
    public async Task Rejected_row_numbers_count_data_rows_not_lines()
    {
        string name = UploadApi.Name("rownum");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("note", "varchar", null), ("n", "integer", null)));
        string csv = "note,n\n\"two\nlines\",1\n\"three\r\nline\nnote\",2\n\"ok\",x7\n";
        var (status, body, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, csv, "text/csv");
        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Equal("row 3, column \"n\": value \"x7\" is not a valid integer", body!["error"]!.GetValue<string>());
        Assert.Equal(0, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
    }

    [Fact]
    public async Task A_bad_ndjson_value_names_its_line_and_key()
    {
        string name = UploadApi.Name("ndbad");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("a", "integer", null), ("b", "varchar", null)));
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "{\"a\":1}\n", "application/x-ndjson");
        foreach (var (body, value) in new[]
        {
            ("{\"a\":2}\n{\"a\":1.5}\n", "1.5"),
            ("{\"a\":2}\n{\"a\":\"abc\"}\n{\"a\":3}\n", "abc"),
            ("{\"a\":2}\n{\"a\":true}\n", "true"),
            // Rows count non-blank lines.
            ("\n{\"a\":2}\n\n  \n{\"a\":\"x7\"}\n", "x7"),
        })
        {
            var (status, json, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, body, "application/x-ndjson");
            Assert.True(status == HttpStatusCode.BadRequest, $"{body}: {text}");
            string message = json!["error"]!.GetValue<string>();
            Assert.Equal($"row 2, column \"a\": value \"{value}\" is not a valid integer", message);
        }
        Assert.Equal(1, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
    }

    [Theory]
    [InlineData("text/csv", "a,nosuch\n1,2\n", "nosuch")]
    [InlineData("application/x-ndjson", "{\"a\":1}\n{\"a\":2,\"nosuch\":3}\n", "nosuch")]
    [InlineData("application/x-ndjson", "{\"A\":1}\n", "A")]
    public async Task An_unknown_column_is_400_naming_it(string contentType, string body, string column)
    {
        string name = UploadApi.Name("unknown");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("a", "integer", null)));
        var (status, json, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, body, contentType);
        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains(column, json!["error"]!.GetValue<string>());
        Assert.Equal(0, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
    }

    [Theory]
    [InlineData("text/csv", "req,opt\n1,a\n,b\n")]
    [InlineData("text/csv", "opt\na\n")]
    [InlineData("application/x-ndjson", "{\"req\":1,\"opt\":\"a\"}\n{\"req\":null,\"opt\":\"b\"}\n")]
    [InlineData("application/x-ndjson", "{\"req\":1,\"opt\":\"a\"}\n{\"opt\":\"b\"}\n")]
    public async Task Null_in_a_non_nullable_column_is_400(string contentType, string body)
    {
        string name = UploadApi.Name("notnull");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("req", "integer", false), ("opt", "varchar", null)));
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "req\n7\n");
        var (status, json, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, body, contentType);
        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Contains("req", json!["error"]!.GetValue<string>());
        Assert.Equal(1, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
    }

    [Theory]
    [InlineData("text/csv", "a,b\n1,\"unterminated\n2,x\n")]
    [InlineData("text/csv", "a,b\n1,x\n2,y,extra\n")]
    [InlineData("text/csv", "a,b\n1,x\n2\n")]
    [InlineData("application/x-ndjson", "{\"a\":1}\n{\"a\":2\n")]
    [InlineData("application/x-ndjson", "{\"a\":1}\n[1,2]\n")]
    public async Task A_malformed_body_is_400_and_writes_nothing(string contentType, string body)
    {
        string name = UploadApi.Name("malformed");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("a", "integer", null), ("b", "varchar", null)));
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "a,b\n0,z\n");
        var (status, json, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, body, contentType);
        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.False(string.IsNullOrWhiteSpace(json!["error"]!.GetValue<string>()));
        Assert.Equal(1, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
    }

    [Theory]
    [InlineData("/api/v1/uploads")]
    [InlineData("/api/v1/table")]
    public async Task Foreign_namespace_is_403_and_unknown_table_is_404_on_every_write_route(string prefix)
    {
        string bobs = UploadApi.Name("bobs");
        await UploadApi.CreateOkAsync(Server.Bob, "bob", bobs, UploadApi.Schema(("a", "integer", null)));
        await UploadApi.InsertOkAsync(Server.Bob, "bob", bobs, "a\n1\n");
        string missing = UploadApi.Name("missing");

        foreach (string table in new[] { bobs, missing })
        {
            foreach (var (method, path, content) in WriteRoutes(prefix, "bob", table))
            {
                var (status, body, text) = await UploadApi.SendAsync(Server.Alice, method, path, content());
                Assert.True(status == HttpStatusCode.Forbidden, $"{method} {path}: {status} {text}");
                Assert.False(string.IsNullOrWhiteSpace(body!["error"]!.GetValue<string>()));
            }
        }
        Assert.Equal(1, await UploadApi.CountAsync(Server.Bob, $"dune.bob.{bobs}"));
        Assert.NotNull(await UploadApi.FindListedAsync(Server.Bob, bobs));

        foreach (var (method, path, content) in WriteRoutes(prefix, "alice", missing))
        {
            var (status, _, text) = await UploadApi.SendAsync(Server.Alice, method, path, content());
            Assert.True(status == HttpStatusCode.NotFound, $"{method} {path}: {status} {text}");
            Assert.Equal($"{{\"error\":\"Table dune.alice.{missing} not found\"}}", text);
        }
        Assert.Null(await UploadApi.FindListedAsync(Server.Alice, missing));
    }

    private static IEnumerable<(HttpMethod, string, Func<HttpContent?>)> WriteRoutes(string prefix, string ns, string table) =>
    [
        (HttpMethod.Post, $"{prefix}/{ns}/{table}/insert", () => UploadApi.Body("a\n5\n", "text/csv")),
        (HttpMethod.Post, $"{prefix}/{ns}/{table}/insert", () => UploadApi.Body("{\"a\":5}\n", "application/x-ndjson")),
        (HttpMethod.Post, $"{prefix}/{ns}/{table}/clear", () => null),
        (HttpMethod.Delete, $"{prefix}/{ns}/{table}", () => null),
    ];

    [Fact]
    public async Task Legacy_insert_alias_answers_the_same()
    {
        string name = UploadApi.Name("legins");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("a", "integer", null)));
        string csv = "a\n1\n2\n";
        var (status, body, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, csv, "text/csv", prefix: "/api/v1/table");
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(2, body!["rows_written"]!.GetValue<long>());
        Assert.Equal(csv.Length, body["bytes_written"]!.GetValue<long>());
        Assert.Equal($"dune.alice.{name}", body["name"]!.GetValue<string>());
        (status, body, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, "{\"a\":3}", null, prefix: "/api/v1/table");
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(3, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
        (status, _, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, "a\nbad\n", "text/csv", prefix: "/api/v1/table");
        Assert.True(status == HttpStatusCode.BadRequest, text);
        Assert.Equal(3, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
    }

    [Fact]
    public async Task A_large_insert_streams_without_a_content_length()
    {
        string name = UploadApi.Name("stream");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("n", "bigint", false), ("pad", "varchar", null)));
        const int rows = 300_000;
        long sent = 0;
        var content = new StreamedBody(async stream =>
        {
            var chunk = new StringBuilder("n,pad\n");
            for (int i = 0; i < rows; i++)
            {
                chunk.Append(i).Append(",row-").Append(i).Append("-padding-padding\n");
                if (chunk.Length > 64 * 1024 || i == rows - 1)
                {
                    byte[] bytes = Encoding.UTF8.GetBytes(chunk.ToString());
                    await stream.WriteAsync(bytes);
                    sent += bytes.Length;
                    chunk.Clear();
                }
            }
        }, "text/csv");
        var (status, body, text) = await UploadApi.SendAsync(Server.Alice, HttpMethod.Post, $"/api/v1/uploads/alice/{name}/insert", content);
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(rows, body!["rows_written"]!.GetValue<long>());
        Assert.Equal(sent, body["bytes_written"]!.GetValue<long>());
        var result = await UploadApi.RunAsync(Server.Alice, $"select count(*) as c, sum(n) as s, count(distinct pad) as p from dune.alice.{name}");
        var row = result["result"]!["rows"]![0]!;
        Assert.Equal(rows, row["c"]!.GetValue<long>());
        Assert.Equal((long)rows * (rows - 1) / 2, long.Parse(row["s"]!.ToJsonString().Trim('"'), CultureInfo.InvariantCulture));
        Assert.Equal(rows, row["p"]!.GetValue<long>());
    }

    // ------------------------------------------------------------------ clear, delete

    [Theory]
    [InlineData("/api/v1/uploads")]
    [InlineData("/api/v1/table")]
    public async Task Clear_removes_every_row_and_keeps_the_schema(string prefix)
    {
        string name = UploadApi.Name("clear");
        var schema = UploadApi.Schema(("a", "integer", false), ("b", "decimal(5,1)", null));
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, schema);
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "a,b\n1,1.5\n2,2.5\n");
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "a,b\n3,3.5\n");

        var (status, _, text) = await UploadApi.SendAsync(Server.Alice, HttpMethod.Post, $"{prefix}/alice/{name}/clear", null);
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal($"{{\"message\":\"Table dune.alice.{name} cleared\"}}", text);
        Assert.Equal(0, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
        var listed = await UploadApi.FindListedAsync(Server.Alice, name);
        Assert.Equal([("a", "integer", false), ("b", "decimal(5,1)", true)], UploadApi.Columns(listed!));
        Assert.Equal(0, listed!["row_count"]!.GetValue<long>());

        // Clearing an empty table is fine; the schema still takes inserts; create with it is already_existed.
        (status, _, text) = await UploadApi.SendAsync(Server.Alice, HttpMethod.Post, $"{prefix}/alice/{name}/clear", null);
        Assert.True(status == HttpStatusCode.OK, text);
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "a,b\n9,9.5\n");
        var rows = (await UploadApi.RunAsync(Server.Alice, $"select a, b from dune.alice.{name}"))["result"]!["rows"]!.AsArray();
        Assert.Equal(9, rows.Single()!["a"]!.GetValue<int>());
        Assert.Equal("9.5", rows.Single()!["b"]!.ToJsonString());
        var (_, again, _) = await UploadApi.CreateAsync(Server.Alice, "alice", name, schema);
        Assert.True(again!["already_existed"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("/api/v1/uploads")]
    [InlineData("/api/v1/table")]
    public async Task Delete_removes_the_table_and_the_name_can_be_made_again(string prefix)
    {
        string name = UploadApi.Name("delete");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("a", "integer", null)));
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "a\n1\n2\n");

        var (status, _, text) = await UploadApi.SendAsync(Server.Alice, HttpMethod.Delete, $"{prefix}/alice/{name}", null);
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal($"{{\"message\":\"Table dune.alice.{name} deleted\"}}", text);
        Assert.Null(await UploadApi.FindListedAsync(Server.Alice, name));
        var error = await UploadApi.FailedAsync(Server.Alice, $"select count(*) from dune.alice.{name}");
        Assert.Contains(name, error["message"]!.GetValue<string>());

        (status, _, text) = await UploadApi.SendAsync(Server.Alice, HttpMethod.Delete, $"{prefix}/alice/{name}", null);
        Assert.True(status == HttpStatusCode.NotFound, text);
        Assert.Equal($"{{\"error\":\"Table dune.alice.{name} not found\"}}", text);

        // The name is free again, for another schema, and starts empty.
        var (created, body, createdText) = await UploadApi.CreateAsync(Server.Alice, "alice", name, UploadApi.Schema(("b", "varchar", null)));
        Assert.True(created == HttpStatusCode.OK, createdText);
        Assert.False(body!["already_existed"]!.GetValue<bool>());
        Assert.Equal(0, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "b\nnew\n");
        var rows = (await UploadApi.RunAsync(Server.Alice, $"select * from dune.alice.{name}"))["result"]!["rows"]!.AsArray();
        Assert.Equal("new", rows.Single()!["b"]!.GetValue<string>());
    }

    // ------------------------------------------------------------------ listing

    [Fact]
    public async Task List_pages_the_callers_tables_newest_first()
    {
        string[] names = [UploadApi.Name("page1"), UploadApi.Name("page2"), UploadApi.Name("page3")];
        foreach (string name in names)
        {
            await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("a", "integer", null)));
        }

        var first = await Server.Alice.GetFromJsonNodeAsync("/api/v1/uploads?limit=2");
        var tables = first["tables"]!.AsArray();
        Assert.Equal(2, tables.Count);
        Assert.Equal(names[2], tables[0]!["table_name"]!.GetValue<string>());
        Assert.Equal(names[1], tables[1]!["table_name"]!.GetValue<string>());
        Assert.Equal(2, first["next_offset"]!.GetValue<int>());
        var second = await Server.Alice.GetFromJsonNodeAsync("/api/v1/uploads?limit=2&offset=2");
        Assert.Equal(names[0], second["tables"]![0]!["table_name"]!.GetValue<string>());

        // Walking every page visits each table once and stops where next_offset is absent.
        var all = await Server.Alice.GetFromJsonNodeAsync("/api/v1/uploads?limit=10000");
        int total = all["tables"]!.AsArray().Count;
        Assert.False(all.AsObject().ContainsKey("next_offset"));
        var seen = new List<string>();
        int offset = 0;
        for (int pages = 0; ; pages++)
        {
            Assert.True(pages <= total, "paging does not end");
            var page = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/uploads?limit=7&offset={offset}");
            seen.AddRange(page["tables"]!.AsArray().Select(t => t!["full_name"]!.GetValue<string>()));
            if (!page.AsObject().ContainsKey("next_offset"))
            {
                break;
            }
            Assert.Equal(7, page["tables"]!.AsArray().Count);
            Assert.NotNull(page["next_offset"]);
            offset = page["next_offset"]!.GetValue<int>();
            Assert.Equal(seen.Count, offset);
        }
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(all["tables"]!.AsArray().Select(t => t!["full_name"]!.GetValue<string>()), seen);
        Assert.All(names, n => Assert.Contains($"dune.alice.{n}", seen));

        // Newest first across the whole list.
        var created = all["tables"]!.AsArray().Select(t => DateTimeOffset.Parse(t!["created_at"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(created.OrderByDescending(c => c), created);

        // Default limit is 20.
        var defaults = await Server.Alice.GetFromJsonNodeAsync("/api/v1/uploads");
        Assert.Equal(Math.Min(20, total), defaults["tables"]!.AsArray().Count);
        Assert.Equal(total > 20, defaults.AsObject().ContainsKey("next_offset"));

        // Past the end: no tables, no next_offset.
        var past = await Server.Alice.GetFromJsonNodeAsync($"/api/v1/uploads?offset={total + 5}");
        Assert.Empty(past["tables"]!.AsArray());
        Assert.False(past.AsObject().ContainsKey("next_offset"));

        // Only the caller's own tables.
        var bobs = await UploadApi.ListAllAsync(Server.Bob);
        Assert.DoesNotContain(bobs, t => names.Contains(t["table_name"]!.GetValue<string>()));
        Assert.All(bobs, t => Assert.Equal("bob", t["namespace"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=10001")]
    [InlineData("limit=-1")]
    [InlineData("limit=abc")]
    [InlineData("offset=-1")]
    [InlineData("offset=abc")]
    public async Task List_refuses_bad_paging(string query)
    {
        var (status, body, _) = await Server.Alice.GetJsonAsync($"/api/v1/uploads?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(query.Split('=')[0], body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_routes_need_a_key()
    {
        using var anonymous = Server.NewClient(null);
        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, "/api/v1/uploads"),
            (HttpMethod.Post, "/api/v1/uploads"),
            (HttpMethod.Post, "/api/v1/uploads/csv"),
            (HttpMethod.Post, "/api/v1/uploads/alice/t/insert"),
            (HttpMethod.Post, "/api/v1/uploads/alice/t/clear"),
            (HttpMethod.Delete, "/api/v1/uploads/alice/t"),
            (HttpMethod.Post, "/api/v1/table/create"),
            (HttpMethod.Get, "/api/v1/usage"),
            (HttpMethod.Post, "/api/v1/usage"),
        })
        {
            var (status, _, text) = await UploadApi.SendAsync(anonymous, method, path, method == HttpMethod.Get ? null : UploadApi.Body("{}", "application/json"));
            Assert.True(status == HttpStatusCode.Unauthorized, $"{method} {path}: {status}");
            Assert.Equal("{\"error\":\"invalid API Key\"}", text);
        }
    }

    // ------------------------------------------------------------------ usage

    [Fact]
    public async Task Usage_counts_stored_table_bytes_and_executions()
    {
        var before = await UploadApi.UsageAsync(Server.Alice);
        Assert.Equal(
            new HashSet<string> { "billing_periods", "bytes_used", "bytes_allowed", "private_queries", "private_dashboards" },
            before.AsObject().Select(p => p.Key).ToHashSet());
        Assert.True(before["bytes_allowed"]!.GetValue<long>() > 0);
        Assert.Equal(0, before["private_dashboards"]!.GetValue<long>());
        var period = before["billing_periods"]!.AsArray().Single()!;
        Assert.NotNull(period["start_date"]);
        Assert.NotNull(period["end_date"]);
        Assert.NotNull(period["credits_included"]);
        long used0 = before["bytes_used"]!.GetValue<long>();

        string name = UploadApi.Name("usage");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("n", "bigint", null), ("s", "varchar", null)));
        var csv = new StringBuilder("n,s\n");
        for (int i = 0; i < 50_000; i++)
        {
            csv.Append(i).Append(",value-").Append(i * 7919 % 100_003).Append('\n');
        }
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, csv.ToString());
        var afterInsert = await UploadApi.UsageAsync(Server.Alice);
        long used1 = afterInsert["bytes_used"]!.GetValue<long>();
        long size = long.Parse((await UploadApi.FindListedAsync(Server.Alice, name))!["table_size_bytes"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        Assert.True(size > 1000, $"table_size_bytes {size}");
        Assert.Equal(used0 + size, used1);

        // POST answers the same.
        var (status, posted, text) = await UploadApi.SendAsync(Server.Alice, HttpMethod.Post, "/api/v1/usage", null);
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(used1, posted!["bytes_used"]!.GetValue<long>());

        var (deleted, _, deleteText) = await UploadApi.SendAsync(Server.Alice, HttpMethod.Delete, $"/api/v1/uploads/alice/{name}", null);
        Assert.True(deleted == HttpStatusCode.OK, deleteText);
        Assert.Equal(used0, (await UploadApi.UsageAsync(Server.Alice))["bytes_used"]!.GetValue<long>());

        // An execution counts one credit and its stored result counts towards bytes_used.
        long credits = (await UploadApi.UsageAsync(Server.Alice))["billing_periods"]![0]!["credits_used"]!.GetValue<long>();
        var run = await UploadApi.RunAsync(Server.Alice, "select range as n, lpad('', 100, 'x') as pad from range(1000)");
        var afterRun = await UploadApi.UsageAsync(Server.Alice);
        Assert.Equal(credits + 1, afterRun["billing_periods"]![0]!["credits_used"]!.GetValue<long>());
        // Counted as its files on disk (the Arrow result and any copies; issue 9 item 13), not result_set_bytes.
        string runId = run["execution_id"]!.GetValue<string>();
        long files = Directory.EnumerateFiles(Path.Combine(Server.DataDir, "results"), runId + ".*")
            .Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)).Sum(f => new FileInfo(f).Length);
        Assert.True(files >= run["result"]!["metadata"]!["total_result_set_bytes"]!.GetValue<long>(), $"{files} bytes of files");
        // Plus the execution's text, which its row keeps (hostile5: texts count toward the quota).
        Assert.InRange(afterRun["bytes_used"]!.GetValue<long>() - used0 - files, "select range".Length, 20_000);
    }

    [Fact]
    public async Task Usage_counts_the_callers_private_saved_queries()
    {
        long before = (await UploadApi.UsageAsync(Server.Bob))["private_queries"]!.GetValue<long>();
        var (status, _, _) = await Server.Bob.PostJsonAsync("/api/v1/query", new JsonObject { ["name"] = "private for usage", ["query_sql"] = "select 1", ["is_private"] = true }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        (status, _, _) = await Server.Bob.PostJsonAsync("/api/v1/query", new JsonObject { ["name"] = "public for usage", ["query_sql"] = "select 1", ["is_private"] = false }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(before + 1, (await UploadApi.UsageAsync(Server.Bob))["private_queries"]!.GetValue<long>());
    }

    [Fact]
    public async Task Usage_lists_one_billing_period_per_month_of_the_timeframe_with_that_months_executions()
    {
        var now = DateTimeOffset.UtcNow;
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        string first = thisMonth.AddMonths(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string until = thisMonth.AddMonths(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await UploadApi.RunAsync(Server.Bob, "select 1 as usage_period_probe");

        // POST with a body (as Dune's clients send it) and GET with the query string give the same periods.
        var (status, posted, _) = await Server.Bob.PostJsonAsync("/api/v1/usage", $$"""{"start_date":"{{first}}","end_date":"{{until}}"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var got = await Server.Bob.GetFromJsonNodeAsync($"/api/v1/usage?start_date={first}&end_date={until}");
        foreach (var usage in new[] { posted!, got })
        {
            var periods = usage["billing_periods"]!.AsArray();
            Assert.Equal(
                [(first, thisMonth.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                 (thisMonth.AddMonths(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), thisMonth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                 (thisMonth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), until)],
                periods.Select(p => (p!["start_date"]!.GetValue<string>(), p["end_date"]!.GetValue<string>())));
            Assert.Equal(0, periods[0]!["credits_used"]!.GetValue<long>());
            Assert.True(periods[2]!["credits_used"]!.GetValue<long>() >= 1);
        }

        (status, var error, _) = await Server.Bob.PostJsonAsync("/api/v1/usage", """{"start_date":"2026-02-30"}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("start_date must be a date as YYYY-MM-DD (or an ISO 8601 timestamp)", error!["error"]!.GetValue<string>());
        (status, error, _) = await Server.Bob.PostJsonAsync("/api/v1/usage", """{"end_date":20260101}""");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("end_date must be a date string as YYYY-MM-DD", error!["error"]!.GetValue<string>());
    }

    // ------------------------------------------------------------------ concurrency and snapshots

    [Fact]
    public async Task Queries_during_inserts_see_whole_inserts_only()
    {
        const int batchRows = 20_000;
        const int batches = 30;
        string name = UploadApi.Name("snap");
        string table = $"dune.alice.{name}";
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("batch", "integer", false), ("i", "integer", false)));

        using var done = new CancellationTokenSource();
        var inserter = Task.Run(async () =>
        {
            try
            {
                for (int b = 0; b < batches; b++)
                {
                    var csv = new StringBuilder("batch,i\n");
                    for (int i = 0; i < batchRows; i++)
                    {
                        csv.Append(b).Append(',').Append(i).Append('\n');
                    }
                    await UploadApi.InsertOkAsync(Server.Alice, "alice", name, csv.ToString());
                }
            }
            finally
            {
                await done.CancelAsync();
            }
        });

        var observed = new System.Collections.Concurrent.ConcurrentBag<(long Rows, long Batches, long Min, long Max)>();
        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var result = await UploadApi.RunAsync(Server.Alice,
                    $"select count(*) as n, count(distinct batch) as b, coalesce(min(c), 0) as lo, coalesce(max(c), 0) as hi from (select batch, count(*) over (partition by batch) as c from {table})");
                var row = result["result"]!["rows"]![0]!;
                observed.Add((row["n"]!.GetValue<long>(), row["b"]!.GetValue<long>(), row["lo"]!.GetValue<long>(), row["hi"]!.GetValue<long>()));
            }
        })).ToArray();
        await inserter;
        await Task.WhenAll(readers);

        Assert.NotEmpty(observed);
        foreach (var (rows, seenBatches, min, max) in observed)
        {
            Assert.True(rows == seenBatches * batchRows, $"a query saw {rows} rows in {seenBatches} batches");
            if (rows > 0)
            {
                Assert.Equal(batchRows, min);
                Assert.Equal(batchRows, max);
            }
        }
        Assert.Equal(batches * batchRows, await UploadApi.CountAsync(Server.Alice, table));
    }

    [Fact]
    public async Task Concurrent_inserts_into_one_table_are_all_kept()
    {
        string name = UploadApi.Name("conc");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("writer", "integer", false), ("seq", "integer", false)));
        const int writers = 6;
        const int insertsEach = 4;
        var tasks = Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            long written = 0;
            for (int k = 0; k < insertsEach; k++)
            {
                int rows = 500 + (w * 97) + (k * 13);
                bool ndjson = (w + k) % 2 == 0;
                var body = new StringBuilder(ndjson ? "" : "writer,seq\n");
                for (int i = 0; i < rows; i++)
                {
                    body.Append(ndjson ? $"{{\"writer\":{w},\"seq\":{(k * 10_000) + i}}}\n" : $"{w},{(k * 10_000) + i}\n");
                }
                var json = await UploadApi.InsertOkAsync(Server.Alice, "alice", name, body.ToString(), ndjson ? "application/x-ndjson" : "text/csv");
                Assert.Equal(rows, json["rows_written"]!.GetValue<long>());
                written += rows;
            }
            return (Writer: w, Rows: written);
        })).ToArray();
        var results = await Task.WhenAll(tasks);

        var rowsPerWriter = (await UploadApi.RunAsync(Server.Alice, $"select writer, count(*) as n, count(distinct seq) as d from dune.alice.{name} group by writer order by writer"))["result"]!["rows"]!.AsArray();
        Assert.Equal(writers, rowsPerWriter.Count);
        foreach (var (writer, rows) in results)
        {
            var row = rowsPerWriter.Single(r => r!["writer"]!.GetValue<int>() == writer)!;
            Assert.Equal(rows, row["n"]!.GetValue<long>());
            Assert.Equal(rows, row["d"]!.GetValue<long>());
        }
        Assert.Equal(results.Sum(r => r.Rows), await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
        Assert.Equal(results.Sum(r => r.Rows), (await UploadApi.FindListedAsync(Server.Alice, name))!["row_count"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("insert")]
    [InlineData("clear")]
    [InlineData("delete")]
    [InlineData("replace")]
    public async Task A_running_query_keeps_the_table_as_of_its_start(string change)
    {
        // A server whose engine holds runs at a gate (the four cases' server, a new gate each, their tables their own): the
        // run below is executing, its table snapshot taken (the engine's request names the parts), while the change is
        // made; then the gate lets it read. This was a slow scalar (300 million rows of work on the shared server) that
        // the change had to win in time; the gate makes the order instead, and the engine opens every part only after the
        // change. (Each case started a server of its own before: test-speed10.)
        var (server, gate) = await gated.NewGateAsync();
        string name = UploadApi.Name("keep");
        string table;
        if (change == "replace")
        {
            var (status, _, text) = await UploadApi.UploadCsvAsync(server.Alice, name, "v\n1\n");
            Assert.True(status == HttpStatusCode.OK, text);
            name = $"dataset_{name}";
        }
        else
        {
            await UploadApi.CreateOkAsync(server.Alice, "alice", name, UploadApi.Schema(("v", "bigint", null)));
            await UploadApi.InsertOkAsync(server.Alice, "alice", name, "v\n1\n");
        }
        // Three parts: the engine opens the later ones only when the scan reaches them.
        await UploadApi.InsertOkAsync(server.Alice, "alice", name, "v\n2\n");
        await UploadApi.InsertOkAsync(server.Alice, "alice", name, "v\n3\n");
        table = $"dune.alice.{name}";

        // Held at the gate until the change below is made: the scan happens after it and must still read the table as
        // of the query's start.
        string id = await server.Alice.SubmitAsync($"select count(*) as n, sum(v) as s from {table}");
        Assert.Equal(id, (await gate.Entered.WaitAsync(Api.HangGuard)).ExecutionId);
        await server.Alice.WaitForStateAsync(id, "QUERY_STATE_EXECUTING");
        switch (change)
        {
            case "insert":
                await UploadApi.InsertOkAsync(server.Alice, "alice", name, "v\n10\n20\n");
                break;
            case "clear":
            case "delete":
                var (status, _, text) = await UploadApi.SendAsync(server.Alice, change == "clear" ? HttpMethod.Post : HttpMethod.Delete,
                    change == "clear" ? $"/api/v1/uploads/alice/{name}/clear" : $"/api/v1/uploads/alice/{name}", null);
                Assert.True(status == HttpStatusCode.OK, text);
                break;
            case "replace":
                var (replaced, _, replacedText) = await UploadApi.UploadCsvAsync(server.Alice, name["dataset_".Length..], "v\n100\n");
                Assert.True(replaced == HttpStatusCode.OK, replacedText);
                break;
        }
        gate.Open();
        var state = await server.Alice.WaitAsync(id);
        Assert.True(state["state"]!.GetValue<string>() == "QUERY_STATE_COMPLETED", state.ToJsonString());
        var row = (await server.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results"))["result"]!["rows"]![0]!;
        Assert.Equal(3, row["n"]!.GetValue<long>());
        Assert.Equal("6", row["s"]!.ToJsonString().Trim('"'));

        // A query started afterwards sees the change.
        if (change == "delete")
        {
            await UploadApi.FailedAsync(server.Alice, $"select count(*) from {table}");
        }
        else
        {
            Assert.Equal(change switch { "insert" => 5, "clear" => 0, _ => 1 }, await UploadApi.CountAsync(server.Alice, table));
        }
    }
}

/// <summary>A server with a small request-body limit (413, nothing written) and a small storage quota (400). One server
/// process for the class (Kestrel's body limit is why it is a process): the quota case fills bob's storage only, the
/// others use alice's, each with tables of its own name.</summary>
public sealed class UploadLimitTests(UploadLimitTests.LimitedServer fixture) : IClassFixture<UploadLimitTests.LimitedServer>
{
    private const int Limit = 64 * 1024;
    private const long Quota = 200_000;

    private StrataServer Server => fixture.Server;

    /// <summary>The server of the class, with the body limit and the quota.</summary>
    public sealed class LimitedServer : IAsyncLifetime
    {
        public StrataServer Server { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Server = await StrataServer.StartAsync(settings: new Dictionary<string, string>
            {
                // The documented shortcut for Strata:MaxRequestBodyBytes.
                ["STRATA_MAX_REQUEST_BODY_BYTES"] = Limit.ToString(CultureInfo.InvariantCulture),
                ["Strata__StorageBytesAllowed"] = Quota.ToString(CultureInfo.InvariantCulture),
            });

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private static string Csv(int bytes)
    {
        var csv = new StringBuilder("a,b\n");
        for (int i = 0; csv.Length < bytes; i++)
        {
            csv.Append(i).Append(",padding-padding-padding\n");
        }
        return csv.ToString();
    }

    [Fact]
    public async Task Insert_bodies_over_the_limit_are_413_and_write_nothing()
    {
        string name = UploadApi.Name("limit");
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("a", "integer", null), ("b", "varchar", null)));
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "a,b\n-1,first\n");
        string expected = $"{{\"error\":\"Request body too large: the limit is {Limit} bytes\"}}";

        // With a Content-Length over the limit.
        string big = Csv(Limit + 4096);
        var (status, _, text) = await UploadApi.InsertAsync(Server.Alice, "alice", name, big, "text/csv");
        Assert.True(status == HttpStatusCode.RequestEntityTooLarge, $"{status} {text}");
        Assert.Equal(expected, text);

        // Chunked, no Content-Length: the server finds out while reading.
        var chunked = new StreamedBody(async stream =>
        {
            byte[] bytes = Encoding.UTF8.GetBytes(big);
            for (int at = 0; at < bytes.Length; at += 8192)
            {
                await stream.WriteAsync(bytes.AsMemory(at, Math.Min(8192, bytes.Length - at)));
            }
        }, "text/csv");
        (status, _, text) = await UploadApi.SendAsync(Server.Alice, HttpMethod.Post, $"/api/v1/uploads/alice/{name}/insert", chunked);
        Assert.True(status == HttpStatusCode.RequestEntityTooLarge, $"{status} {text}");
        Assert.Equal(expected, text);

        Assert.Equal(1, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));

        // Just under the limit is accepted.
        string fits = Csv(Limit - 1024);
        var ok = await UploadApi.InsertOkAsync(Server.Alice, "alice", name, fits);
        Assert.Equal(Encoding.UTF8.GetByteCount(fits), ok["bytes_written"]!.GetValue<long>());
        Assert.Equal(1 + ok["rows_written"]!.GetValue<long>(), await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
        Assert.Empty(Directory.GetFiles(Path.Combine(Server.DataDir, "uploads"), "*tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_insert_past_the_storage_quota_is_400_and_writes_nothing()
    {
        // Bob's own storage only: the other tests here use alice.
        var usage = await UploadApi.UsageAsync(Server.Bob);
        Assert.Equal(Quota, usage["bytes_allowed"]!.GetValue<long>());
        string name = UploadApi.Name("quota");
        await UploadApi.CreateOkAsync(Server.Bob, "bob", name, UploadApi.Schema(("s", "varchar", null)));
        long rows = 0;
        for (int attempt = 0; ; attempt++)
        {
            Assert.True(attempt < 20, $"no insert was refused, bytes_used {(await UploadApi.UsageAsync(Server.Bob))["bytes_used"]}");
            // Random text does not compress: each insert adds about its size to the stored bytes.
            var csv = new StringBuilder("s\n");
            while (csv.Length < 48 * 1024)
            {
                csv.Append(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(57))).Append('\n');
            }
            var (status, body, text) = await UploadApi.InsertAsync(Server.Bob, "bob", name, csv.ToString(), "text/csv");
            if (status == HttpStatusCode.OK)
            {
                rows += body!["rows_written"]!.GetValue<long>();
                Assert.True((await UploadApi.UsageAsync(Server.Bob))["bytes_used"]!.GetValue<long>() <= Quota);
                continue;
            }
            Assert.True(status == HttpStatusCode.BadRequest, $"{status} {text}");
            Assert.Contains("quota", body!["error"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
            Assert.True(attempt > 0, "the first insert was refused: " + text);
            break;
        }
        Assert.Equal(rows, await UploadApi.CountAsync(Server.Bob, $"dune.bob.{name}"));
        Assert.True((await UploadApi.UsageAsync(Server.Bob))["bytes_used"]!.GetValue<long>() <= Quota);
        Assert.Empty(Directory.GetFiles(Path.Combine(Server.DataDir, "uploads"), "*tmp*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Csv_upload_over_the_limit_is_413_and_makes_no_table()
    {
        string name = UploadApi.Name("limitcsv");
        var (status, _, text) = await UploadApi.UploadCsvAsync(Server.Alice, name, Csv(Limit + 1024));
        Assert.True(status == HttpStatusCode.RequestEntityTooLarge, $"{status} {text}");
        Assert.Equal($"{{\"error\":\"Request body too large: the limit is {Limit} bytes\"}}", text);
        Assert.Null(await UploadApi.FindListedAsync(Server.Alice, $"dataset_{name}"));
        await UploadApi.FailedAsync(Server.Alice, $"select count(*) from dune.alice.dataset_{name}");
    }
}

/// <summary>A request body written by a callback, with no Content-Length (sent chunked).</summary>
internal sealed class StreamedBody : HttpContent
{
    private readonly Func<Stream, Task> write;

    public StreamedBody(Func<Stream, Task> write, string? contentType)
    {
        this.write = write;
        if (contentType is not null)
        {
            Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => write(stream);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

/// <summary>Helpers over the uploads endpoints, shared by the upload test classes.</summary>
internal static class UploadApi
{
    public const string Rfc3339 = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$";

    /// <summary>A table name unique for this run.</summary>
    public static string Name(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static JsonArray Schema(params (string Name, string Type, bool? Nullable)[] columns)
    {
        var schema = new JsonArray();
        foreach (var (name, type, nullable) in columns)
        {
            var column = new JsonObject { ["name"] = name, ["type"] = type };
            if (nullable is bool n)
            {
                column["nullable"] = n;
            }
            schema.Add(column);
        }
        return schema;
    }

    public static ByteArrayContent Body(string text, string? contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }
        return content;
    }

    /// <summary>Sends a request and returns the status, the JSON body (when JSON) and the body text.</summary>
    public static async Task<(HttpStatusCode Status, JsonNode? Body, string Text)> SendAsync(HttpClient client, HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await client.SendAsync(request);
        string text = await response.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (text.Length > 0 && response.Content.Headers.ContentType?.MediaType == "application/json")
        {
            json = JsonNode.Parse(text);
        }
        else if (text.Length > 0)
        {
            throw new InvalidOperationException($"{method} {path}: {response.StatusCode} answered {response.Content.Headers.ContentType} instead of JSON: {text}");
        }
        return (response.StatusCode, json, text);
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, string Text)> CreateAsync(
        HttpClient client, string ns, string table, JsonArray schema, bool isPrivate = false, string description = "", string path = "/api/v1/uploads")
    {
        var body = new JsonObject
        {
            ["namespace"] = ns,
            ["table_name"] = table,
            ["schema"] = schema.DeepClone(),
            ["description"] = description,
            ["is_private"] = isPrivate,
        };
        return SendAsync(client, HttpMethod.Post, path, Body(body.ToJsonString(), "application/json"));
    }

    public static async Task<JsonNode> CreateOkAsync(HttpClient client, string ns, string table, JsonArray schema, bool isPrivate = false)
    {
        var (status, body, text) = await CreateAsync(client, ns, table, schema, isPrivate);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"create {ns}.{table} failed: {status} {text}");
        }
        return body!;
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, string Text)> UploadCsvAsync(
        HttpClient client, string table, string csv, bool isPrivate = false, string description = "", string path = "/api/v1/uploads/csv")
    {
        var body = new JsonObject { ["table_name"] = table, ["data"] = csv, ["description"] = description, ["is_private"] = isPrivate };
        return SendAsync(client, HttpMethod.Post, path, Body(body.ToJsonString(), "application/json"));
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, string Text)> InsertAsync(
        HttpClient client, string ns, string table, string body, string? contentType = "text/csv", string prefix = "/api/v1/uploads") =>
        SendAsync(client, HttpMethod.Post, $"{prefix}/{ns}/{table}/insert", Body(body, contentType));

    public static async Task<JsonNode> InsertOkAsync(HttpClient client, string ns, string table, string body, string? contentType = "text/csv")
    {
        var (status, json, text) = await InsertAsync(client, ns, table, body, contentType);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"insert into {ns}.{table} failed: {status} {text}");
        }
        return json!;
    }

    /// <summary>Every table in the caller's listing.</summary>
    public static async Task<List<JsonNode>> ListAllAsync(HttpClient client)
    {
        var body = await client.GetFromJsonNodeAsync("/api/v1/uploads?limit=10000");
        return body["tables"]!.AsArray().Select(t => t!).ToList();
    }

    public static async Task<JsonNode?> FindListedAsync(HttpClient client, string tableName) =>
        (await ListAllAsync(client)).SingleOrDefault(t => t["table_name"]!.GetValue<string>() == tableName);

    public static (string Name, string Type, bool Nullable)[] Columns(JsonNode listed) =>
        listed["columns"]!.AsArray().Select(c => (c!["name"]!.GetValue<string>(), c["type"]!.GetValue<string>(), c["nullable"]!.GetValue<bool>())).ToArray();

    public static string[] Strings(JsonNode? array) => array!.AsArray().Select(n => n!.GetValue<string>()).ToArray();

    public static async Task<JsonNode> UsageAsync(HttpClient client) => await client.GetFromJsonNodeAsync("/api/v1/usage");

    /// <summary>Runs SQL to completion and returns the whole first results page (no datapoint cap).</summary>
    public static Task<JsonNode> RunAsync(HttpClient client, string sql) =>
        client.RunAsync(sql, "?ignore_max_datapoints_per_request=true");

    public static async Task<long> CountAsync(HttpClient client, string table)
    {
        var body = await RunAsync(client, $"select count(*) as n from {table}");
        return body["result"]!["rows"]![0]!["n"]!.GetValue<long>();
    }

    /// <summary>Runs SQL expecting it to fail; returns the execution's error object.</summary>
    public static async Task<JsonNode> FailedAsync(HttpClient client, string sql)
    {
        string id = await client.SubmitAsync(sql);
        var status = await client.WaitAsync(id);
        if (status["state"]!.GetValue<string>() != "QUERY_STATE_FAILED")
        {
            throw new Xunit.Sdk.XunitException($"expected {sql} to fail: {status}");
        }
        return status["error"]!;
    }
}
