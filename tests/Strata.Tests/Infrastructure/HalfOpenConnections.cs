using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Strata.Tests;

/// <summary>Connections that send half a request and wait: the server should close those past its limits at once.</summary>
internal static class HalfOpenConnections
{
    /// <summary>Opens <paramref name="count"/> connections (from <paramref name="from"/> when given), each sending a request line and one header.</summary>
    public static async Task<List<Socket>> OpenAsync(Uri server, int count, IPAddress? from = null)
    {
        var held = new List<Socket>();
        for (int i = 0; i < count; i++)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            held.Add(socket);
            if (from is not null)
            {
                socket.Bind(new IPEndPoint(from, 0));
            }
            await socket.ConnectAsync(server.Host, server.Port);
            await socket.SendAsync(Encoding.ASCII.GetBytes("GET /healthz HTTP/1.1\r\nHost: x\r\n"));
        }
        return held;
    }

    /// <summary>How many of them the server has closed (an end of stream or a reset within a short wait each).</summary>
    public static async Task<int> CountClosedAsync(IEnumerable<Socket> sockets, TimeSpan wait)
    {
        int closed = 0;
        var buffer = new byte[64];
        foreach (var socket in sockets)
        {
            using var timeout = new CancellationTokenSource(wait);
            try
            {
                closed += await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token) == 0 ? 1 : 0;
            }
            catch (OperationCanceledException)
            {
                // Still open.
            }
            catch (SocketException)
            {
                closed++;
            }
        }
        return closed;
    }
}
