using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
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
public sealed class ConnectionsPerAddress(long limit)
{
    private readonly ConcurrentDictionary<IPAddress, int> open = new();

    public long Limit { get; } = limit;

    /// <summary>Connections counted now for the address's group (for tests and diagnostics).</summary>
    public int OpenFor(IPAddress address) => open.TryGetValue(Group(address), out int n) ? n : 0;

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
        var group = Group(address);
        if (!TryEnter(group))
        {
            // Returning without running the rest of the pipeline ends the connection.
            return;
        }
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            Leave(group);
        }
    };

    internal bool TryEnter(IPAddress group)
    {
        while (true)
        {
            int current = open.GetOrAdd(group, 0);
            if (current >= Limit)
            {
                return false;
            }
            if (open.TryUpdate(group, current + 1, current))
            {
                return true;
            }
        }
    }

    internal void Leave(IPAddress group)
    {
        while (true)
        {
            if (!open.TryGetValue(group, out int current))
            {
                return;
            }
            // The last connection of a group removes its entry, so addresses seen once are not kept.
            bool done = current <= 1
                ? open.TryRemove(new KeyValuePair<IPAddress, int>(group, current))
                : open.TryUpdate(group, current - 1, current);
            if (done)
            {
                return;
            }
        }
    }

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
