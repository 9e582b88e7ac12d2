using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Tests.Contracts;

/// <summary>What every <see cref="IEndpointStore"/> must do: upsert keeping the creation time, get, list per owner, delete.</summary>
public abstract class EndpointStoreContract : StoreContract
{
    private IEndpointStore Endpoints => Stores.Endpoints;

    private static QueryEndpoint NewEndpoint(string owner, string slug, long queryId = 7) => new(
        owner, slug, queryId,
        new Dictionary<string, ParameterValue> { ["chain"] = ParameterValue.Single("base"), ["tokens"] = new(["a", "b"], true) },
        TimeSpan.FromMinutes(90), T0, T0);

    private static void AssertSame(QueryEndpoint expected, QueryEndpoint? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal((expected.Owner, expected.Slug, expected.QueryId, expected.MaxResultAge, expected.CreatedAt, expected.UpdatedAt),
            (actual.Owner, actual.Slug, actual.QueryId, actual.MaxResultAge, actual.CreatedAt, actual.UpdatedAt));
        Assert.Equal(expected.Parameters.Keys.Order(), actual.Parameters.Keys.Order());
        foreach (var (name, value) in expected.Parameters)
        {
            Assert.Equal(value.Values, actual.Parameters[name].Values);
            Assert.Equal(value.IsList, actual.Parameters[name].IsList);
        }
    }

    [Fact]
    public async Task An_endpoint_reads_back_with_its_values_and_age_and_a_second_upsert_replaces_it_keeping_its_creation_time()
    {
        var first = NewEndpoint("alice", "top-tokens");
        AssertSame(first, await Endpoints.UpsertEndpointAsync(first, None));
        AssertSame(first, await Endpoints.GetEndpointAsync("alice", "top-tokens", None));

        var second = first with { QueryId = 9, Parameters = new Dictionary<string, ParameterValue>(), MaxResultAge = TimeSpan.FromHours(2), CreatedAt = T0.AddHours(1), UpdatedAt = T0.AddHours(1) };
        var stored = await Endpoints.UpsertEndpointAsync(second, None);
        AssertSame(second with { CreatedAt = T0 }, stored);
        AssertSame(second with { CreatedAt = T0 }, await Endpoints.GetEndpointAsync("alice", "top-tokens", None));
        Assert.Null(await Endpoints.GetEndpointAsync("bob", "top-tokens", None));
        Assert.Null(await Endpoints.GetEndpointAsync("alice", "other", None));
    }

    [Fact]
    public async Task Lists_are_per_owner_ordered_by_slug_and_paged_with_the_total()
    {
        foreach (string slug in new[] { "c", "a", "b" })
        {
            await Endpoints.UpsertEndpointAsync(NewEndpoint("alice", slug), None);
        }
        await Endpoints.UpsertEndpointAsync(NewEndpoint("bob", "a"), None);
        var (page, total) = await Endpoints.ListEndpointsAsync("alice", 2, 0, None);
        Assert.Equal(new[] { "a", "b" }, page.Select(e => e.Slug));
        Assert.Equal(3L, total);
        (page, total) = await Endpoints.ListEndpointsAsync("alice", 2, 2, None);
        Assert.Equal(new[] { "c" }, page.Select(e => e.Slug));
        Assert.Equal(3L, total);
        (page, total) = await Endpoints.ListEndpointsAsync("carol", 10, 0, None);
        Assert.Empty(page);
        Assert.Equal(0, total);
    }

    [Fact]
    public async Task Delete_removes_only_that_owners_endpoint_and_says_whether_there_was_one()
    {
        await Endpoints.UpsertEndpointAsync(NewEndpoint("alice", "x"), None);
        await Endpoints.UpsertEndpointAsync(NewEndpoint("bob", "x"), None);
        Assert.True(await Endpoints.DeleteEndpointAsync("alice", "x", None));
        Assert.False(await Endpoints.DeleteEndpointAsync("alice", "x", None));
        Assert.Null(await Endpoints.GetEndpointAsync("alice", "x", None));
        Assert.NotNull(await Endpoints.GetEndpointAsync("bob", "x", None));
    }
}
