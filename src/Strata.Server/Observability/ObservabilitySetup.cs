using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;
using Strata.Application.Observability;
using Strata.Core.Executions;

namespace Strata.Server.Observability;

/// <summary>
/// Health (<c>/healthz</c>, <c>/readyz</c>), metrics (<c>/metrics</c>, Prometheus through OpenTelemetry) and
/// logs (JSON when <c>STRATA_LOG_FORMAT=json</c>). See docs/operating.md and docs/notes/ops-http.md.
/// </summary>
public static class ObservabilitySetup
{
    /// <summary>Environment variable choosing the log format: <c>json</c>, or anything else for text.</summary>
    public const string LogFormatVariable = "STRATA_LOG_FORMAT";

    /// <summary>Call before <c>AddHttpHardening</c>, which wraps every log provider registered so far in key redaction.</summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        ConfigureLogs(builder);
        builder.Services.AddSingleton<StrataMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(StrataMetrics.MeterName)
            .AddAspNetCoreInstrumentation()
            .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        builder.Services.AddSingleton<EngineProbeGate>();
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHealthChecks()
            .AddCheck<MetadataStoreCheck>("store", tags: [HealthResponses.ReadyTag])
            .AddCheck<EngineCheck>("engine", tags: [HealthResponses.ReadyTag])
            .AddCheck<DiskCheck>("disk", tags: [HealthResponses.ReadyTag]);
        return builder;
    }

    /// <summary>After routing: the execution id as a log scope, one request log line, result bytes served.</summary>
    public static IApplicationBuilder UseObservability(this IApplicationBuilder app)
    {
        app.UseExecutionLogScope();
        app.UseHttpLogging();
        app.UseResultBytesServed();
        return app;
    }

    /// <summary>The operations endpoints: no API key, outside the rate limits.</summary>
    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponses.WriteAsync })
            .DisableRateLimiting().DisableHttpMetrics();
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(HealthResponses.ReadyTag),
            ResponseWriter = HealthResponses.WriteAsync,
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        }).DisableRateLimiting().DisableHttpMetrics();
        app.MapPrometheusScrapingEndpoint("/metrics").DisableRateLimiting().DisableHttpMetrics();
        return app;
    }

    /// <summary>
    /// Logs carry no query strings (they may hold parameter values, filter literals or a key): ASP.NET's
    /// "Request starting GET http://host/path?query" lines are turned off, and one line per request says
    /// method, path, status and duration instead. With <c>STRATA_LOG_FORMAT=json</c> every line is one
    /// JSON object with its scopes (request id, execution id) and structured values.
    /// </summary>
    private static void ConfigureLogs(WebApplicationBuilder builder)
    {
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Services.AddHttpLogging(o =>
        {
            o.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath
                | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            o.CombineLogs = true;
        });
        if (!string.Equals(Environment.GetEnvironmentVariable(LogFormatVariable), "json", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
            o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
        });
    }

    private static IApplicationBuilder UseExecutionLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Strata.Requests");
        return app.Use(async (context, next) =>
        {
            if (context.GetRouteValue("executionId") is not string executionId || !ExecutionIds.IsValid(executionId.ToUpperInvariant()))
            {
                await next(context).ConfigureAwait(false);
                return;
            }
            using (logger.BeginScope("ExecutionId:{ExecutionId}", executionId.ToUpperInvariant()))
            {
                await next(context).ConfigureAwait(false);
            }
        });
    }
}
