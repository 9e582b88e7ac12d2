using Strata.Application;
using Strata.Application.Queries;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Tests.Application;

/// <summary>
/// Who reads a saved query's results: the owner's runs of a public query are anyone's (latest result and
/// the execution routes), a third caller's runs stay its own, and a private query's stay the owner's.
/// </summary>
public sealed class PublicResultsTests
{
    private static readonly KeyValuePair<string, string>[] None = [];

    private static async Task<(string Id, SavedQuery Query)> CreateAsync(ExecutionHarness h, bool isPrivate, string owner = "alice", string sql = "select 1")
    {
        long id = await h.Queries.CreateAsync(owner, new SavedQueryDraft("q", sql, "", [], [], isPrivate, SqlDialect.DuneSql), CancellationToken.None);
        string text = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (text, await h.Queries.GetOwnedAsync(owner, text, CancellationToken.None));
    }

    /// <summary>Runs the query as <paramref name="caller"/>; the engine tells whether its sandbox showed a private table of the caller.</summary>
    private static async Task<string> RunAsync(ExecutionHarness h, SavedQuery query, string caller, bool showedPrivate = true)
    {
        var submitted = await h.Service.SubmitAsync(SavedQueries.ExecutionOf(query, caller, PerformanceTier.Medium, new Dictionary<string, ParameterValue>()), CancellationToken.None);
        h.Engine.Run(submitted.Execution.Id).Complete(showedPrivate: showedPrivate);
        await h.EndedAsync(submitted.Execution.Id);
        return submitted.Execution.Id;
    }

    [Fact]
    public async Task A_third_callers_run_that_read_nothing_private_of_theirs_is_the_public_querys_latest_for_everyone()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var access = new PublicResults(h.Store, h.Store, h.Service);
        h.StartWorker();
        var (id, query) = await CreateAsync(h, isPrivate: false);
        string alices = await RunAsync(h, query, "alice");
        string bobs = await RunAsync(h, query, "bob", showedPrivate: false);
        foreach (string reader in new[] { "alice", "bob", "carol" })
        {
            Assert.Equal(bobs, (await h.Queries.LatestAsync(reader, id, None, CancellationToken.None)).Id);
        }
        Assert.False((await h.Store.GetExecutionAsync(bobs, CancellationToken.None))!.RunnerPrivate);
        Assert.Equal(bobs, (await access.ReadableAsync("carol", bobs, CancellationToken.None)).Id);
        Assert.Equal(alices, (await access.ReadableAsync("carol", alices, CancellationToken.None)).Id);

        // Dave's newer run showed a private table of his: it is his alone; everyone else still gets bob's.
        string daves = await RunAsync(h, query, "dave", showedPrivate: true);
        Assert.True((await h.Store.GetExecutionAsync(daves, CancellationToken.None))!.RunnerPrivate);
        Assert.Equal(daves, (await h.Queries.LatestAsync("dave", id, None, CancellationToken.None)).Id);
        Assert.Equal(bobs, (await h.Queries.LatestAsync("carol", id, None, CancellationToken.None)).Id);
        Assert.Equal(bobs, (await h.Queries.LatestAsync("alice", id, None, CancellationToken.None)).Id);
        var hidden = await Assert.ThrowsAsync<UseCaseException>(() => access.ReadableAsync("carol", daves, CancellationToken.None));
        Assert.Equal((UseCaseError.NotFound, "Execution not found"), (hidden.Error, hidden.Message));

