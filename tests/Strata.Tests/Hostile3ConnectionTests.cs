using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Strata.Server.Hosting;

namespace Strata.Tests;

/// <summary>
/// One client address cannot hold every connection (hostile3; hostile2 left it open): with the global limit alone, a
/// single client's half-sent requests took every slot for Kestrel's 30 s header timeout, again and again.
/// </summary>
public sealed class Hostile3ConnectionTests
{
    [Fact]
    public void The_default_per_address_limit_is_a_quarter_of_the_connection_limit_and_minus_one_turns_it_off()
    {
        Assert.Equal(2372, ConnectionsPerAddress.PerAddressLimit(0, 9488));
        Assert.Equal(64, ConnectionsPerAddress.PerAddressLimit(0, 40));
        Assert.Equal(7, ConnectionsPerAddress.PerAddressLimit(7, 9488));
        Assert.Equal(0, ConnectionsPerAddress.PerAddressLimit(-1, 9488));
    }

    [Fact]
    public void Ipv6_clients_count_per_64_network_and_mapped_ipv4_as_ipv4()
    {
        var a = ConnectionsPerAddress.Group(IPAddress.Parse("2001:db8:1:2:aaaa::1"));
        var b = ConnectionsPerAddress.Group(IPAddress.Parse("2001:db8:1:2:bbbb::9"));
        Assert.Equal(a, b);
        Assert.NotEqual(a, ConnectionsPerAddress.Group(IPAddress.Parse("2001:db8:1:3::1")));
        Assert.Equal(IPAddress.Parse("10.1.2.3"), ConnectionsPerAddress.Group(IPAddress.Parse("::ffff:10.1.2.3")));
    }

    [Fact]
    public async Task Past_the_limit_a_connection_is_closed_before_the_server_reads_it_and_other_addresses_are_served()
    {
        var limits = new ConnectionsPerAddress(2);
        var release = new TaskCompletionSource();
        int served = 0;
        var pipeline = limits.Middleware(async _ =>
        {
            Interlocked.Increment(ref served);
            await release.Task;
        });
        ConnectionContext From(string ip) => new Microsoft.AspNetCore.Connections.DefaultConnectionContext { RemoteEndPoint = new IPEndPoint(IPAddress.Parse(ip), 40000) };

        var held = new[] { pipeline(From("10.0.0.1")), pipeline(From("10.0.0.1")) };
        var refused = pipeline(From("10.0.0.1"));
        Assert.True(refused.IsCompleted, "the third connection of one address ends at once");
        var other = pipeline(From("10.0.0.2"));
        Assert.False(other.IsCompleted);
        Assert.Equal(3, served);
        Assert.Equal(2, limits.OpenFor(IPAddress.Parse("10.0.0.1")));

        release.SetResult();
        await Task.WhenAll(held.Append(other));
        Assert.Equal(0, limits.OpenFor(IPAddress.Parse("10.0.0.1")));
        // Once closed, the address may connect again.
        await pipeline(From("10.0.0.1"));
        Assert.Equal(4, served);
    }

    [Fact]
    public async Task One_address_holding_half_sent_requests_does_not_lock_out_another_address()
    {
        await using var server = await StrataServer.StartAsync(settings: new Dictionary<string, string> { ["Strata__MaxConnectionsPerAddress"] = "20" });
        var held = new List<Socket>();
        try
        {
            // 60 connections from 127.0.0.2 that never finish their headers: past 20 they are closed at once.
            held = await HalfOpenConnections.OpenAsync(server.BaseUrl, 60, IPAddress.Parse("127.0.0.2"));
            int closed = await HalfOpenConnections.CountClosedAsync(held, TimeSpan.FromMilliseconds(300));
            Assert.True(closed >= 35, $"{closed} of 60 closed");
            // While the 20 are held, the server's own address (127.0.0.1) is served.
            var answer = await server.Alice.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.False(server.HasExited);
        }
        finally
        {
            held.ForEach(s => s.Dispose());
        }
    }
}
