using System.Globalization;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Decision 277: Starknet's sample replays Ethereum's transfers under Starknet felts (a token's Starknet address is a hash
/// of its Ethereum one), so a replayed stETH transfer cannot be found by address. It keeps its amount: a Starknet
/// <c>Transfer</c> event's third and fourth data felts are the amount's low and high 128 bits. No Starknet transfer carries
/// the amount of an Ethereum stETH transfer, while transfers of a token Starknet has (USDC, WETH) do, so the check can fail.
/// </summary>
public sealed class DemoDataStarknetHomesTests(DemoDataFixture fixture) : IClassFixture<DemoDataFixture>
{
    /// <summary>ERC-20 Transfer(address,address,uint256) on Ethereum.</summary>
    private const string EthereumTransfer = "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private long ReplayedAmounts(string ethereumToken) => Convert.ToInt64(fixture.Scalar($"""
        SELECT count(*) FROM ethereum.logs l
        WHERE l.contract_address = unhex('{ethereumToken}') AND l.topic0 = unhex('{EthereumTransfer}') AND octet_length(l.data) = 32
          AND EXISTS (SELECT 1 FROM starknet.events e
                      WHERE len(e.data) = 4
                        AND substr(hex(e.data[3]), 33, 32) = substr(hex(l.data), 33, 32)
                        AND substr(hex(e.data[4]), 33, 32) = substr(hex(l.data), 1, 32))
        """), CultureInfo.InvariantCulture);

    [Fact]
    public void Starknet_replays_no_stETH_transfer()
    {
        string usdc = DemoData.WellKnownTokens.Single(t => t.Symbol == "USDC").Address;
        string weth = DemoData.WellKnownTokens.Single(t => t.Symbol == "WETH").Address;
        Assert.True(ReplayedAmounts(usdc) + ReplayedAmounts(weth) > 0, "Starknet replays Ethereum's USDC and WETH transfers");
        Assert.True(Convert.ToInt64(fixture.Scalar($"""
            SELECT count(*) FROM ethereum.logs WHERE contract_address = unhex('{DemoData.StethAddress}') AND topic0 = unhex('{EthereumTransfer}')
            """), CultureInfo.InvariantCulture) > 0, "Ethereum has stETH transfers");
        Assert.Equal(0, ReplayedAmounts(DemoData.StethAddress));
    }
}
