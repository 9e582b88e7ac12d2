using System.Globalization;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Branch dune-tables13: each protocol of the demo appears only on the chains it lives on. Lido's stETH, the beacon deposit
/// contract and the demo's Safe creations are Ethereum's: no other chain's transactions, logs, traces or token list name
/// their contracts or events, while Ethereum's do (so the check can fail).
/// </summary>
public sealed class DemoDataHomesTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    /// <summary>The Ethereum-only contracts (mainnet addresses).</summary>
    private static readonly string[] Contracts =
    [
        "ae7ab96520de3a18e5e111b5eaab095312d7fe84",  // Lido: stETH
        "00000000219ab540356cbb839cbe05303d7705fa",  // beacon deposit contract
        DemoData.EntryPointV06,                      // ERC-4337 EntryPoint v0.6 (the demo builds Ethereum's tables only)
    ];

    /// <summary>The events only those contracts emit (topic0): Submitted, TransferShares, DepositEvent, UserOperationEvent.</summary>
    private static readonly string[] Events =
    [
        "96a25c8ce0baabc1fdefd93e9ed25d8e092a3332f3aa9a41722b5697231d1d1a",
        "9d9c909296d9c674451c0c24f02cb64981eb3b727f99865939192f880a755dcb",
        "649bbc62d0e31342afea4e5cd82d4049e7e1ee912fc0889aa790803be39038c5",
        "49628fd1471006c1482da88028e9ce4dbb080b815c9b0344d39e5a8e6ec1419f",
    ];

    public static TheoryData<string> ReplayedChains => [.. DemoData.ReplayedChains.Select(c => c.Name)];

    private long Count(string sql) => Convert.ToInt64(fixture.Scalar(sql), CultureInfo.InvariantCulture);

    private static string Blobs(IEnumerable<string> hex) => string.Join(", ", hex.Select(h => $"unhex('{h}')"));

    [Fact]
    public void Ethereum_holds_the_Ethereum_only_protocols()
    {
        foreach (string e in Events)
        {
            Assert.True(Count($"SELECT count(*) FROM ethereum.logs WHERE topic0 = unhex('{e}')") > 0, e);
        }
        foreach (string c in Contracts)
        {
            Assert.True(Count($"""SELECT count(*) FROM ethereum.transactions WHERE "to" = unhex('{c}')""") > 0, c);
        }
        Assert.Equal(1, Count("SELECT count(*) FROM tokens.erc20 WHERE blockchain = 'ethereum' AND symbol = 'stETH'"));
    }

    [Theory]
    [MemberData(nameof(ReplayedChains))]
    public void No_other_chain_names_an_Ethereum_only_contract_or_event(string chain)
    {
        string events = Blobs(Events);
        // stETH on another chain would be the symbol with a synthetic address: the token list has no stETH there
        Assert.Equal(0, Count($"SELECT count(*) FROM tokens.erc20 WHERE blockchain = '{chain}' AND symbol = 'stETH'"));
        Assert.Equal(0, Count($"SELECT count(*) FROM {chain}.logs WHERE topic0 IN ({events})"));
        // the replayed transactions are Ethereum's by their sender, nonce-free fields and calldata: none is a call to an
        // Ethereum-only contract, a transfer or approval of stETH, or a Safe creation
        var onlyEthereum = Convert.ToInt64(fixture.Scalar($"""
            SELECT count(*) FROM ethereum.transactions
            WHERE "to" IN ({Blobs(Contracts)}) OR "to" IN ({Blobs(DemoData.SafeFactories.Select(f => f.Factory))})
            """), CultureInfo.InvariantCulture);
        Assert.True(onlyEthereum > 0);
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM {chain}.transactions
            WHERE "to" IN ({Blobs(Contracts)}) OR "to" IN ({Blobs(DemoData.SafeFactories.Select(f => f.Factory))})
            """));
        // nor does a replayed log come from a transaction of those (their logs would carry stETH's Transfer under a synthetic
        // address): every replayed log's (data, topics) pair has an Ethereum log of a transaction to another contract
        Assert.Equal(0, Count($"""
            SELECT count(*) FROM {chain}.logs c
            WHERE EXISTS (SELECT 1 FROM ethereum.logs l
                          WHERE l.contract_address IN ({Blobs(Contracts)})
                            AND l.topic0 = c.topic0 AND l.topic1 IS NOT DISTINCT FROM c.topic1 AND l.topic2 IS NOT DISTINCT FROM c.topic2
                            AND l.data = c.data)
            """));
        if (DemoData.OtherChains.Any(c => c.Name == chain))
        {
            Assert.Equal(0, Count($"""
                SELECT count(*) FROM {chain}.traces
                WHERE "to" IN ({Blobs(Contracts)}) OR "from" IN ({Blobs(Contracts)})
                   OR "to" IN ({Blobs(DemoData.SafeFactories.SelectMany(f => new[] { f.Factory, f.Singleton }))})
                """));
        }
    }
}
