using System.Net;
using System.Text;

namespace Strata.Tests;

/// <summary>
/// Large bodies (~40 MB, a million rows) with quoted line breaks, commas and doubled quotes
/// throughout: DuckDB's parallel CSV reader splits the file between threads, and every record must
/// still arrive whole, and a bad value far into the body must be named by its row in the body.
/// </summary>
[Collection(InProcessServerCollection.Name)]
public sealed class LargeUploadTests(InProcessSharedServer shared)
{
    private const int Rows = 1_000_000;

    private InProcessServer Server => shared.Server;

    /// <summary>Every 7th value has a quoted line break, a comma and doubled quotes.</summary>
    private static string TextOf(long i) => i % 7 == 0 ? $"line\nbreak, \"q\" {i} abcdefghijklmnop" : $"value-{i}-abcdefghijklmnopqrst";

    private static byte[] Csv(long badRow = -1)
    {
        var text = new StringBuilder("n,s\r\n", Rows * 40);
        for (long i = 1; i <= Rows; i++)
        {
            string n = i == badRow ? "1.5" : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string s = TextOf(i);
            text.Append(n).Append(',').Append(i % 7 == 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static byte[] NdJson(long badRow = -1)
    {
        var text = new StringBuilder(Rows * 50);
        for (long i = 1; i <= Rows; i++)
        {
            string n = i == badRow ? "\"x\"" : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            text.Append("{\"n\":").Append(n).Append(",\"s\":").Append(System.Text.Json.JsonSerializer.Serialize(TextOf(i))).Append("}\n");
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private async Task<string> NewTableAsync(string prefix)
    {
        string name = UploadApi.Name(prefix);
        await UploadApi.CreateOkAsync(Server.Alice, "alice", name, UploadApi.Schema(("n", "bigint", false), ("s", "varchar", null)));
        return name;
    }

    private static ByteArrayContent Content(byte[] body, string type)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return content;
    }

    private async Task AssertWholeAsync(string name)
    {
        var result = await UploadApi.RunAsync(Server.Alice,
            $"select count(*) as c, sum(n) as total, count(*) filter (where s like '%' || chr(10) || '%') as broken, "
            + $"max(s) filter (where n = 700007) as sample, count(distinct n) as distinct_n from dune.alice.{name}");
        var row = result["result"]!["rows"]![0]!;
        Assert.Equal(Rows, row["c"]!.GetValue<long>());
        Assert.Equal((long)Rows * (Rows + 1) / 2, long.Parse(row["total"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Rows / 7, row["broken"]!.GetValue<long>());
        Assert.Equal(TextOf(700007), row["sample"]!.GetValue<string>());
        Assert.Equal(Rows, row["distinct_n"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_large_csv_with_quoted_line_breaks_arrives_whole()
    {
        string name = await NewTableAsync("chunked_csv");
        byte[] body = Csv();
        Assert.True(body.Length > 32 << 20, "the body must span several chunks");
        var (status, answer, text) = await UploadApi.SendAsync(Server.Alice, HttpMethod.Post, $"/api/v1/uploads/alice/{name}/insert", Content(body, "text/csv"));
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(Rows, answer!["rows_written"]!.GetValue<long>());
        Assert.Equal(body.Length, answer["bytes_written"]!.GetValue<long>());
        await AssertWholeAsync(name);
    }

    [Fact]
    public async Task A_large_ndjson_body_arrives_whole()
    {
        string name = await NewTableAsync("chunked_json");
        byte[] body = NdJson();
        var (status, answer, text) = await UploadApi.SendAsync(Server.Alice, HttpMethod.Post, $"/api/v1/uploads/alice/{name}/insert", Content(body, "application/x-ndjson"));
        Assert.True(status == HttpStatusCode.OK, text);
        Assert.Equal(Rows, answer!["rows_written"]!.GetValue<long>());
        await AssertWholeAsync(name);
    }

    [Theory]
    [InlineData("text/csv", 999_990)]
    [InlineData("text/csv", 450_001)]
    [InlineData("application/x-ndjson", 999_990)]
    public async Task A_bad_value_in_a_late_chunk_names_its_row_in_the_whole_body_and_changes_nothing(string type, long badRow)
    {
        string name = await NewTableAsync("chunked_bad");
        await UploadApi.InsertOkAsync(Server.Alice, "alice", name, "n,s\n-1,before\n");
        byte[] body = type == "text/csv" ? Csv(badRow) : NdJson(badRow);
        var (status, answer, text) = await UploadApi.SendAsync(Server.Alice, HttpMethod.Post, $"/api/v1/uploads/alice/{name}/insert", Content(body, type));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.StartsWith($"row {badRow}, column \"n\": value ", answer!["error"]!.GetValue<string>());
        Assert.Equal(1, await UploadApi.CountAsync(Server.Alice, $"dune.alice.{name}"));
        Assert.Equal(1, (await UploadApi.FindListedAsync(Server.Alice, name))!["row_count"]!.GetValue<long>());
        _ = text;
    }
}
