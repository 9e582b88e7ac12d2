using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results;

namespace Strata.Engine.DuckDb.Isolation;

/// <summary>What a frame between the server and an engine worker carries.</summary>
internal enum FrameType : byte
{
    /// <summary>Server to worker, first frame: <see cref="InitMessage"/>.</summary>
    Init = 1,
    /// <summary>Worker to server: the engine is open and idle (<see cref="ReadyMessage"/>).</summary>
    Ready = 2,
    /// <summary>Server to worker: run one execution (<see cref="RunMessage"/>).</summary>
    Run = 3,
    /// <summary>Worker to server: the execution's spill directory, removed by the server if the worker dies.</summary>
    Spill = 4,
    /// <summary>Worker to server: the result's columns (<see cref="SchemaMessage"/>); the server answers <see cref="Write"/>.</summary>
    Schema = 5,
    /// <summary>Server to worker: where to write the result file (<see cref="WriteMessage"/>).</summary>
    Write = 6,
    /// <summary>Worker to server: the result is written and synced (<see cref="DoneMessage"/>).</summary>
    Done = 7,
    /// <summary>Worker to server: the query failed (<see cref="ExecutionError"/>).</summary>
    Failed = 8,
    /// <summary>Worker to server: the run stopped after a <see cref="Cancel"/>.</summary>
    Cancelled = 9,
    /// <summary>Worker to server: the run failed for a reason other than the query (<see cref="FaultMessage"/>).</summary>
    Fault = 10,
    /// <summary>Server to worker: stop the running execution.</summary>
    Cancel = 11,
}

internal sealed record InitMessage(
    string DemoDatabasePath,
    string TempDirectory,
    IReadOnlyDictionary<PerformanceTier, DuckDbTierSettings> Tiers,
    long MaxValueBytes)
{
    public static InitMessage From(DuckDbEngineSettings s) => new(s.DemoDatabasePath, s.TempDirectory, s.Tiers, s.MaxValueBytes);

    public DuckDbEngineSettings ToSettings() => new(DemoDatabasePath, TempDirectory, Tiers) { MaxValueBytes = MaxValueBytes };
}

internal sealed record ReadyMessage(int ProcessId);

internal sealed record RunMessage(EngineRequest Request);

internal sealed record SpillMessage(string Path);

internal sealed record SchemaMessage(IReadOnlyList<ResultColumn> Columns);

/// <summary>A null <paramref name="Path"/> means the server could not open the result: the worker stops the run.</summary>
internal sealed record WriteMessage(string? Path, int BatchRows, long BatchBytes);

internal sealed record DoneMessage(long RowCount, long ResultBytes, bool Truncated, bool ShowedPrivate = true);

/// <summary><paramref name="DiskFull"/>: the result file could not be written because the disk is full.</summary>
internal sealed record FaultMessage(bool DiskFull, string Message);

[JsonSerializable(typeof(InitMessage))]
[JsonSerializable(typeof(ReadyMessage))]
[JsonSerializable(typeof(RunMessage))]
[JsonSerializable(typeof(SpillMessage))]
[JsonSerializable(typeof(SchemaMessage))]
[JsonSerializable(typeof(WriteMessage))]
[JsonSerializable(typeof(DoneMessage))]
[JsonSerializable(typeof(ExecutionError))]
[JsonSerializable(typeof(FaultMessage))]
internal sealed partial class WorkerJson : JsonSerializerContext;

/// <summary>
/// Frames on the worker's pipes: a 4-byte little-endian payload length, a <see cref="FrameType"/>
/// byte, then the payload (UTF-8 JSON, or nothing).
/// </summary>
internal static class WorkerFrames
{
    /// <summary>The largest payload either side accepts; a larger one is a broken peer.</summary>
    public const int MaxPayloadBytes = 64 << 20;

    public static byte[] Encode<T>(FrameType type, T? message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>? info)
    {
        byte[] payload = message is null || info is null ? [] : JsonSerializer.SerializeToUtf8Bytes(message, info);
        var frame = new byte[5 + payload.Length];
        BinaryPrimitives.WriteInt32LittleEndian(frame, payload.Length);
        frame[4] = (byte)type;
        payload.CopyTo(frame, 5);
        return frame;
    }

    public static byte[] Encode(FrameType type) => Encode<object>(type, null, null);

    public static T Decode<T>(byte[] payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info) =>
        JsonSerializer.Deserialize(payload, info) ?? throw new InvalidDataException("An engine worker frame is empty.");

    /// <summary>Reads one frame; null at the end of the stream.</summary>
    public static (FrameType Type, byte[] Payload)? Read(Stream stream)
    {
        var header = new byte[5];
        if (!ReadExactly(stream, header))
        {
            return null;
        }
        var payload = new byte[CheckedLength(header)];
        if (!ReadExactly(stream, payload))
        {
            return null;
        }
        return ((FrameType)header[4], payload);
    }

    /// <summary>Reads one frame; null at the end of the stream.</summary>
    public static async Task<(FrameType Type, byte[] Payload)?> ReadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[5];
        if (!await ReadExactlyAsync(stream, header, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        var payload = new byte[CheckedLength(header)];
        if (!await ReadExactlyAsync(stream, payload, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }
        return ((FrameType)header[4], payload);
    }

    private static int CheckedLength(byte[] header)
    {
        int length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length < 0 || length > MaxPayloadBytes)
        {
            throw new InvalidDataException($"An engine worker frame of {length} bytes is out of range.");
        }
        return length;
    }

    private static bool ReadExactly(Stream stream, byte[] buffer)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = stream.Read(buffer, read, buffer.Length - read);
            if (n == 0)
            {
                return false;
            }
            read += n;
        }
        return true;
    }

    private static async Task<bool> ReadExactlyAsync(Stream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        int read = 0;
        while (read < buffer.Length)
        {
            int n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }
            read += n;
        }
        return true;
    }
}
