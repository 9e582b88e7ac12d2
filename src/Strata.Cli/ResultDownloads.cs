using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;

namespace Strata.Cli;

/// <summary>What a download has moved so far, for the progress bar.</summary>
public interface IDownloadProgress
{
    void SetTotalBytes(long? bytes);

    void Add(long bytes, long rows);
}

/// <summary>
/// Whole results in a file format, through the server's result routes: JSON pages (following
/// <c>next_uri</c>), CSV pages (following <c>x-dune-next-uri</c>, the repeated header dropped), and the
/// Parquet and Arrow downloads. Rows stream through; no whole result is held in memory.
/// </summary>
public static class ResultDownloads
{
    public static async Task WriteAsync(StrataClient client, string id, OutputFormat format, bool partial, Stream destination, IDownloadProgress progress, CancellationToken ct)
    {
        string route = $"api/v1/execution/{Uri.EscapeDataString(id)}/results";
        string allow = partial ? "allow_partial_results=true" : "";
        switch (format)
        {
            case OutputFormat.Json:
                await JsonAsync(client, $"{route}?{allow}", destination, progress, ct).ConfigureAwait(false);
                break;
            case OutputFormat.Csv:
                await CsvAsync(client, $"{route}/csv?{allow}", destination, progress, ct).ConfigureAwait(false);
                break;
            case OutputFormat.Parquet or OutputFormat.Arrow:
                await FileAsync(client, $"{route}/{format.ToString().ToLowerInvariant()}?{allow}", destination, progress, ct).ConfigureAwait(false);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "not a download format");
        }
        await destination.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>A JSON array of the row objects, one row a line, each exactly as the server encoded it.</summary>
    private static async Task JsonAsync(StrataClient client, string first, Stream destination, IDownloadProgress progress, CancellationToken ct)
    {
        bool any = false;
        await destination.WriteAsync("["u8.ToArray(), ct).ConfigureAwait(false);
        for (string? next = first; next is not null;)
        {
            using var response = await client.GetStreamAsync(next, ct).ConfigureAwait(false);
            await using var body = new CountingStream(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), n => progress.Add(n, 0));
            using var page = await JsonDocument.ParseAsync(body, cancellationToken: ct).ConfigureAwait(false);
            if (!page.RootElement.TryGetProperty("result", out var result))
            {
                throw new CliFailure(ExitCodes.QueryFailed, "the server returned no result rows");
            }
            long rows = 0;
            foreach (var row in result.GetProperty("rows").EnumerateArray())
            {
                await destination.WriteAsync(Encoding.UTF8.GetBytes((any ? ",\n" : "\n") + row.GetRawText()), ct).ConfigureAwait(false);
                any = true;
                rows++;
            }
            progress.Add(0, rows);
            next = page.RootElement.TryGetProperty("next_uri", out var uri) ? uri.GetString() : null;
        }
        await destination.WriteAsync((any ? "\n]\n"u8 : "]\n"u8).ToArray(), ct).ConfigureAwait(false);
    }

    /// <summary>One CSV: the first page whole, later pages without their header record.</summary>
    private static async Task CsvAsync(StrataClient client, string first, Stream destination, IDownloadProgress progress, CancellationToken ct)
    {
        var buffer = new byte[81920];
        bool firstPage = true;
        for (string? next = first; next is not null;)
        {
            using var response = await client.GetStreamAsync(next, ct).ConfigureAwait(false);
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            var records = new CsvRecordCounter();
            int read;
            while ((read = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                long before = records.Records;
                int headerEnd = records.Feed(buffer.AsSpan(0, read));
                // Records ended in this chunk, less the header of every page.
                long rows = records.Records - before - (before == 0 && records.Records > 0 ? 1 : 0);
                int skip = firstPage || before > 0 ? 0 : records.Records > 0 ? headerEnd : read;
                await destination.WriteAsync(buffer.AsMemory(skip, read - skip), ct).ConfigureAwait(false);
                progress.Add(read, rows);
            }
            firstPage = false;
            next = response.Headers.TryGetValues("x-dune-next-uri", out var values) ? values.FirstOrDefault() : null;
        }
    }

    private static async Task FileAsync(StrataClient client, string route, Stream destination, IDownloadProgress progress, CancellationToken ct)
    {
        using var response = await client.GetStreamAsync(route, ct).ConfigureAwait(false);
        progress.SetTotalBytes(response.Content.Headers.ContentLength);
        await using var body = new CountingStream(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false), n => progress.Add(n, 0));
        await body.CopyToAsync(destination, ct).ConfigureAwait(false);
    }

    /// <summary>The Spectre progress bar on stderr: bytes, rows (of the total when known) and rate.</summary>
    public static async Task WithProgressAsync(IAnsiConsole? console, long? totalRows, Func<IDownloadProgress, Task> download)
    {
        if (console is null)
        {
            await download(new NoProgress()).ConfigureAwait(false);
            return;
        }
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new DownloadedColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(RowsText(0, totalRows));
                task.IsIndeterminate = true;
                var sink = new SpectreProgress(task, totalRows);
                await download(sink).ConfigureAwait(false);
                sink.Finish();
            }).ConfigureAwait(false);
    }

    public static string RowsText(long rows, long? total) =>
        total is { } t ? string.Create(CultureInfo.InvariantCulture, $"{rows:N0} of {t:N0} rows") : string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows");

    /// <summary>Bytes per second as <c>12.3 MB/s</c> (decimal units).</summary>
    public static string Rate(long bytes, TimeSpan elapsed)
    {
        double perSecond = elapsed > TimeSpan.Zero ? bytes / elapsed.TotalSeconds : 0;
        string[] units = ["B/s", "kB/s", "MB/s", "GB/s"];
        int unit = 0;
        while (perSecond >= 1000 && unit < units.Length - 1)
        {
            perSecond /= 1000;
            unit++;
        }
        return string.Create(CultureInfo.InvariantCulture, $"{perSecond:0.0} {units[unit]}");
    }

    private sealed class NoProgress : IDownloadProgress
    {
        public void SetTotalBytes(long? bytes)
        {
        }

        public void Add(long bytes, long rows)
        {
        }
    }

    private sealed class SpectreProgress(ProgressTask task, long? totalRows) : IDownloadProgress
    {
        private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
        private long bytes;
        private long rows;

        public void SetTotalBytes(long? total)
        {
            if (total is { } t)
            {
                task.MaxValue = t;
                task.IsIndeterminate = false;
            }
        }

        public void Add(long moreBytes, long moreRows)
        {
            bytes += moreBytes;
            rows += moreRows;
            if (task.IsIndeterminate)
            {
                task.MaxValue = Math.Max(bytes, 1);
            }
            task.Value = bytes;
            task.Description = $"{RowsText(rows, totalRows)} · {Rate(bytes, clock.Elapsed)}";
        }

        /// <summary>A file download counts no rows as it goes: it has them all once done.</summary>
        public void Finish()
        {
            task.Description = $"{RowsText(totalRows ?? rows, totalRows)} · {Rate(bytes, clock.Elapsed)}";
            task.MaxValue = Math.Max(bytes, 1);
            task.Value = task.MaxValue;
            task.IsIndeterminate = false;
            task.StopTask();
        }
    }
}

/// <summary>Counts CSV record ends (line feeds outside quotes), across chunks. Pure, for unit tests.</summary>
public sealed class CsvRecordCounter
{
    private bool quoted;

    public long Records { get; private set; }

    /// <summary>Feeds a chunk; returns the offset just past the first record end in it when that end is the
    /// stream's first (the header's), else 0.</summary>
    public int Feed(ReadOnlySpan<byte> chunk)
    {
        int headerEnd = 0;
        for (int i = 0; i < chunk.Length; i++)
        {
            byte b = chunk[i];
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (b == (byte)'\n' && !quoted)
            {
                if (++Records == 1)
                {
                    headerEnd = i + 1;
                }
            }
        }
        return headerEnd;
    }
}

/// <summary>A read-only pass-through stream that reports the bytes read.</summary>
internal sealed class CountingStream(Stream inner, Action<long> onRead) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Report(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Report(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private int Report(int read)
    {
        onRead(read);
        return read;
    }
}
