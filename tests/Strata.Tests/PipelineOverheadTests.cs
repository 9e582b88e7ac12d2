using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Strata.Tests;

/// <summary>
/// The orchestration overhead of a pipeline: from its submission to its last node's completion, against the sum of
/// its nodes' own execution times (started to ended), on a chain A &lt;- B &lt;- C plus a query (every node waits for
/// the one before, so the difference is what the pipeline adds: queueing, waking, replacing each view's table).
/// </summary>
[Collection(SharedServerCollection.Name)]
public sealed class PipelineOverheadTests(SharedServer shared, ITestOutputHelper output)
{
    private StrataServer Server => shared.Server;

    private static DateTimeOffset Time(JsonNode node, string name) =>
        DateTimeOffset.Parse(node[name]!.GetValue<string>(), CultureInfo.InvariantCulture);

    private async Task<long> QueryAsync(string sql)
    {
        var (_, body, _) = await Server.Alice.PostJsonAsync("/api/v1/query", new JsonObject { ["name"] = "overhead", ["query_sql"] = sql }.ToJsonString());
        return body!["query_id"]!.GetValue<long>();
    }

    [Fact]
    public async Task Pipeline_orchestration_overhead_is_measured_against_the_nodes_own_times()
    {
        string s = Guid.NewGuid().ToString("N")[..8];
        const string Work = "from (select (a.i - 1) * 1000 + b.j as n from unnest(sequence(1, 300)) as a(i) cross join unnest(sequence(1, 1000)) as b(j)) as t";
        long qa = await QueryAsync($"select count(*) as c, sum(n % 7) as v {Work}");
        long qb = await QueryAsync($"select max(v) + count(*) as v from dune.alice.result_oa_{s} cross join (select (a.i - 1) * 1000 + b.j as n from unnest(sequence(1, 300)) as a(i) cross join unnest(sequence(1, 1000)) as b(j)) as t");
        long qc = await QueryAsync($"select max(v) + count(*) as v from dune.alice.result_ob_{s} cross join (select (a.i - 1) * 1000 + b.j as n from unnest(sequence(1, 300)) as a(i) cross join unnest(sequence(1, 1000)) as b(j)) as t");
        long q = await QueryAsync($"select max(v) + count(*) as v from dune.alice.result_oc_{s} cross join (select (a.i - 1) * 1000 + b.j as n from unnest(sequence(1, 300)) as a(i) cross join unnest(sequence(1, 1000)) as b(j)) as t");
        foreach (var (name, id) in new[] { ($"result_oa_{s}", qa), ($"result_ob_{s}", qb), ($"result_oc_{s}", qc) })
        {
            var (status, body, _) = await Server.Alice.PostJsonAsync("/api/v1/materialized-views", new JsonObject { ["name"] = name, ["query_id"] = id }.ToJsonString());
            Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
            await Server.Alice.WaitAsync(body!["execution_id"]!.GetValue<string>());
        }
        var ratios = new List<double>();
        for (int run = 0; run < 5; run++)
        {
            var (_, started, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{q}/pipeline/execute", "{}");
            string id = started!["pipeline_execution_id"]!.GetValue<string>();
            JsonNode status;
            do
            {
                await Task.Delay(20);
                status = (await Server.Alice.GetJsonAsync($"/api/v1/pipelines/executions/{id}/status")).Body!;
            }
            while (status["status"]!.GetValue<string>() is not ("completed" or "failed"));
            Assert.True(status["status"]!.GetValue<string>() == "completed", status.ToJsonString());
            double own = 0;
            DateTimeOffset lastEnd = default;
            foreach (var node in status["node_executions"]!.AsArray())
            {
                var detail = (node!["materialized_view_refresh_status"] ?? node["query_execution_status"])!;
                var execution = (await Server.Alice.GetJsonAsync($"/api/v1/execution/{detail["execution_id"]!.GetValue<string>()}/status")).Body!;
                own += (Time(execution, "execution_ended_at") - Time(execution, "execution_started_at")).TotalMilliseconds;
                lastEnd = Time(execution, "execution_ended_at");
            }
            double wall = (lastEnd - Time(status, "submitted_at")).TotalMilliseconds;
            ratios.Add((wall - own) / own);
            output.WriteLine(FormattableString.Invariant($"run {run}: submission to last node {wall:F0} ms, nodes' own {own:F0} ms, overhead {100 * (wall - own) / own:F1}%"));
        }
        ratios.Sort();
        output.WriteLine(FormattableString.Invariant($"median overhead {100 * ratios[2]:F1}%"));
        // Sequential nodes: the wall time cannot be shorter than the sum of their own times.
        Assert.All(ratios, r => Assert.True(r >= 0, $"overhead {r}"));
    }
}
