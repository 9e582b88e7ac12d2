using System.Globalization;
using Strata.Core.Engine;
using Strata.Core.Results;

namespace Strata.Engine.DuckDb.Isolation;

/// <summary>
/// The engine worker process: runs executions one at a time with the in-process
/// <see cref="DuckDbEngine"/>, on requests read from standard input, and answers on standard
/// output (see <see cref="FrameType"/>). It writes each result file itself, at the temporary path
/// the server's result writer hands off. It exits when standard input closes, and the kernel kills
/// it when the server dies.
/// </summary>
public static class EngineWorker
{
    /// <summary>The command-line flag that starts the server binary as an engine worker.</summary>
    public const string Flag = "--engine-worker";

    /// <summary>The environment variable naming the server's process id.</summary>
    public const string ParentVariable = "STRATA_ENGINE_PARENT_PID";

    private static readonly object WriteGate = new();

    /// <summary>Runs the worker until standard input closes; returns the exit code.</summary>
    public static int Run()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(ParentVariable), CultureInfo.InvariantCulture, out int parent)
            && !NativeProcess.DieWithParent(parent))
        {
            return 3;
        }
        NativeProcess.PreferForOomKill();
        var output = NativeProcess.TakeStandardOutput();
        var input = Console.OpenStandardInput();
        if (WorkerFrames.Read(input) is not { Type: FrameType.Init } init)
        {
            return 4;
        }
        var settings = WorkerFrames.Decode(init.Payload, WorkerJson.Default.InitMessage).ToSettings();
        var engine = new DuckDbEngine(settings);
        WarmUp(engine, settings);
        var session = new Session(output);
        Send(output, WorkerFrames.Encode(FrameType.Ready, new ReadyMessage(Environment.ProcessId), WorkerJson.Default.ReadyMessage));
        var reader = new Thread(() => ReadLoop(input, session)) { IsBackground = true, Name = "engine worker input" };
        reader.Start();
        while (session.NextRun() is { } request)
        {
            session.Answer(RunOne(engine, request, session));
        }
        return 0;
    }

    /// <summary>
    /// Runs one <c>select 1</c> before the worker reports ready, so that the first execution it gets
    /// does not pay for compiling the engine's code and loading DuckDB.
    /// </summary>
    private static void WarmUp(DuckDbEngine engine, DuckDbEngineSettings settings)
    {
        var tier = settings.Tiers.Keys.First();
        // In a private directory under the spill root (owner-only, like an execution's; the start-up
        // sweep empties the root): a file straight in the root would sit in a directory whose mode
        // only an execution's set-up makes owner-only.
        try
        {
            using var directory = SpillDirectory.Create(Path.Combine(settings.TempDirectory, "executions"));
            string path = Path.Combine(directory.Path, $"worker-warm-up-{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}.arrow");
            File.WriteAllBytes(path, []);
            engine.Execute(new EngineRequest("warm-up", "select 1", "", tier, 1 << 20, []),
                schema => ResultWriter.OpenHandedOff(path, schema, ResultWriter.DefaultBatchRows), CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or QueryFailedException)
        {
            Console.Error.WriteLine($"engine worker: warm-up failed ({e.GetType().Name}); continuing");
        }
    }

    private static void ReadLoop(Stream input, Session session)
    {
        try
        {
            while (WorkerFrames.Read(input) is { } frame)
            {
                session.Receive(frame.Type, frame.Payload);
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException)
        {
            Console.Error.WriteLine($"engine worker: unreadable input ({e.GetType().Name}); exiting");
        }
        // The server closed the pipe or died: nothing waits for this worker any more.
        NativeProcess.ExitNow(0);
    }

    private static byte[] RunOne(DuckDbEngine engine, EngineRequest request, Session session)
    {
        try
        {
            var outcome = engine.Execute(request, session.CreateWriter, session.Token,
                spill => session.Send(WorkerFrames.Encode(FrameType.Spill, new SpillMessage(spill), WorkerJson.Default.SpillMessage)));
            return WorkerFrames.Encode(FrameType.Done, new DoneMessage(outcome.RowCount, outcome.ResultBytes, outcome.Truncated, outcome.ShowedPrivate), WorkerJson.Default.DoneMessage);
        }
        catch (QueryFailedException e)
        {
            return WorkerFrames.Encode(FrameType.Failed, e.Error, WorkerJson.Default.ExecutionError);
        }
        catch (OperationCanceledException)
        {
            return WorkerFrames.Encode(FrameType.Cancelled);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            bool diskFull = e is IOException { HResult: 28 or 122 };
            Console.Error.WriteLine($"engine worker: execution {request.ExecutionId} failed: {e.GetType().FullName}");
            return WorkerFrames.Encode(FrameType.Fault, new FaultMessage(diskFull, e.GetType().Name), WorkerJson.Default.FaultMessage);
        }
    }

    private static void Send(Stream output, byte[] frame)
    {
        lock (WriteGate)
        {
            output.Write(frame);
            output.Flush();
        }
    }

    /// <summary>The state shared by the input thread and the execution thread.</summary>
    private sealed class Session(Stream output)
    {
        private readonly object gate = new();
        private EngineRequest? pending;
        private CancellationTokenSource? cancel;
        private TaskCompletionSource<WriteMessage>? write;
        private bool running;

        public CancellationToken Token { get; private set; }

        public void Send(byte[] frame) => EngineWorker.Send(output, frame);

        /// <summary>Waits for the next run request (the input thread exits the process at end of input).</summary>
        public EngineRequest? NextRun()
        {
            lock (gate)
            {
                while (pending is null)
                {
                    Monitor.Wait(gate);
                }
                var request = pending;
                pending = null;
                cancel?.Dispose();
                cancel = new CancellationTokenSource();
                Token = cancel.Token;
                write = new TaskCompletionSource<WriteMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
                running = true;
                return request;
            }
        }

        public void Answer(byte[] frame)
        {
            lock (gate)
            {
                running = false;
            }
            Send(frame);
        }

        public void Receive(FrameType type, byte[] payload)
        {
            lock (gate)
            {
                switch (type)
                {
                    case FrameType.Run when !running && pending is null:
                        pending = WorkerFrames.Decode(payload, WorkerJson.Default.RunMessage).Request;
                        Monitor.PulseAll(gate);
                        break;
                    case FrameType.Cancel when running:
                        cancel?.Cancel();
                        break;
                    case FrameType.Write when running:
                        write?.TrySetResult(WorkerFrames.Decode(payload, WorkerJson.Default.WriteMessage));
                        break;
                    case FrameType.Cancel or FrameType.Write:
                        // A late answer for a run that already ended.
                        break;
                    default:
                        throw new InvalidDataException($"The engine worker did not expect a {type} frame.");
                }
            }
        }

        /// <summary>Asks the server for the result file and opens it (the engine's <c>createWriter</c>).</summary>
        public ResultWriter CreateWriter(ResultSchema schema)
        {
            TaskCompletionSource<WriteMessage> answer;
            lock (gate)
            {
                answer = write!;
            }
            Send(WorkerFrames.Encode(FrameType.Schema, new SchemaMessage(schema.Columns), WorkerJson.Default.SchemaMessage));
            var message = answer.Task.WaitAsync(Token).GetAwaiter().GetResult();
            if (message.Path is null)
            {
                throw new OperationCanceledException("The server could not open the result file.");
            }
            return ResultWriter.OpenHandedOff(message.Path, schema, message.BatchRows, message.BatchBytes);
        }
    }
}
