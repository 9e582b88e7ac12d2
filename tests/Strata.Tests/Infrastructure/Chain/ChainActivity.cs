using System.Numerics;
using System.Text.Json.Nodes;

namespace Strata.Tests.Infrastructure;

/// <summary>What one generated transaction does.</summary>
public enum TransactionKind
{
    /// <summary>A contract deployment or the treasury's approval of the router.</summary>
    Setup,

    /// <summary>ETH between dev accounts, EIP-1559 (type 2).</summary>
    EthTransfer,

    /// <summary>ETH between dev accounts, legacy (type 0).</summary>
    LegacyEthTransfer,

    /// <summary>StrataToken.transfer: an ERC-20 Transfer log with three topics.</summary>
    TokenTransfer,

    /// <summary>Router.relay: a call into the token (an internal trace), access list (type 1).</summary>
    TokenRelay,

    /// <summary>Router.split: two internal value transfers and a Split log.</summary>
    Split,

    /// <summary>Router.createAndCatch: a CREATE trace and a reverted internal call in a successful transaction (legacy).</summary>
    CreateAndCatch,

    /// <summary>Router.refuse: a transaction that reverts (receipt status 0).</summary>
    Revert,

    /// <summary>StrataCollectible.mint: an ERC-721-style Transfer log with four topics.</summary>
    CollectibleMint,
}

/// <summary>A transaction the generator sent.</summary>
public sealed record SentTransaction(string Hash, TransactionKind Kind, string From);

/// <summary>
/// Deterministic activity on an anvil node: the same seed sends the same transactions in the same
/// order. <see cref="DeployAsync"/> deploys the contracts of tests/chain-node/contracts; then
/// <see cref="MineBlocksAsync"/> fills blocks of several transactions each (anvil_mine), and
/// <see cref="SendAsync"/> sends transactions one by one (one block each under automine, or into the
/// pool of a node that mines on a timer).
/// </summary>
public sealed class ChainActivity
{
    private const long Gwei = 1_000_000_000;
    private static readonly TransactionKind[] Kinds = [.. Enum.GetValues<TransactionKind>().Where(k => k != TransactionKind.Setup)];
    private readonly EthRpc rpc;
    private readonly CompiledContracts contracts;
    private readonly Random random;
    private readonly List<SentTransaction> sent = [];

    private ChainActivity(EthRpc rpc, CompiledContracts contracts, int seed, string token, string collectible, string router)
    {
        this.rpc = rpc;
        this.contracts = contracts;
        random = new Random(seed);
        Token = token;
        Collectible = collectible;
        Router = router;
    }

    public string Token { get; }

    public string Collectible { get; }

    public string Router { get; }

    /// <summary>Every transaction sent so far, deployments included, in sending order.</summary>
    public IReadOnlyList<SentTransaction> Sent => sent;

    /// <summary>The account that deployed the token and holds its supply (2^256 - 1 at the start).</summary>
    public static string Treasury => AnvilNode.Accounts[0];

    /// <summary>Deploys the token, the collectible and the router (one block each under automine)
    /// and lets the router spend the treasury's tokens.</summary>
    public static async Task<ChainActivity> DeployAsync(EthRpc rpc, int seed = 14, CancellationToken cancellationToken = default)
    {
        var contracts = await ChainNodeTools.ContractsAsync().ConfigureAwait(false);
        var (token, tokenTx) = await DeployOneAsync(rpc, contracts["StrataToken"], cancellationToken).ConfigureAwait(false);
        var (collectible, collectibleTx) = await DeployOneAsync(rpc, contracts["StrataCollectible"], cancellationToken).ConfigureAwait(false);
        var (router, routerTx) = await DeployOneAsync(rpc, contracts["Router"], cancellationToken).ConfigureAwait(false);
        string[] deployments = [tokenTx, collectibleTx, routerTx];
        var activity = new ChainActivity(rpc, contracts, seed, token, collectible, router);
        await activity.SendOneAsync(new JsonObject
        {
            ["from"] = Treasury,
            ["to"] = token,
            ["gas"] = EthRpc.Hex(100_000),
            ["data"] = contracts["StrataToken"].Call("approve(address,uint256)", router, MaxUint256),
        }, TransactionKind.Setup, cancellationToken).ConfigureAwait(false);
        await MinedAsync(rpc, activity.sent[^1].Hash, cancellationToken).ConfigureAwait(false);
        activity.sent.InsertRange(0, [new(deployments[0], TransactionKind.Setup, Treasury), new(deployments[1], TransactionKind.Setup, Treasury), new(deployments[2], TransactionKind.Setup, Treasury)]);
        return activity;
    }

