using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace Strata.Tests.Infrastructure;

/// <summary>How a test's anvil mines and where its chain starts.</summary>
public sealed record AnvilOptions
{
    /// <summary>Seconds between blocks; null mines one block per transaction (automine).</summary>
    public double? BlockTime { get; init; }

    /// <summary>The genesis timestamp; a fixed one (with automine) makes block hashes reproducible.</summary>
    public long? GenesisTimestamp { get; init; } = 1_700_000_000;

    public long ChainId { get; init; } = 31337;

    /// <summary>Seconds between block timestamps when blocks are mined on demand (no
    /// <see cref="BlockTime"/>): fixed steps make timestamps, and so hashes, reproducible.</summary>
    public long? TimestampStep { get; init; } = 12;

    /// <summary>Extra command-line arguments, for what the properties above do not cover.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
}

/// <summary>
/// A real anvil node (the npm @foundry-rs/anvil-linux-amd64 binary) on a free loopback port, with
/// its own state. Started by <see cref="StartAsync"/>, which returns once the node answers
/// JSON-RPC; killed in <see cref="DisposeAsync"/>.
/// </summary>
public sealed class AnvilNode : IAsyncDisposable
{
    /// <summary>The bound on anvil's start and first answer: a guard against a hang, never a verdict (a process start at load
    /// takes minutes; <c>Api.HangGuard</c>, which this file, shared with the ingest benchmark, cannot see).</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    /// <summary>The first of anvil's default unlocked dev accounts (the "test test ... junk" mnemonic).</summary>
    public static readonly IReadOnlyList<string> Accounts =
    [
        "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
        "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
        "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
        "0x90f79bf6eb2c4f870365e785982e1f101e93b906",
        "0x15d34aaf54267db7d7c367839aaf71a00a2c6a65",
        "0x9965507d1a55bcc2695c58ba16fb37d819b0a4dc",
        "0x976ea74026e726554db657fa54763abd0c3a0aa9",
        "0x14dc79964da2c08b23698b3d3cc7ca32193d9955",
        "0x23618e81e3f5cdf7f54c3d65f7fbc0abf5b21e8f",
        "0xa0ee7a142d267c1f36714e4a8f75612f20a79720",
    ];

    private const string ListeningMarker = "Listening on ";
    private readonly Process process;
    private readonly Queue<string> tail = new();

    private AnvilNode(Process process, Uri url)
    {
        this.process = process;
        Url = url;
        Rpc = new EthRpc(url);
    }

    /// <summary>The node's JSON-RPC endpoint, http://127.0.0.1:PORT.</summary>
    public Uri Url { get; }

    public EthRpc Rpc { get; }

    public int ProcessId => process.Id;

    /// <summary>The last lines anvil printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (tail)
            {
                return string.Join('\n', tail);
            }
        }
    }

    public static async Task<AnvilNode> StartAsync(AnvilOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilOptions();
        var info = new ProcessStartInfo(ChainNodeTools.AnvilPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(options))
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info)!;
        var lines = Channel.CreateUnbounded<string>();
        int open = 2;
        void Pump(StreamReader reader) => _ = Task.Run(async () =>
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                await lines.Writer.WriteAsync(line).ConfigureAwait(false);
            }
            if (Interlocked.Decrement(ref open) == 0)
            {
                lines.Writer.TryComplete();
            }
        }, CancellationToken.None);
        Pump(process.StandardOutput);
        Pump(process.StandardError);

        var seen = new List<string>();
        Uri? url = null;
        using (var startup = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            startup.CancelAfter(HangGuard);
            try
            {
                await foreach (var line in lines.Reader.ReadAllAsync(startup.Token).ConfigureAwait(false))
                {
                    seen.Add(line);
                    int at = line.IndexOf(ListeningMarker, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        url = new Uri("http://" + line[(at + ListeningMarker.Length)..].Trim());
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }
        if (url is null)
        {
            KillQuietly(process);
            throw new InvalidOperationException("anvil did not start:\n" + string.Join('\n', seen));
        }

        var node = new AnvilNode(process, url);
        foreach (var line in seen)
        {
            node.Remember(line);
        }
        _ = Task.Run(async () =>
        {
            await foreach (var line in lines.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                node.Remember(line);
            }
        }, CancellationToken.None);

        // "Listening" is printed before the first request is served on some builds: wait for an answer.
        long chainId = await node.WaitForAnswerAsync(cancellationToken).ConfigureAwait(false);
        if (chainId != options.ChainId)
        {
            await node.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"anvil answered chain id {chainId}, not {options.ChainId}");
        }
        if (options.BlockTime is null && options.TimestampStep is { } step)
        {
            await node.Rpc.CallAsync("anvil_setBlockTimestampInterval", [step], cancellationToken).ConfigureAwait(false);
        }
        return node;
    }

    /// <summary>SIGKILL, as a crashed node.</summary>
    public async Task KillAsync()
    {
        KillQuietly(process);
        await process.WaitForExitAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        if (!process.HasExited)
        {
            KillQuietly(process);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        process.Dispose();
    }

    private static IEnumerable<string> Arguments(AnvilOptions options)
    {
        yield return "--host";
        yield return "127.0.0.1";
        yield return "--port";
        yield return "0";
        yield return "--chain-id";
        yield return options.ChainId.ToString(CultureInfo.InvariantCulture);
        if (options.BlockTime is { } seconds)
        {
            yield return "--block-time";
            yield return seconds.ToString(CultureInfo.InvariantCulture);
        }
        if (options.GenesisTimestamp is { } timestamp)
        {
            yield return "--timestamp";
            yield return timestamp.ToString(CultureInfo.InvariantCulture);
        }
        foreach (var argument in options.Arguments)
        {
            yield return argument;
        }
    }

    private async Task<long> WaitForAnswerAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(HangGuard);
        while (true)
        {
            try
            {
                return EthRpc.Quantity(await Rpc.CallAsync("eth_chainId", null, deadline.Token).ConfigureAwait(false));
            }
            catch (HttpRequestException) when (!deadline.IsCancellationRequested && !process.HasExited)
            {
                await Task.Delay(50, deadline.Token).ConfigureAwait(false);
            }
        }
    }

    private void Remember(string line)
    {
        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > 200)
            {
                tail.Dequeue();
            }
        }
    }

    private static void KillQuietly(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
