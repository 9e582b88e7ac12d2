using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Connections;

namespace Strata.Server.Hosting;

/// <summary>
/// Bounds the connections one client address holds at once (Kestrel connection middleware, before any byte of a
/// request is read). Without it one client could hold every slot of <c>Strata:MaxConnections</c> with connections
/// that never finish their headers (each held for Kestrel's 30 s header timeout, then opened again), and no one else
/// was served. IPv6 clients are counted per /64 network (one host is commonly given a whole /64); an IPv4 address
/// mapped into IPv6 counts as the IPv4 address. A connection past the limit is closed at once. See decisions
/// ("Connections per client address").
/// </summary>
public sealed class ConnectionsPerAddress : IDisposable
{
    // One concurrency limiter per address group, no queue: a connection past the limit is refused at once. The
    // partitioned limiter drops a group's limiter once it has been idle (all permits back) for a while, so addresses
    // seen once are not kept.
    private readonly PartitionedRateLimiter<IPAddress> limiter;

    public ConnectionsPerAddress(long limit)
    {
        Limit = limit;
        int permits = (int)Math.Clamp(limit, 1, int.MaxValue);
        limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(group => RateLimitPartition.GetConcurrencyLimiter(group,
            _ => new ConcurrencyLimiterOptions { PermitLimit = permits, QueueLimit = 0 }));
    }

    public long Limit { get; }

    /// <summary>Connections counted now for the address's group (for tests and diagnostics).</summary>
    public int OpenFor(IPAddress address) =>
        limiter.GetStatistics(Group(address)) is { } statistics ? (int)(Math.Clamp(Limit, 1, int.MaxValue) - statistics.CurrentAvailablePermits) : 0;

    /// <summary>
    /// The limit per address: the configured number; 0 (the default) is a quarter of the connection limit, at least
    /// 64 (the smallest connection limit, so a small server is not made smaller for a local client), so one address
    /// never holds more than a quarter of a server's connections; -1 turns it off (a server behind a reverse proxy
    /// sees every client as the proxy's address).
    /// </summary>
    public static long PerAddressLimit(int configured, long connectionLimit) => configured switch
    {
        < 0 => 0,
        0 => Math.Max(64, connectionLimit / 4),
        _ => configured,
    };

    public ConnectionDelegate Middleware(ConnectionDelegate next) => async context =>
    {
        var address = (context.RemoteEndPoint as IPEndPoint)?.Address;
        if (Limit <= 0 || address is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }
        using var lease = limiter.AttemptAcquire(Group(address));
        if (!lease.IsAcquired)
        {
            // Returning without running the rest of the pipeline ends the connection.
            return;
        }
        await next(context).ConfigureAwait(false);
    };

    public void Dispose() => limiter.Dispose();

    /// <summary>The address a connection is counted under: IPv4 as is, IPv6 by its /64 network.</summary>
    public static IPAddress Group(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }
        byte[] bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes);
    }
}