        // Once private, the query's results are its owner's own runs only, bob's shared run included out.
        await h.Queries.SetFlagAsync("alice", id, q => q with { IsPrivate = true }, CancellationToken.None);
        Assert.Equal(alices, (await h.Queries.LatestAsync("alice", id, None, CancellationToken.None)).Id);
        await Assert.ThrowsAsync<UseCaseException>(() => access.ReadableAsync("carol", bobs, CancellationToken.None));
    }

    [Fact]
    public async Task A_run_that_inlined_a_private_query_of_its_runner_stays_the_runners_though_no_private_table_was_shown()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var access = new PublicResults(h.Store, h.Store, h.Service);
        h.StartWorker();
        var (bobsPrivate, _) = await CreateAsync(h, isPrivate: true, owner: "bob", sql: "select 41 as n");
        var (bobsPublic, _) = await CreateAsync(h, isPrivate: false, owner: "bob", sql: "select 42 as n");
        var (readsPrivate, first) = await CreateAsync(h, isPrivate: false, sql: $"select n from query_{bobsPrivate}");
        var (readsPublic, second) = await CreateAsync(h, isPrivate: false, sql: $"select n from query_{bobsPublic}");

        string hiddenRun = await RunAsync(h, first, "bob", showedPrivate: false);
        var hidden = await h.Store.GetExecutionAsync(hiddenRun, CancellationToken.None);
        // It ran, with bob's private query inlined (his right), and completed: only what it read keeps it his.
        Assert.Equal(ExecutionState.Completed, hidden!.State);
        Assert.Contains("select 41 as n", h.Engine.Run(hiddenRun).Request!.Sql, StringComparison.Ordinal);
        Assert.True(hidden.RunnerPrivate);
        var none = await Assert.ThrowsAsync<UseCaseException>(() => h.Queries.LatestAsync("carol", readsPrivate, None, CancellationToken.None));
        Assert.Equal((UseCaseError.NotFound, SavedQueries.NoLatest), (none.Error, none.Message));
        await Assert.ThrowsAsync<UseCaseException>(() => access.ReadableAsync("alice", hiddenRun, CancellationToken.None));

        string sharedRun = await RunAsync(h, second, "bob", showedPrivate: false);
        Assert.Equal(sharedRun, (await h.Queries.LatestAsync("carol", readsPublic, None, CancellationToken.None)).Id);
        Assert.Equal(sharedRun, (await h.Queries.LatestAsync("alice", readsPublic, None, CancellationToken.None)).Id);
    }

    [Fact]
    public async Task The_owners_run_of_a_public_query_is_readable_by_anyone_and_a_third_callers_run_of_their_private_data_is_not()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var access = new PublicResults(h.Store, h.Store, h.Service);
        h.StartWorker();
        var (id, query) = await CreateAsync(h, isPrivate: false);
        string alices = await RunAsync(h, query, "alice");
        string bobs = await RunAsync(h, query, "bob");

        // Bob's own run is newer, so it is his latest; carol sees the owner's; the owner never sees bob's.
        Assert.Equal(bobs, (await h.Queries.LatestAsync("bob", id, None, CancellationToken.None)).Id);
        Assert.Equal(alices, (await h.Queries.LatestAsync("carol", id, None, CancellationToken.None)).Id);
        Assert.Equal(alices, (await h.Queries.LatestAsync("alice", id, None, CancellationToken.None)).Id);

        Assert.Equal(alices, (await access.ReadableAsync("carol", alices.ToLowerInvariant(), CancellationToken.None)).Id);
        var third = await Assert.ThrowsAsync<UseCaseException>(() => access.ReadableAsync("carol", bobs, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<UseCaseException>(() => access.ReadableAsync("carol", ExecutionIds.New(), CancellationToken.None));
        Assert.Equal((UseCaseError.NotFound, missing.Message), (third.Error, third.Message));
        await Assert.ThrowsAsync<UseCaseException>(() => access.ReadableAsync("alice", bobs, CancellationToken.None));
        // Cancelling stays the runner's.
        await Assert.ThrowsAsync<UseCaseException>(() => h.Service.GetAsync("carol", alices, CancellationToken.None));
    }

    [Fact]
    public async Task A_run_of_an_earlier_private_version_stays_the_owners_when_the_query_is_made_public()
    {
        // hostile4: alice's run of version 1 (private, reading her private table) became readable by id once she edited
        // the query and made it public.
        await using var h = await ExecutionHarness.CreateAsync();
        var access = new PublicResults(h.Store, h.Store, h.Service);
        h.StartWorker();
        var (id, query) = await CreateAsync(h, isPrivate: true);
        string first = await RunAsync(h, query, "alice");
        await h.Queries.UpdateAsync(query, new SavedQueryChanges(Sql: "select 2"), CancellationToken.None);
        await h.Queries.SetFlagAsync("alice", id, q => q with { IsPrivate = false }, CancellationToken.None);
        var hidden = await Assert.ThrowsAsync<UseCaseException>(() => access.ReadableAsync("bob", first, CancellationToken.None));
        Assert.Equal((UseCaseError.NotFound, "Execution not found"), (hidden.Error, hidden.Message));
        Assert.Equal(first, (await access.ReadableAsync("alice", first, CancellationToken.None)).Id);
        string second = await RunAsync(h, await h.Queries.GetOwnedAsync("alice", id, CancellationToken.None), "alice");
        Assert.Equal(second, (await access.ReadableAsync("bob", second, CancellationToken.None)).Id);
    }

    [Fact]
    public async Task A_private_querys_results_are_the_owners_only_also_after_it_was_public()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var access = new PublicResults(h.Store, h.Store, h.Service);
        h.StartWorker();
        var (id, query) = await CreateAsync(h, isPrivate: false);
        string alices = await RunAsync(h, query, "alice");
        Assert.Equal(alices, (await access.ReadableAsync("bob", alices, CancellationToken.None)).Id);

        await h.Queries.SetFlagAsync("alice", id, q => q with { IsPrivate = true }, CancellationToken.None);
        var hidden = await Assert.ThrowsAsync<UseCaseException>(() => access.ReadableAsync("bob", alices, CancellationToken.None));
        Assert.Equal((UseCaseError.NotFound, "Execution not found"), (hidden.Error, hidden.Message));
        var latest = await Assert.ThrowsAsync<UseCaseException>(() => h.Queries.LatestAsync("bob", id, None, CancellationToken.None));
        Assert.Equal((UseCaseError.NotFound, SavedQueries.QueryNotFound), (latest.Error, latest.Message));
        Assert.Equal(alices, (await access.ReadableAsync("alice", alices, CancellationToken.None)).Id);
    }

    [Fact]
    public async Task Ad_hoc_runs_are_never_public()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var access = new PublicResults(h.Store, h.Store, h.Service);
        var submitted = await h.SubmitAsync("alice");
        await Assert.ThrowsAsync<UseCaseException>(() => access.ReadableAsync("bob", submitted.Execution.Id, CancellationToken.None));
    }

    [Fact]
    public void Of_two_runs_the_one_with_a_result_wins_then_the_newer()
    {
        Execution Run(ExecutionState state) => new() { Id = ExecutionIds.New(), Owner = "o", Sql = "s", State = state };
        var olderDone = Run(ExecutionState.Completed);
        var newerFailed = Run(ExecutionState.Failed);
        var newestDone = Run(ExecutionState.Completed);
        Assert.Same(olderDone, PublicResults.Newer(newerFailed, olderDone));
        Assert.Same(newestDone, PublicResults.Newer(olderDone, newestDone));
        Assert.Same(newestDone, PublicResults.Newer(newestDone, olderDone));
        Assert.Same(olderDone, PublicResults.Newer(null, olderDone));
        Assert.Null(PublicResults.Newer(null, null));
    }
}
