using Strata.Application;
using Strata.Application.Queries;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Tests.Application;

/// <summary>The saved-query rules: visibility, ownership, the version rule, execution with parameters and the latest result.</summary>
public sealed class SavedQueriesTests
{
    private static readonly QueryParameter Chain = new("chain", "text", "ethereum");

    private static SavedQueryDraft Draft(string sql = "select '{{chain}}' as c", bool isPrivate = false) =>
        new("q", sql, "", [], [Chain], isPrivate, SqlDialect.DuneSql);

    [Fact]
    public async Task The_version_goes_up_when_the_sql_the_dialect_or_the_parameters_change_and_only_then()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var id = (await h.Queries.CreateAsync("alice", Draft(), CancellationToken.None)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        async Task<int> VersionAfter(SavedQueryChanges changes)
        {
            var query = await h.Queries.GetOwnedAsync("alice", id, CancellationToken.None);
            await h.Queries.UpdateAsync(query, changes, CancellationToken.None);
            return (await h.Queries.GetOwnedAsync("alice", id, CancellationToken.None)).Version;
        }
        Assert.Equal(1, await VersionAfter(new SavedQueryChanges(Name: "renamed", Description: "d", Tags: ["t"], IsPrivate: true)));
        Assert.Equal(1, await VersionAfter(new SavedQueryChanges(Sql: "select '{{chain}}' as c", Parameters: [Chain])));
        Assert.Equal(2, await VersionAfter(new SavedQueryChanges(Sql: "select '{{chain}}' as d")));
        Assert.Equal(3, await VersionAfter(new SavedQueryChanges(Dialect: SqlDialect.DuckDb)));
        Assert.Equal(4, await VersionAfter(new SavedQueryChanges(Parameters: [Chain with { Value = "base" }])));
        var query = await h.Queries.GetOwnedAsync("alice", id, CancellationToken.None);
        Assert.Equal(("renamed", true), (query.Name, query.IsPrivate));
    }

