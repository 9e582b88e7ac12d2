using Strata.Reliability;
using Strata.Application.Executions;

namespace Strata.Tests;

/// <summary>
/// A few thousand mutated JSON, NDJSON and CSV bodies through the real server pipeline in process
/// (the <c>fuzz-bodies</c> run of benchmarks/reliability, small): no 5xx, every refusal carries the
/// contract's error body, nothing piles up.
/// </summary>
public sealed class BodyFuzzTests
{
    [Fact]
    public async Task Mutated_bodies_on_every_body_route_get_no_5xx_and_every_refusal_has_the_error_body()
    {
        string dir = Path.Combine(Path.GetTempPath(), "strata-bodyfuzz-" + Guid.NewGuid().ToString("N"));
        const string key = "bodyfuzz-test-key-0001";
        try
        {
            BodyFuzz fuzz;
            using (var server = new InProcessStrata(dir, new Dictionary<string, string> { ["Strata:ApiKeys"] = $"{BodyFuzz.Owner}:{key}" }))
            {
                using var client = server.ClientWithKey(key);
                // The 1 s target is the benchmark's; here a shared CI machine only has to answer.
                fuzz = new BodyFuzz(client, slowMs: 20_000) { ExecutionWait = TimeSpan.FromSeconds(1) };
                await fuzz.SetUpAsync();
                await fuzz.RunAsync(jsonInputs: 800, ndjsonInputs: 200, csvInputs: 80, seed: 9, parallel: 2);
            }
            Assert.Empty(fuzz.Failures);
            Assert.Equal(1080, fuzz.Tallies.Values.Sum(t => t.Inputs));
            string[] routes = ["execute", "query create", "query update", "query execute", "upload create", "insert NDJSON", "insert CSV"];
            foreach (string route in routes)
            {
                var tally = fuzz.Tallies[route];
                Assert.True(tally.Accepted > 0, $"{route}: no input was accepted");
                Assert.True(tally.Inputs - tally.Accepted > 0, $"{route}: no input was refused");
            }
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>
    /// The direct fuzzer of <c>fuzz-direct</c>, small: JSON bodies through each handler's binder with the
    /// server's services, NDJSON and CSV bodies through the loader's check, every tenth also loaded for real.
    /// </summary>
    [Fact]
    public async Task Mutated_bodies_through_each_binder_and_the_loaders_reader_are_accepted_or_refused_cleanly()
    {
        string dir = Path.Combine(Path.GetTempPath(), "strata-directfuzz-" + Guid.NewGuid().ToString("N"));
        const string key = "directfuzz-test-key-01";
        try
        {
            DirectBodyFuzz fuzz;
            using (var server = new InProcessStrata(dir, new Dictionary<string, string> { ["Strata:ApiKeys"] = $"{BodyFuzz.Owner}:{key}" }))
            {
                using var client = server.ClientWithKey(key);
                fuzz = new DirectBodyFuzz(server.Services, await DirectBodyFuzz.FixturesAsync(server.Services, client));
                await fuzz.JsonAsync(12_000, seed: 5, parallel: 2, _ => { });
            }
            string work = Path.Combine(dir, "loader");
            Directory.CreateDirectory(work);
            await fuzz.LoaderAsync(ndjson: 150, csv: 50, seed: 5, parallel: 2, compareEvery: 10, work, _ => { });
            Assert.DoesNotContain(fuzz.Failures, f => !f.Contains(" took ", StringComparison.Ordinal));
            Assert.True(fuzz.Compared > 0, "no loader input was compared with a real load");
            foreach (var (target, tally) in fuzz.Tallies)
            {
                Assert.True(tally.Accepted > 0 && tally.Inputs > tally.Accepted, $"{target}: {tally.Accepted} of {tally.Inputs} accepted");
            }
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    /// <summary>
    /// Found by fuzz-bodies: a cancel that looked up a running execution's token source just as the
    /// run ended called it after the run had disposed it, and answered 500. The state of that race is
    /// set here directly: the execution is running and its listed source is already disposed.
    /// </summary>
    [Fact]
    public async Task A_cancel_that_meets_a_run_that_just_disposed_its_source_cancels_without_an_exception()
    {
        // The fuzzer's 500: the run ended and disposed its source between the cancel's lookup and its
        // CancelAsync. Here the registered source is already disposed when the cancel arrives.
        var signals = new LocalExecutionSignals();
        var disposed = new CancellationTokenSource();
        disposed.Dispose();
        using (signals.Running("e1", disposed))
        {
            Assert.True(await signals.CancelAsync("e1"));
        }
        Assert.False(await signals.CancelAsync("e1"));
    }

    [Theory]
    [InlineData(500, "{\"error\":\"internal error\"}")]
    [InlineData(400, "bad request")]
    [InlineData(404, "{\"message\":\"x\"}")]
    [InlineData(400, "{\"error\":\"\"}")]
    public void The_check_catches_a_5xx_and_a_refusal_without_the_error_body(int status, string body) =>
        Assert.NotNull(BodyFuzz.Check(status, body));

    [Theory]
    [InlineData(200, "{\"execution_id\":\"x\"}")]
    [InlineData(400, "{\"error\":\"sql is required and must be a string\"}")]
    public void The_check_passes_a_success_and_a_refusal_with_the_error_body(int status, string body) =>
        Assert.Null(BodyFuzz.Check(status, body));
}
