using Strata.Application;
using Strata.Application.Queries;
using Strata.Core.Executions;
using Strata.Core.Queries;

namespace Strata.Tests.Application;

/// <summary>
/// Query endpoints in process (fake engine, fake clock): publishing rules, slugs, visibility, and which
/// run a results request serves: a fresh readable one, else a new run of the caller's.
/// </summary>
public sealed class QueryEndpointsTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly QueryParameter Chain = new("chain", "text", "ethereum");

    private static QueryEndpoints Endpoints(ExecutionHarness h) => new(h.Store, h.Store, h.Queries, h.Service, h.Time);

    private static async Task<long> CreateQueryAsync(ExecutionHarness h, string owner = "alice", bool isPrivate = false) =>
        await h.Queries.CreateAsync(owner, new SavedQueryDraft("q", "select '{{chain}}' as c", "", [], [Chain], isPrivate, SqlDialect.DuneSql), None);

    private static EndpointDraft Draft(long queryId, string slug = "chains", string chain = "base", TimeSpan? age = null) =>
        new(slug, queryId, new Dictionary<string, ParameterValue> { ["chain"] = ParameterValue.Single(chain) }, age ?? TimeSpan.FromHours(1));

    private static EndpointRequest Request(string handle = "alice", string slug = "chains", Dictionary<string, string>? values = null) =>
        new(handle, slug, values ?? [], PerformanceTier.Medium, TimeSpan.Zero);

    [Theory]
    [InlineData("")]
    [InlineData("-leading-dash")]
    [InlineData("has space")]
    [InlineData("dots.are.not")]
    [InlineData("ünïcode")]
    public async Task A_bad_slug_is_refused_saying_what_a_slug_may_be(string slug)
    {
        await using var h = await ExecutionHarness.CreateAsync();
        long id = await CreateQueryAsync(h);
        var e = await Assert.ThrowsAsync<UseCaseException>(() => Endpoints(h).PublishAsync("alice", Draft(id, slug), None));
        Assert.Equal(UseCaseError.Invalid, e.Error);
        Assert.Contains("slug", e.Message, StringComparison.Ordinal);
        var tooLong = await Assert.ThrowsAsync<UseCaseException>(() => Endpoints(h).PublishAsync("alice", Draft(id, new string('a', 65)), None));
        Assert.Contains("1 to 64 characters", tooLong.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_owner_publishes_its_query_with_valid_values_and_a_slug_is_canonical_lower_case()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        long publicOne = await CreateQueryAsync(h);
        long privateOne = await CreateQueryAsync(h, isPrivate: true);
        var endpoints = Endpoints(h);

        var published = await endpoints.PublishAsync("alice", Draft(publicOne, "Top_Chains-1"), None);
        Assert.Equal(("alice", "top_chains-1", publicOne), (published.Owner, published.Slug, published.QueryId));

        var others = await Assert.ThrowsAsync<UseCaseException>(() => endpoints.PublishAsync("bob", Draft(publicOne), None));
        Assert.Equal(UseCaseError.Forbidden, others.Error);
        var hidden = await Assert.ThrowsAsync<UseCaseException>(() => endpoints.PublishAsync("bob", Draft(privateOne), None));
        Assert.Equal((UseCaseError.NotFound, SavedQueries.QueryNotFound), (hidden.Error, hidden.Message));
        var unknown = await Assert.ThrowsAsync<UseCaseException>(() => endpoints.PublishAsync("alice",
            new EndpointDraft("x", publicOne, new Dictionary<string, ParameterValue> { ["nope"] = ParameterValue.Single("1") }, null), None));
        Assert.Equal(UseCaseError.Invalid, unknown.Error);
        var age = await Assert.ThrowsAsync<UseCaseException>(() => endpoints.PublishAsync("alice", Draft(publicOne, age: TimeSpan.Zero), None));
        Assert.Contains("max_result_age_hours", age.Message, StringComparison.Ordinal);
        var tiny = await Assert.ThrowsAsync<UseCaseException>(() => endpoints.PublishAsync("alice", Draft(publicOne, age: TimeSpan.FromHours(1e-7)), None));
        Assert.Equal(UseCaseError.Invalid, tiny.Error);
    }

    [Theory]
    [InlineData(1e-7)]
    [InlineData(0.0166)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(8784.01)]
    [InlineData(1e308)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_max_result_age_outside_a_minute_to_366_days_is_refused_naming_the_value(double hours)
    {
        var e = Assert.Throws<UseCaseException>(() => QueryEndpoints.MaxResultAgeOf(hours));
        Assert.Equal(UseCaseError.Invalid, e.Error);
        Assert.Equal($"max_result_age_hours must be from 1/60 (one minute) to 8784 hours, got {hours.ToString(System.Globalization.CultureInfo.InvariantCulture)}", e.Message);
    }

    [Theory]
    [InlineData(1.0 / 60)]
    [InlineData(0.5)]
    [InlineData(8784.0)]
    public void A_max_result_age_from_a_minute_to_366_days_is_kept(double hours) =>
        Assert.Equal(TimeSpan.FromHours(hours), QueryEndpoints.MaxResultAgeOf(hours));

    [Fact]
    public async Task A_new_endpoint_past_the_per_owner_quota_is_refused_and_counted_but_an_existing_one_is_replaced()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        using var rejections = new RejectionCounter();
        var endpoints = new QueryEndpoints(h.Store, h.Store, h.Queries, h.Service, h.Time, rejections.Metrics);
        long id = await CreateQueryAsync(h);
        var now = h.Time.GetUtcNow();
        for (int i = 0; i < QueryEndpoints.MaxPerOwner; i++)
        {
            await h.Store.UpsertEndpointAsync(new QueryEndpoint("alice", $"e{i}", id, new Dictionary<string, ParameterValue>(), TimeSpan.FromHours(1), now, now), None);
        }
        var e = await Assert.ThrowsAsync<UseCaseException>(() => endpoints.PublishAsync("alice", Draft(id, "one-more"), None));
        Assert.Equal((UseCaseError.QuotaExceeded, "endpoint quota exceeded: at most 1000 per owner; delete some first"), (e.Error, e.Message));
        Assert.Equal(1, rejections.Count(Strata.Application.Observability.StrataMetrics.Reasons.EndpointsQuota));
        Assert.Equal("e7", (await endpoints.PublishAsync("alice", Draft(id, "e7"), None)).Slug);
        Assert.Equal("chains", (await endpoints.PublishAsync("bob", Draft(await CreateQueryAsync(h, "bob")), None)).Slug);
        Assert.Equal(1, rejections.Count(Strata.Application.Observability.StrataMetrics.Reasons.EndpointsQuota));
    }

    [Fact]
    public async Task An_endpoint_of_a_private_query_is_not_found_for_others_on_every_use_exactly_as_a_missing_one()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        long id = await CreateQueryAsync(h, isPrivate: true);
        var endpoints = Endpoints(h);
        await endpoints.PublishAsync("alice", Draft(id), None);

        var missing = await Assert.ThrowsAsync<UseCaseException>(() => endpoints.ResultAsync("bob", Request(slug: "no-such"), None));
        var results = await Assert.ThrowsAsync<UseCaseException>(() => endpoints.ResultAsync("bob", Request(), None));
        var delete = await Assert.ThrowsAsync<UseCaseException>(() => endpoints.DeleteAsync("bob", "alice", "chains", None));
        Assert.Equal((UseCaseError.NotFound, QueryEndpoints.NotFoundMessage), (missing.Error, missing.Message));
        Assert.Equal((missing.Error, missing.Message), (results.Error, results.Message));
        Assert.Equal((missing.Error, missing.Message), (delete.Error, delete.Message));
        Assert.Equal(0, (await endpoints.ListAsync("bob", 10, 0, None)).Total);

        // Made public, others see it but cannot delete it.
        await h.Queries.SetFlagAsync("alice", id.ToString(System.Globalization.CultureInfo.InvariantCulture), q => q with { IsPrivate = false }, None);
        var forbidden = await Assert.ThrowsAsync<UseCaseException>(() => endpoints.DeleteAsync("bob", "alice", "chains", None));
        Assert.Equal(UseCaseError.Forbidden, forbidden.Error);
        await endpoints.DeleteAsync("alice", "ALICE", "Chains", None);
        await Assert.ThrowsAsync<UseCaseException>(() => endpoints.ResultAsync("alice", Request(), None));
    }

    [Fact]
    public async Task A_fresh_run_with_the_effective_values_is_served_and_a_stale_one_starts_a_run_of_the_callers()
    {
        await using var h = await ExecutionHarness.CreateAsync();
        long id = await CreateQueryAsync(h);
        var endpoints = Endpoints(h);
        await endpoints.PublishAsync("alice", Draft(id, age: TimeSpan.FromHours(1)), None);
        h.StartWorker();

        // No result yet: bob's request starts bob's run with the endpoint's value (base), and waits no time.
        var first = await endpoints.ResultAsync("bob", Request(), None);
        Assert.Equal(("bob", ExecutionState.Pending, "select 'base' as c"), (first.Owner, first.State, first.Sql));
        h.Engine.Run(first.Id).Complete();
        await h.EndedAsync(first.Id);
        // A second request within the age is served that run; alice (the owner) does not see bob's run.
        Assert.Equal(first.Id, (await endpoints.ResultAsync("bob", Request(), None)).Id);
        var alices = await endpoints.ResultAsync("alice", Request(), None);
        Assert.NotEqual(first.Id, alices.Id);
        h.Engine.Run(alices.Id).Complete();
        await h.EndedAsync(alices.Id);
        // Carol is served the owner's run; a value given in the request selects (and runs) other values.
        Assert.Equal(alices.Id, (await endpoints.ResultAsync("carol", Request(), None)).Id);
        var other = await endpoints.ResultAsync("carol", Request(values: new() { ["chain"] = "solana" }), None);
        Assert.Equal(("carol", "select 'solana' as c"), (other.Owner, other.Sql));
        var unknown = await Assert.ThrowsAsync<UseCaseException>(() => endpoints.ResultAsync("carol", Request(values: new() { ["nope"] = "1" }), None));
        Assert.Equal(UseCaseError.Invalid, unknown.Error);

        // Past the age, the owner's run is stale: carol's request runs the query again, as carol.
        h.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var rerun = await endpoints.ResultAsync("carol", Request(), None);
        Assert.Equal(("carol", ExecutionState.Pending), (rerun.Owner, rerun.State));
        // An identical request joins that run instead of starting another.
        Assert.Equal(rerun.Id, (await endpoints.ResultAsync("carol", Request(), None)).Id);
    }
}