    public static BigInteger MaxUint256 { get; } = (BigInteger.One << 256) - 1;

    /// <summary>Sends <paramref name="count"/> transactions (at most one per dev account) one at a
    /// time, leaving mining to the node.</summary>
    /// <remarks>Each account sends at most one transaction per call because anvil 1.7 drops a
    /// sender's second pooled transaction from a block when the two are of different types.</remarks>
    public async Task SendAsync(int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, AnvilNode.Accounts.Count);
        var senders = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            var (kind, transaction) = Next(senders);
            await SendOneAsync(transaction, kind, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Mines <paramref name="blocks"/> blocks of 1 to <paramref name="maxPerBlock"/>
    /// transactions each: the block's transactions go to the pool, then anvil_mine.
    /// Needs a node with automine off (<see cref="EthRpc.SetAutomineAsync"/>).</summary>
    public async Task MineBlocksAsync(int blocks, int maxPerBlock = 6, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPerBlock, AnvilNode.Accounts.Count);
        for (int b = 0; b < blocks; b++)
        {
            int count = random.Next(1, maxPerBlock + 1);
            await SendAsync(count, cancellationToken).ConfigureAwait(false);
            await rpc.MineAsync(1, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// As <see cref="MineBlocksAsync"/>, but each block's transactions go to the node as one JSON-RPC batch: two
    /// requests per block instead of one per transaction, for the benchmarks' 10,000 blocks. The transactions are
    /// the same; their order inside a block is the node's (it may handle a batch's calls concurrently), so block
    /// hashes are not reproducible from the seed as <see cref="MineBlocksAsync"/>'s are.
    /// </summary>
    public async Task MineBatchedBlocksAsync(int blocks, int maxPerBlock = 6, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxPerBlock, AnvilNode.Accounts.Count);
        for (int b = 0; b < blocks; b++)
        {
            int count = random.Next(1, maxPerBlock + 1);
            var senders = new HashSet<string>(StringComparer.Ordinal);
            var block = Enumerable.Range(0, count).Select(_ => Next(senders)).ToList();
            var hashes = await rpc.BatchAsync(block.Select(t => ("eth_sendTransaction", new JsonArray(t.Item2))).ToList(), cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < block.Count; i++)
            {
                sent.Add(new SentTransaction(hashes[i].GetString()!, block[i].Item1, block[i].Item2["from"]!.GetValue<string>()));
            }
            await rpc.MineAsync(1, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The next transaction, from an account not in <paramref name="senders"/> (which it joins).</summary>
    private (TransactionKind, JsonObject) Next(HashSet<string> senders)
    {
        while (true)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            string from = kind is TransactionKind.TokenTransfer or TransactionKind.TokenRelay ? Treasury : AnvilNode.Accounts[random.Next(AnvilNode.Accounts.Count)];
            if (senders.Add(from))
            {
                return (kind, Transaction(kind, from));
            }
        }
    }

    private JsonObject Transaction(TransactionKind kind, string from)
    {
        string to = AnvilNode.Accounts[random.Next(AnvilNode.Accounts.Count)];
        var token = contracts["StrataToken"];
        var router = contracts["Router"];
        return kind switch
        {
            TransactionKind.EthTransfer => Eip1559(from, to, 21_000, Wei(), "0x"),
            TransactionKind.LegacyEthTransfer => Legacy(from, to, 21_000, Wei(), "0x"),
            TransactionKind.TokenTransfer => Eip1559(from, Token, 120_000, 0, token.Call("transfer(address,uint256)", to, Amount())),
            TransactionKind.TokenRelay => AccessList(Legacy(from, Router, 200_000, 0, router.Call("relay(address,address,uint256)", Token, to, Amount()))),
            TransactionKind.Split => Eip1559(from, Router, 200_000, Wei(), router.Call("split(address,address)", to, AnvilNode.Accounts[random.Next(AnvilNode.Accounts.Count)])),
            TransactionKind.CreateAndCatch => Legacy(from, Router, 600_000, 0, router.Call("createAndCatch()")),
            TransactionKind.Revert => Eip1559(from, Router, 100_000, 0, router.Call("refuse()")),
            TransactionKind.CollectibleMint => Eip1559(from, Collectible, 150_000, 0, contracts["StrataCollectible"].Call("mint(address)", to)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    private JsonObject Eip1559(string from, string to, long gas, BigInteger value, string data) => new()
    {
        ["from"] = from,
        ["to"] = to,
        ["gas"] = EthRpc.Hex(gas),
        ["value"] = EthRpc.Hex(value),
        ["data"] = data,
        ["maxFeePerGas"] = EthRpc.Hex(100 * Gwei),
        ["maxPriorityFeePerGas"] = EthRpc.Hex(random.Next(1, 4) * Gwei),
    };

    private JsonObject Legacy(string from, string to, long gas, BigInteger value, string data) => new()
    {
        ["from"] = from,
        ["to"] = to,
        ["gas"] = EthRpc.Hex(gas),
        ["value"] = EthRpc.Hex(value),
        ["data"] = data,
        ["gasPrice"] = EthRpc.Hex(random.Next(20, 60) * Gwei),
    };

    private JsonObject AccessList(JsonObject transaction)
    {
        transaction["accessList"] = new JsonArray(new JsonObject { ["address"] = Token, ["storageKeys"] = new JsonArray() });
        return transaction;
    }

    /// <summary>Up to a hundredth of an ether, in wei.</summary>
    private BigInteger Wei() => new BigInteger(random.NextInt64(1, 10_000_000_000_000_000));

    /// <summary>Token amounts from 1 to 2^250: most need more than 64 bits, some more than 128.</summary>
    private BigInteger Amount() => BigInteger.One << random.Next(0, 250) | random.NextInt64(1, long.MaxValue);

    private async Task SendOneAsync(JsonObject transaction, TransactionKind kind, CancellationToken cancellationToken)
    {
        string from = transaction["from"]!.GetValue<string>();
        sent.Add(new SentTransaction(await rpc.SendTransactionAsync(transaction, cancellationToken).ConfigureAwait(false), kind, from));
    }

    private static async Task<(string Address, string Hash)> DeployOneAsync(EthRpc rpc, CompiledContract contract, CancellationToken cancellationToken)
    {
        string hash = await rpc.SendTransactionAsync(new JsonObject
        {
            ["from"] = Treasury,
            ["gas"] = EthRpc.Hex(3_000_000),
            ["data"] = contract.Bytecode,
        }, cancellationToken).ConfigureAwait(false);
        var receipt = await MinedAsync(rpc, hash, cancellationToken).ConfigureAwait(false);
        return (receipt.GetProperty("contractAddress").GetString()!, hash);
    }

    /// <summary>The transaction's receipt, mining a block first when it is still pooled (automine off).</summary>
    private static async Task<System.Text.Json.JsonElement> MinedAsync(EthRpc rpc, string hash, CancellationToken cancellationToken)
    {
        var receipt = await rpc.ReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
        if (receipt.ValueKind == System.Text.Json.JsonValueKind.Null)
        {
            await rpc.MineAsync(1, cancellationToken).ConfigureAwait(false);
            receipt = await rpc.ReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
        }
        return receipt;
    }
}
