using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace Strata.Server.Apis;

/// <summary>
/// The base URL written into <c>next_uri</c>. A forged <c>Host</c> header must not steer a client to
/// another server, so the request's host is used only when it has been validated:
/// <list type="number">
/// <item><c>Strata:PublicBaseUrl</c> when set (the normal setting behind a proxy);</item>
/// <item>else the request's host when ASP.NET's host filtering is configured (root <c>AllowedHosts</c>
/// setting other than <c>*</c>), which has already refused any other host with a 400;</item>
/// <item>else the request's host when it names this very connection: a loopback name or address, or the
/// IP address the connection arrived on, with the connection's port;</item>
/// <item>else the address and port the connection arrived on.</item>
/// </list>
/// </summary>
public static class PublicUrls
{
    public static string BaseUrl(HttpRequest request, string? publicBaseUrl)
    {
        if (!string.IsNullOrEmpty(publicBaseUrl))
        {
            return publicBaseUrl.TrimEnd('/');
        }
        var context = request.HttpContext;
        var filtering = context.RequestServices.GetService<IOptions<HostFilteringOptions>>()?.Value;
        bool hostsFiltered = filtering is { AllowedHosts.Count: > 0 } && !filtering.AllowedHosts.Contains("*");
        if (hostsFiltered && request.Host.HasValue)
        {
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
        var local = context.Connection.LocalIpAddress;
        int port = context.Connection.LocalPort;
        string? host = request.Host.HasValue ? request.Host.Host : null;
        string authority;
        if (host is not null && IsThisConnection(host, local))
        {
            // No port on an in-memory test host's connection: HostString refuses 0.
            authority = port > 0 ? new HostString(host, port).Value! : host;
        }
        else if (local is not null)
        {
            authority = FormatAddress(local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local) + ":" + port.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            // No socket (an in-memory test host): nothing better is known.
            authority = "localhost";
        }
        return $"{request.Scheme}://{authority}{request.PathBase}";
    }

    private static bool IsThisConnection(string host, IPAddress? local)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        if (!IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return false;
        }
        return IPAddress.IsLoopback(address)
            || (local is not null && Normalise(address).Equals(Normalise(local)));
    }

    private static IPAddress Normalise(IPAddress a) => a.IsIPv4MappedToIPv6 ? a.MapToIPv4() : a;

    private static string FormatAddress(IPAddress a) =>
        a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{a}]" : a.ToString();
}