    /// <summary>PATCH /query/{id} is this one call: the lookup, the owner's right, the new text's size and the change.</summary>
    [Fact]
    public async Task An_update_by_its_caller_is_the_owners_alone_and_holds_only_a_new_text_to_the_size_limit()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var queries = new SavedQueries(h.Store, h.Store, h.Storage, h.Time, maxSqlBytes: 64);
        string id = (await queries.CreateAsync("alice", Draft(), CancellationToken.None)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        var foreign = await Assert.ThrowsAsync<UseCaseException>(() => queries.UpdateAsync("bob", id, new SavedQueryChanges(Name: "bob's"), CancellationToken.None));
        Assert.Equal(UseCaseError.Forbidden, foreign.Error);
        var missing = await Assert.ThrowsAsync<UseCaseException>(() => queries.UpdateAsync("alice", "999", new SavedQueryChanges(Name: "x"), CancellationToken.None));
        Assert.Equal(UseCaseError.NotFound, missing.Error);
        var big = await Assert.ThrowsAsync<UseCaseException>(() => queries.UpdateAsync("alice", id, new SavedQueryChanges(Sql: "select " + new string('é', 40), Name: "big"), CancellationToken.None));
        Assert.Equal(UseCaseError.TooLarge, big.Error);
        Assert.Equal("query text too large: 87 bytes of SQL, the limit is 64 bytes (Strata:MaxSqlBytes)", big.Message);
        var unchanged = await queries.GetOwnedAsync("alice", id, CancellationToken.None);
        Assert.Equal((Draft().Sql, "q", 1), (unchanged.Sql, unchanged.Name, unchanged.Version));

        // The stored text is not held to a limit lowered since: resending it with other changes is accepted.
        var lowered = new SavedQueries(h.Store, h.Store, h.Storage, h.Time, maxSqlBytes: 8);
        Assert.Equal(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture),
            await lowered.UpdateAsync("alice", id, new SavedQueryChanges(Sql: Draft().Sql, Name: "renamed"), CancellationToken.None));
        var renamed = await queries.GetOwnedAsync("alice", id, CancellationToken.None);
        Assert.Equal(("renamed", 1), (renamed.Name, renamed.Version));
    }

    [Fact]
    public async Task Another_owners_private_query_is_not_found_exactly_as_a_missing_one_and_a_public_one_cannot_be_changed()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        string hidden = (await h.Queries.CreateAsync("alice", Draft(isPrivate: true), CancellationToken.None)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        string shown = (await h.Queries.CreateAsync("alice", Draft(), CancellationToken.None)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var missing = await Assert.ThrowsAsync<UseCaseException>(() => h.Queries.GetVisibleAsync("bob", "999", CancellationToken.None));
        var privateOne = await Assert.ThrowsAsync<UseCaseException>(() => h.Queries.GetVisibleAsync("bob", hidden, CancellationToken.None));
        Assert.Equal((missing.Error, missing.Message), (privateOne.Error, privateOne.Message));
        Assert.Equal(UseCaseError.NotFound, privateOne.Error);

        Assert.Equal("alice", (await h.Queries.GetVisibleAsync("bob", shown, CancellationToken.None)).Owner);
        var change = await Assert.ThrowsAsync<UseCaseException>(() => h.Queries.SetFlagAsync("bob", shown, q => q with { IsArchived = true }, CancellationToken.None));
        Assert.Equal(UseCaseError.Forbidden, change.Error);
        var bad = await Assert.ThrowsAsync<UseCaseException>(() => h.Queries.GetVisibleAsync("bob", "-1", CancellationToken.None));
        Assert.Equal(UseCaseError.Invalid, bad.Error);
    }

    [Fact]
    public async Task An_archived_query_cannot_be_executed_and_a_bad_parameter_value_is_invalid()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        var number = new QueryParameter("n", "number", "1");
        string id = (await h.Queries.CreateAsync("alice", new SavedQueryDraft("q", "select {{n}}", "", [], [number], false, SqlDialect.DuneSql), CancellationToken.None))
            .ToString(System.Globalization.CultureInfo.InvariantCulture);
        var query = await h.Queries.GetExecutableAsync("bob", id, CancellationToken.None);
        var request = SavedQueries.ExecutionOf(query, "bob", PerformanceTier.Medium, new Dictionary<string, ParameterValue> { ["n"] = ParameterValue.Single("5") });
        Assert.Equal(("bob", "select 5"), (request.Owner, request.Parameters!.Sql));
        var invalid = Assert.Throws<UseCaseException>(() =>
            SavedQueries.ExecutionOf(query, "bob", PerformanceTier.Medium, new Dictionary<string, ParameterValue> { ["n"] = ParameterValue.Single("five") }));
        Assert.Equal(UseCaseError.Invalid, invalid.Error);

        await h.Queries.SetFlagAsync("alice", id, q => q with { IsArchived = true }, CancellationToken.None);
        var archived = await Assert.ThrowsAsync<UseCaseException>(() => h.Queries.GetExecutableAsync("bob", id, CancellationToken.None));
        Assert.Equal((UseCaseError.Forbidden, SavedQueries.NotAllowedToExecute), (archived.Error, archived.Message));
    }

    [Fact]
    public async Task The_latest_result_is_the_callers_newest_with_a_result_narrowed_by_normalised_parameter_values()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        string id = (await h.Queries.CreateAsync("alice", Draft(), CancellationToken.None)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var query = await h.Queries.GetExecutableAsync("alice", id, CancellationToken.None);
        async Task<string> Submit(string chain) => (await h.Service.SubmitAsync(
            SavedQueries.ExecutionOf(query, "alice", PerformanceTier.Medium, new Dictionary<string, ParameterValue> { ["chain"] = ParameterValue.Single(chain) }),
            CancellationToken.None)).Execution.Id;
        var none = Array.Empty<KeyValuePair<string, string>>();

        var missing = await Assert.ThrowsAsync<UseCaseException>(() => h.Queries.LatestAsync("alice", id, none, CancellationToken.None));
        Assert.Equal((UseCaseError.NotFound, SavedQueries.NoLatest), (missing.Error, missing.Message));

        h.StartWorker();
        string ethereum = await Submit("ethereum");
        h.Engine.Run(ethereum).Complete();
        await h.EndedAsync(ethereum);
        string basePending = await Submit("base");
        h.Engine.Run(basePending).Fail(new InvalidOperationException("boom"));
        await h.EndedAsync(basePending);

        // The newest is a failed run: the newest with a result wins over it.
        Assert.Equal(ethereum, (await h.Queries.LatestAsync("alice", id, none, CancellationToken.None)).Id);
        Assert.Equal(basePending, (await h.Queries.LatestAsync("alice", id, [KeyValuePair.Create("chain", "base")], CancellationToken.None)).Id);
        Assert.Equal(ethereum, (await h.Queries.LatestAsync("alice", id, [KeyValuePair.Create("chain", "ethereum")], CancellationToken.None)).Id);
        await Assert.ThrowsAsync<UseCaseException>(() => h.Queries.LatestAsync("alice", id, [KeyValuePair.Create("chain", "solana")], CancellationToken.None));
        var unknown = await Assert.ThrowsAsync<UseCaseException>(() => h.Queries.LatestAsync("alice", id, [KeyValuePair.Create("nope", "x")], CancellationToken.None));
        Assert.Contains("no parameter named 'nope'", unknown.Message, StringComparison.Ordinal);
        // The query is public: its owner's runs are anyone's latest.
        Assert.Equal(ethereum, (await h.Queries.LatestAsync("bob", id, none, CancellationToken.None)).Id);
    }
}
