using Microsoft.Extensions.DependencyInjection;
using Strata.Core.Engine;
using Strata.Core.Results;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// A gate before the server's query engine that a test holds: a run that reaches the engine waits at the gate (it is
/// executing, and holds its slot and claim) until the test opens it, then runs on the real engine. The states a test
/// waits on instead of a clock: <see cref="Entered"/> (a run is at the gate) and <see cref="Open"/> (let it end), so that
/// "the run ends only after X" is an order the test makes, not a race between a long query and X.
/// Composed as the server composes its engine: <see cref="HoldRuns"/> wraps the container's <see cref="IQueryEngine"/>
/// (whatever the Program registered there) in <see cref="InProcessServer.StartAsync"/>'s services.
/// </summary>
public sealed class EngineGate
{
    private readonly TaskCompletionSource<EngineRequest> entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the first run that reached the gate.</summary>
    public Task<EngineRequest> Entered => entered.Task;

    /// <summary>Lets every run at the gate, and every later one, through to the engine.</summary>
    public void Open() => opened.TrySetResult();

    /// <summary>Wraps the container's engine in this gate (for <see cref="InProcessServer.StartAsync"/>'s services).</summary>
    public void HoldRuns(IServiceCollection services) => HoldRuns(services, () => this);

    /// <summary>
    /// Wraps the container's engine in the gate <paramref name="current"/> gives when a run reaches it: one server that
    /// several tests use one after another, each with a gate of its own (<see cref="GatedServer"/>).
    /// </summary>
    public static void HoldRuns(IServiceCollection services, Func<EngineGate> current)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IQueryEngine));
        services.Remove(registered);
        services.AddSingleton<IQueryEngine>(sp => new Gated(current, registered.ImplementationInstance as IQueryEngine
            ?? (IQueryEngine)(registered.ImplementationFactory?.Invoke(sp) ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!))));
    }

    private sealed class Gated(Func<EngineGate> current, IQueryEngine engine) : IQueryEngine
    {
        public async Task<EngineOutcome> ExecuteAsync(EngineRequest request, Func<ResultSchema, ResultWriter> createWriter, CancellationToken cancellationToken)
        {
            var gate = current();
            gate.entered.TrySetResult(request);
            // A cancel (the client's, a timeout, shutdown) ends a held run as it ends a running one.
            await gate.opened.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return await engine.ExecuteAsync(request, createWriter, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// One in-process server, started on first use, whose engine holds runs at the gate of the test using it: each test
/// takes a new gate (<see cref="NewGateAsync"/>) before it submits. For the tests of one class (they run one at a time),
/// where a server of each test's own would only cost its start.
/// </summary>
public sealed class GatedServer : IAsyncLifetime
{
    private readonly SemaphoreSlim starting = new(1, 1);

    private EngineGate gate = new();

    private InProcessServer? server;

    /// <summary>Opens the last test's gate (a run it left held ends), puts a new one before the engine, and gives the
    /// server with it.</summary>
    public async Task<(InProcessServer Server, EngineGate Gate)> NewGateAsync()
    {
        await starting.WaitAsync();
        try
        {
            server ??= await InProcessServer.StartAsync(services: s => EngineGate.HoldRuns(s, () => Volatile.Read(ref gate)));
            var next = new EngineGate();
            Interlocked.Exchange(ref gate, next).Open();
            return (server, next);
        }
        finally
        {
            starting.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        gate.Open();
        if (server is not null)
        {
            await server.DisposeAsync();
        }
        starting.Dispose();
    }
}
