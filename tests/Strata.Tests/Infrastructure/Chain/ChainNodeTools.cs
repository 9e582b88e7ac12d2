using System.Diagnostics;
using System.Text.Json;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// The node tools of tests/chain-node (installed by `npm ci` there, as .ci/run does): the anvil
/// binary and the Solidity contracts, compiled once per process with the npm solc.
/// </summary>
public static class ChainNodeTools
{
    private static readonly Lazy<Task<CompiledContracts>> Compiled = new(CompileAsync);

    public static string Directory
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Strata.slnx")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"), "tests", "chain-node");
        }
    }

    public static string AnvilPath
    {
        get
        {
            string path = Path.Combine(Directory, "node_modules", "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");
            return File.Exists(path) ? path : throw new InvalidOperationException($"anvil not found at {path}: run `npm ci` in tests/chain-node (.ci/run and test.sh do)");
        }
    }

    /// <summary>The contracts of tests/chain-node/contracts, compiled by compile.mjs (once per process).</summary>
    public static Task<CompiledContracts> ContractsAsync() => Compiled.Value;

    private static async Task<CompiledContracts> CompileAsync()
    {
        var info = new ProcessStartInfo("node", ["compile.mjs"])
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        string output = await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"compile.mjs failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }
        using var document = JsonDocument.Parse(output);
        var contracts = new Dictionary<string, CompiledContract>(StringComparer.Ordinal);
        foreach (var contract in document.RootElement.GetProperty("contracts").EnumerateObject())
        {
            var methods = contract.Value.GetProperty("methods").EnumerateObject()
                .ToDictionary(m => m.Name, m => m.Value.GetString()!, StringComparer.Ordinal);
            contracts[contract.Name] = new CompiledContract(contract.Name, contract.Value.GetProperty("bytecode").GetString()!, methods);
        }
        return new CompiledContracts(document.RootElement.GetProperty("compiler").GetString()!, contracts);
    }
}

/// <summary>The compiler's output for every contract, by name.</summary>
public sealed record CompiledContracts(string Compiler, IReadOnlyDictionary<string, CompiledContract> Contracts)
{
    public CompiledContract this[string name] => Contracts[name];
}

/// <summary>One contract: its creation bytecode and its method selectors by signature.</summary>
public sealed record CompiledContract(string Name, string Bytecode, IReadOnlyDictionary<string, string> Selectors)
{
    /// <summary>Call data for a method: its selector and the ABI-encoded static arguments.</summary>
    public string Call(string signature, params object[] arguments) => Abi.Call(Selectors[signature], arguments);
}
