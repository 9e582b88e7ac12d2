using Strata.Core.Queries;
using Strata.Core.Storage;

namespace Strata.Tests.Contracts;

/// <summary>What every <see cref="IQueryStore"/> must do.</summary>
public abstract class QueryStoreContract : StoreContract
{
    private IQueryStore Queries => Stores.Queries;

    private static SavedQuery NewQuery(string owner, string name) => new()
    {
        Owner = owner,
        Name = name,
        Description = "about " + name,
        Tags = ["a", "b"],
        Sql = "SELECT {{n}}",
        Parameters = [new QueryParameter("n", "enum", "1", "a number", ["1", "2"], IsMultiselect: true)],
        IsPrivate = true,
        Dialect = SqlDialect.DuckDb,
        Version = 1,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    private static void AssertSame(SavedQuery expected, SavedQuery? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Tags = [], Parameters = [] }, actual with { Tags = [], Parameters = [] });
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected.Parameters.Count, actual.Parameters.Count);
        for (int i = 0; i < expected.Parameters.Count; i++)
        {
            Assert.Equal(expected.Parameters[i] with { EnumOptions = null }, actual.Parameters[i] with { EnumOptions = null });
            Assert.Equal(expected.Parameters[i].EnumOptions, actual.Parameters[i].EnumOptions);
        }
    }

    [Fact]
    public async Task A_created_query_reads_back_field_for_field_and_ids_grow()
    {
        var query = NewQuery("alice", "first");
        long id = await Queries.CreateQueryAsync(query, None);
        long next = await Queries.CreateQueryAsync(NewQuery("alice", "second"), None);
        Assert.True(next > id);
        AssertSame(query with { Id = id }, await Queries.GetQueryAsync(id, None));
        Assert.Null(await Queries.GetQueryAsync(next + 1000, None));
    }

    [Fact]
    public async Task An_update_replaces_every_field_it_carries()
    {
        long id = await Queries.CreateQueryAsync(NewQuery("alice", "first"), None);
        var changed = NewQuery("alice", "renamed") with
        {
            Id = id,
            Tags = [],
            Parameters = [],
            Sql = "SELECT 2",
            IsPrivate = false,
            IsArchived = true,
            Dialect = SqlDialect.DuneSql,
            Version = 2,
            UpdatedAt = T0.AddMinutes(1),
        };
        await Queries.UpdateQueryAsync(changed, None);
        AssertSame(changed, await Queries.GetQueryAsync(id, None));
    }

    [Fact]
    public async Task The_list_is_the_owners_queries_in_creation_order_with_the_total()
    {
        var ids = new List<long>();
        for (int i = 0; i < 5; i++)
        {
            ids.Add(await Queries.CreateQueryAsync(NewQuery("alice", $"q{i}"), None));
            await Queries.CreateQueryAsync(NewQuery("bob", $"b{i}"), None);
        }
        var (page, total) = await Queries.ListQueriesAsync("alice", 0, 1, 2, None);
        Assert.Equal(5, total);
        Assert.Equal(ids.Skip(1).Take(2), page.Select(q => q.Id));
        Assert.Equal(["q1", "q2"], page.Select(q => q.Name));
        (page, total) = await Queries.ListQueriesAsync("alice", 0, 5, 10, None);
        Assert.Equal((0, 5L), (page.Count, total));
        Assert.Equal(0, (await Queries.ListQueriesAsync("carol", 0, 0, 10, None)).Total);
        // The next batch of a listing starts after the last id it listed.
        (page, total) = await Queries.ListQueriesAsync("alice", ids[2], 0, 10, None);
        Assert.Equal(ids.Skip(3), page.Select(q => q.Id));
        Assert.Equal(5, total);
        (page, _) = await Queries.ListQueriesAsync("alice", ids[2], 1, 1, None);
        Assert.Equal([ids[4]], page.Select(q => q.Id));
    }

    [Fact]
    public async Task Usage_counts_what_the_owners_saved_queries_hold_as_the_use_case_measures_it()
    {
        var query = NewQuery("alice", "café") with { Description = "d€scription", Sql = "select 'ü' as x", Tags = ["t1", "ж"],
            Parameters = [new QueryParameter("p", "text", "v", "a value")] };
        await Queries.CreateQueryAsync(query, None);
        var other = NewQuery("alice", "second") with { Sql = new string('x', 5000) };
        long id = await Queries.CreateQueryAsync(other, None);
        await Queries.CreateQueryAsync(NewQuery("bob", "b"), None);
        var usage = await Stores.Usage.UsageAsync("alice", T0, T0, None);
        Assert.Equal(SavedQueryBytes.Of(query) + SavedQueryBytes.Of(other), usage.QueryBytes);
        var longer = other with { Id = id, Sql = new string('y', 9000), Version = 2 };
        await Queries.UpdateQueryAsync(longer, None);
        Assert.Equal(SavedQueryBytes.Of(query) + SavedQueryBytes.Of(longer), (await Stores.Usage.UsageAsync("alice", T0, T0, None)).QueryBytes);
    }
}
