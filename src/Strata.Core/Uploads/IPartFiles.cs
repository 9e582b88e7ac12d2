namespace Strata.Core.Uploads;

/// <summary>
/// Where uploaded tables' part files live (a port: local files now, <c>Strata.Storage.Files</c>). Parts are
/// named relative to the store; running queries hold the parts of their snapshot, and a part no table
/// lists any more is deleted once no snapshot holds it. A snapshot is taken between
/// <see cref="BeginSnapshot"/> and <see cref="Hold"/>.
/// </summary>
public interface IPartFiles
{
    /// <summary>A new part name for a table (relative), its directory made durable.</summary>
    string NewPart(string tableId);

    /// <summary>The absolute path of a part, for the loader and the engine.</summary>
    string PathOf(string relative);

    /// <summary>The size of a written part in bytes.</summary>
    long SizeOf(string relative);

    /// <summary>Deletes a part that was never committed (no snapshot can hold it).</summary>
    void DeleteUncommitted(string relative);

    /// <summary>Copies a request body to a new spool file; disposing the spool deletes it.</summary>
    Task<ISpooledBody> SpoolAsync(Stream body, string extension, CancellationToken cancellationToken);

    /// <summary>A new spool file filled by <paramref name="write"/> (given the open file); disposing the spool deletes it.</summary>
    Task<ISpooledBody> SpoolWrittenAsync(Func<Stream, CancellationToken, Task> write, string extension, CancellationToken cancellationToken);

    void BeginSnapshot();

    /// <summary>Ends a snapshot started with <see cref="BeginSnapshot"/>, holding its parts until the lease is disposed.</summary>
    IDisposable Hold(IEnumerable<string> relatives);

    /// <summary>Ends a snapshot that will not be held (it failed).</summary>
    void AbandonSnapshot();

    /// <summary>Deletes parts no table lists any more, now or when the last query holding them ends.</summary>
    void Drop(IEnumerable<string> relatives);
}

/// <summary>A request body spooled to a file, deleted on dispose.</summary>
public interface ISpooledBody : IDisposable
{
    string Path { get; }

    long Bytes { get; }

    /// <summary>True when the first byte that is not white space (or a UTF-8 byte-order mark) is <c>{</c>.</summary>
    bool StartsWithObject();
}
