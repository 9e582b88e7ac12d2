namespace Strata.Engine.DuckDb;

/// <summary>
/// Where the demo's protocols live. The other EVM chains (and Tron) replay a sample of the Ethereum transactions
/// (DemoData.Chains.cs); a transaction of a protocol or token that exists only on Ethereum is not replayed, and such a token
/// has no <c>tokens.erc20</c> row on the other chains.
/// </summary>
public static partial class DemoData
{
    /// <summary>
    /// The kinds of raw transaction the other chains do not replay: blob transactions (rollup batches posted to Ethereum),
    /// Lido submits (stETH), beacon chain deposits (the deposit contract), Safe creations and transactions (the demo builds
    /// Safe's Ethereum tables only; DemoData.Safe.cs), ERC-4337 bundles (the same; DemoData.Erc4337.cs), CoW settlements and
    /// Aave v3 Pool calls, Seaport sales and ERC-1155 mints and transfers (the same; DemoData.Cow.cs, DemoData.Aave.cs,
    /// DemoData.Seaport.cs, DemoData.Erc1155.cs).
    /// </summary>
    public static IReadOnlyList<string> EthereumOnlyKinds { get; } = ["blob", "lido", "beacon", "safe", "safe_exec", "aa", "cow", "aave", "seaport", "erc1155"];

    /// <summary>
    /// The tokens (mainnet addresses, hex without 0x) that exist on Ethereum only: Lido's stETH (a rebasing balance of the
    /// Ethereum pool; the other chains bridge wstETH, not stETH). Their transfers and approvals are not replayed.
    /// </summary>
    public static IReadOnlyList<string> EthereumOnlyTokens { get; } = [StethAddress];

    /// <summary>SQL for the Ethereum-only kinds, as a list of string literals.</summary>
    private static string EthereumOnlyKindsSql => string.Join(", ", EthereumOnlyKinds.Select(k => $"'{k}'"));

    /// <summary>SQL for the Ethereum-only tokens' addresses, as a list of BLOB literals.</summary>
    private static string EthereumOnlyTokensSql => string.Join(", ", EthereumOnlyTokens.Select(a => $"unhex('{a}')"));
}
