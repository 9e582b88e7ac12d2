using Strata.Application.Configuration;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Strata.Server.Apis;
using Strata.Server.Auth;
using Strata.Server.Configuration;

namespace Strata.Server.Hosting;

/// <summary>
/// The protections of the HTTP surface: request-line, header and body limits answered with the contract's
/// JSON bodies, key redaction in logs, and per-key rate limits. See docs/notes/http-hardening.md.
/// </summary>
public static class HttpHardening
{
    /// <summary>Item holding the body limit applied to this request, named by the 413 answer.</summary>
    public const string BodyLimitItem = "strata.bodyLimit";

    /// <summary>Most headers a request may carry (Kestrel's own default), answered 431 with JSON past it.</summary>
    public const int MaxHeaderCount = 100;

    public static WebApplicationBuilder AddHttpHardening(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<HttpSafetyOptions>().BindConfiguration(StrataOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RouteMethods>();
        builder.Services.AddSingleton<LongPollSlots>();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            // Kestrel answers its own limits with an empty body before any middleware runs. Its limits are
            // therefore set well above Strata's, which the middleware below enforces with a JSON body; only
            // a request past this backstop gets Kestrel's bare answer.
            var o = context.Configuration.GetSection(StrataOptions.Section).Get<HttpSafetyOptions>() ?? new HttpSafetyOptions();
            kestrel.Limits.MaxRequestLineSize = Math.Max(64 * 1024, 2 * o.MaxRequestLineBytes);
            kestrel.Limits.MaxRequestHeadersTotalSize = Math.Max(128 * 1024, 2 * o.MaxRequestHeadersBytes);
            kestrel.Limits.MaxRequestHeaderCount = 4 * MaxHeaderCount;
            long connections = ConnectionLimit(o.MaxConnections, OpenFileLimit());
            kestrel.Limits.MaxConcurrentConnections = connections;
            var perAddress = new ConnectionsPerAddress(ConnectionsPerAddress.PerAddressLimit(o.MaxConnectionsPerAddress, connections));
            kestrel.ConfigureEndpointDefaults(listen => listen.Use(perAddress.Middleware));
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                rejected.HttpContext.RequestServices.GetService<Strata.Application.Observability.StrataMetrics>()?.Rejected(Strata.Application.Observability.StrataMetrics.Reasons.RateLimit);
                double seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out TimeSpan retry) ? retry.TotalSeconds : 60;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(seconds)).ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ApiErrors.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "rate limit exceeded"));
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(Partition);
        });
        KeyRedactingLoggerProvider.WrapAll(builder.Services);
        return builder;
    }

    /// <summary>
    /// The connections Kestrel serves at once: the configured number, else half the open-file limit less 1024
    /// (SQLite, results, parts, engine worker pipes and the runtime's own mappings need descriptors too), within
    /// [64, 10,000]. Every connection holds a descriptor; when they ran out the runtime could not map code and
    /// ended the process.
    /// </summary>
    public static long ConnectionLimit(int configured, long? openFileLimit) =>
        configured > 0 ? configured : Math.Clamp(((openFileLimit ?? 8192) - 1024) / 2, 64, 10_000);

    /// <summary>The soft limit on open files of this process (Linux: /proc/self/limits), or null when unknown.</summary>
    public static long? OpenFileLimit()
    {
        try
        {
            foreach (string line in File.ReadLines("/proc/self/limits"))
            {
                if (line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    string[] fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    return fields.Length > 0 && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out long soft) ? soft : null;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>Request-line and header limits, before anything reads the request.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var o = context.RequestServices.GetRequiredService<IOptions<HttpSafetyOptions>>().Value;
        var request = context.Request;
        string target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString);
        long line = request.Method.Length + 1 + target.Length + 1 + request.Protocol.Length;
        if (line > o.MaxRequestLineBytes)
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status414UriTooLong,
                $"request line too long: {line} bytes, the limit is {o.MaxRequestLineBytes} bytes").ConfigureAwait(false);
            return;
        }
        long headerBytes = 0;
        int headerCount = 0;
        foreach (var (name, values) in request.Headers)
        {
            foreach (var value in values)
            {
                headerCount++;
                headerBytes += name.Length + (value?.Length ?? 0);
            }
        }
        if (headerBytes > o.MaxRequestHeadersBytes || headerCount > MaxHeaderCount)
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status431RequestHeaderFieldsTooLarge,
                $"request headers too large: {headerCount} headers of {headerBytes} bytes, the limits are {MaxHeaderCount} headers and {o.MaxRequestHeadersBytes} bytes").ConfigureAwait(false);
            return;
        }
        await next(context).ConfigureAwait(false);
    });

    /// <summary>After routing: JSON bodies outside the upload routes are held to Strata:MaxJsonBodyBytes;
    /// then the caller is resolved and the rate limits applied.</summary>
    public static IApplicationBuilder UseBodyLimitsAndRateLimits(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false } && !IsUploadRoute(context))
            {
                long limit = context.RequestServices.GetRequiredService<IOptions<HttpSafetyOptions>>().Value.MaxJsonBodyBytes;
                if (feature.MaxRequestBodySize is not long current || limit < current)
                {
                    feature.MaxRequestBodySize = limit;
                    context.Items[BodyLimitItem] = limit;
                }
            }
            return next(context);
        });
        app.Use(async (context, next) =>
        {
            await ApiKeyAuthentication.CallerAsync(context).ConfigureAwait(false);
            await next(context).ConfigureAwait(false);
        });
        app.UseRateLimiter();
        return app;
    }

    private static bool IsUploadRoute(HttpContext context) =>
        IsUploadBodyRoute((context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText);

    /// <summary>
    /// The routes whose body is a table's rows, held to Strata:MaxRequestBodyBytes instead of Strata:MaxJsonBodyBytes:
    /// an insert and Dune's CSV upload. Every other route under <c>/uploads</c> and <c>/table</c> (create, clear, ...)
    /// takes a small JSON body: a 150 MB create body was read whole, four at once took the server to 4 GB (hostile12).
    /// </summary>
    internal static bool IsUploadBodyRoute(string? pattern) =>
        pattern is not null
        && (pattern.StartsWith("/api/v1/uploads/", StringComparison.OrdinalIgnoreCase) || pattern.StartsWith("/api/v1/table/", StringComparison.OrdinalIgnoreCase))
        && (pattern.EndsWith("/insert", StringComparison.OrdinalIgnoreCase) || pattern.EndsWith("/upload/csv", StringComparison.OrdinalIgnoreCase)
            || pattern.Equals("/api/v1/uploads/csv", StringComparison.OrdinalIgnoreCase));

    /// <summary>Write requests change stored state or start work: every POST, PATCH, PUT and DELETE except
    /// cancel and usage. Everything else is a read.</summary>
    public static bool IsWrite(HttpRequest request)
    {
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return false;
        }
        string path = request.Path.Value ?? "";
        return !path.EndsWith("/cancel", StringComparison.OrdinalIgnoreCase)
            && !path.Equals("/api/v1/usage", StringComparison.OrdinalIgnoreCase);
    }

    private static RateLimitPartition<string> Partition(HttpContext context)
    {
        var o = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var caller = context.Items.TryGetValue(ApiKeyAuthentication.CallerItem, out var item) ? item as ApiKeyAuthentication.Caller : null;
        string key;
        int perMinute;
        if (caller?.KeyHash is { } hash)
        {
            bool write = IsWrite(context.Request);
            key = (write ? "write:" : "read:") + hash;
            perMinute = write ? o.WritePerMinute : o.ReadPerMinute;
        }
        else
        {
            key = "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            perMinute = o.UnauthenticatedPerMinute;
        }
        if (perMinute <= 0)
        {
            return RateLimitPartition.GetNoLimiter(key);
        }
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
