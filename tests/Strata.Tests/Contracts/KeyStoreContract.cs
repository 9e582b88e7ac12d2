namespace Strata.Tests.Contracts;

/// <summary>What every <see cref="Strata.Core.Storage.IKeyStore"/> must do.</summary>
public abstract class KeyStoreContract : StoreContract
{
    [Fact]
    public async Task A_key_is_found_by_its_hash_only_while_not_revoked()
    {
        var keys = Stores.Keys;
        var added = await keys.AddKeyAsync("alice", "hash-a", "sk_a", None);
        Assert.Equal(("alice", "sk_a", (DateTimeOffset?)null), (added.Handle, added.KeyPrefix, added.RevokedAt));
        Assert.Equal(added.Id, (await keys.FindKeyAsync("hash-a", None))!.Id);
        Assert.Null(await keys.FindKeyAsync("hash-b", None));

        Assert.True(await keys.RevokeKeyAsync(added.Id, None));
        Assert.False(await keys.RevokeKeyAsync(added.Id, None));
        Assert.Null(await keys.FindKeyAsync("hash-a", None));
        Assert.NotNull(Assert.Single(await keys.ListKeysAsync(None)).RevokedAt);
        Assert.False(await keys.RevokeKeyAsync(added.Id + 1000, None));
    }

    [Fact]
    public async Task A_handle_keeps_its_first_spelling_and_adding_a_stored_hash_again_revives_that_key()
    {
        var keys = Stores.Keys;
        var first = await keys.AddKeyAsync("Alice", "hash-1", "sk_1", None);
        var second = await keys.AddKeyAsync("ALICE", "hash-2", "sk_2", None);
        Assert.Equal("Alice", second.Handle);
        Assert.NotEqual(first.Id, second.Id);

        await keys.RevokeKeyAsync(first.Id, None);
        var again = await keys.AddKeyAsync("alice", "hash-1", "sk_1", None);
        Assert.Equal(first.Id, again.Id);
        Assert.Null(again.RevokedAt);
        Assert.NotNull(await keys.FindKeyAsync("hash-1", None));
        Assert.Equal([first.Id, second.Id], (await keys.ListKeysAsync(None)).Select(k => k.Id));
    }

    [Fact]
    public async Task A_key_keeps_its_latest_use_and_starts_with_none()
    {
        var keys = Stores.Keys;
        var added = await keys.AddKeyAsync("alice", "hash-u", "sk_u", None);
        Assert.Null(added.LastUsedAt);
        var first = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await keys.MarkKeyUsedAsync(added.Id, first, None);
        await keys.MarkKeyUsedAsync(added.Id, first.AddMinutes(-5), None);
        Assert.Equal(first, (await keys.FindKeyAsync("hash-u", None))!.LastUsedAt);
        await keys.MarkKeyUsedAsync(added.Id, first.AddMinutes(2), None);
        Assert.Equal(first.AddMinutes(2), Assert.Single(await keys.ListKeysAsync(None)).LastUsedAt);
    }
}
