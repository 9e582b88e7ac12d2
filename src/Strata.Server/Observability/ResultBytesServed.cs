using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;
using Strata.Application.Observability;

namespace Strata.Server.Observability;

/// <summary>
/// Counts the bytes of result responses (the <c>.../results</c> routes: JSON, CSV, Parquet, Arrow) into
/// <c>strata.results.served</c>, by format. It wraps the response body without copying: writes and
/// files pass straight through to the feature underneath (compression, then Kestrel).
/// </summary>
internal static class ResultBytesServed
{
    public static IApplicationBuilder UseResultBytesServed(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (FormatOf(context) is not { } format || context.Features.Get<IHttpResponseBodyFeature>() is not { } inner)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        var counting = new CountingBodyFeature(inner);
        context.Features.Set<IHttpResponseBodyFeature>(counting);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            context.Features.Set(inner);
            context.RequestServices.GetRequiredService<StrataMetrics>().Served(format, counting.Bytes);
        }
    });

    /// <summary>The result format a GET route serves, from its pattern; null for any other route.</summary>
    public static string? FormatOf(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) || (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText is not { } pattern)
        {
            return null;
        }
        string route = pattern.TrimEnd('/');
        return route.EndsWith("/results", StringComparison.Ordinal) ? "json"
            : route.EndsWith("/results/csv", StringComparison.Ordinal) ? "csv"
            : route.EndsWith("/results/parquet", StringComparison.Ordinal) ? "parquet"
            : route.EndsWith("/results/arrow", StringComparison.Ordinal) ? "arrow"
            : null;
    }

    private sealed class CountingBodyFeature(IHttpResponseBodyFeature inner) : IHttpResponseBodyFeature
    {
        private long bytes;
        private CountingStream? stream;
        private CountingWriter? writer;

        public long Bytes => Interlocked.Read(ref bytes);

        public Stream Stream => stream ??= new CountingStream(inner.Stream, this);

        public PipeWriter Writer => writer ??= new CountingWriter(inner.Writer, this);

        public void Add(long count) => Interlocked.Add(ref bytes, count);

        public void DisableBuffering() => inner.DisableBuffering();

        public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

        public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        {
            await inner.SendFileAsync(path, offset, count, cancellationToken).ConfigureAwait(false);
            Add(count ?? (new FileInfo(path).Length - offset));
        }

        public Task CompleteAsync() => inner.CompleteAsync();
    }

    private sealed class CountingWriter(PipeWriter inner, CountingBodyFeature counter) : PipeWriter
    {
        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes;

        public override void Advance(int bytes)
        {
            inner.Advance(bytes);
            counter.Add(bytes);
        }

        public override Memory<byte> GetMemory(int sizeHint = 0) => inner.GetMemory(sizeHint);

        public override Span<byte> GetSpan(int sizeHint = 0) => inner.GetSpan(sizeHint);

        public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);

        public override ValueTask<FlushResult> WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
        {
            counter.Add(source.Length);
            return inner.WriteAsync(source, cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null) => inner.Complete(exception);

        public override ValueTask CompleteAsync(Exception? exception = null) => inner.CompleteAsync(exception);
    }

    private sealed class CountingStream(Stream inner, CountingBodyFeature counter) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            counter.Add(count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            counter.Add(buffer.Length);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            counter.Add(buffer.Length);
        }
    }
}
