using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Server.Apis;
using Strata.Server.Configuration;
using Strata.Server.Hosting;
using Strata.Server.Observability;
using Strata.Server.OpenApi;

// Everything the server writes under the data directory is private to its user.
DataDirectoryPermissions.RestrictUmask();
// Before any thread of the server's allocates: glibc's arenas, capped (Strata__MallocArenaMax).
string arenas;
try
{
    arenas = GlibcArenas.Apply();
}
catch (FormatException e)
{
    Console.Error.WriteLine($"Strata cannot start: {e.Message}");
    return 2;
}
if (args is [Strata.Engine.DuckDb.Isolation.EngineWorker.Flag, ..])
{
    // This process is an engine worker of a server (see IsolatedEngine), not a server.
    return Strata.Engine.DuckDb.Isolation.EngineWorker.Run();
}
Console.WriteLine(arenas);
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddInMemoryCollection(StrataEnvironment.Shortcuts());
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // ASPNETCORE_URLS (or --urls) sets the listen address; this is the default.
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}

builder.Services
    .AddStrataOptions()
    .AddMetadataStore()
    .AddLocalFiles()
    .AddUseCases()
    .AddPostgresCluster(builder.Configuration[StrataOptions.Section + ":Metadata"])
    .AddQueryEngine();
builder.AddObservability();
builder.AddHttpHardening();
builder.Services.AddApiReference();
builder.Services.AddOptions<ResultViewLimitOptions>().BindConfiguration(ResultViewLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<ResultViewLimits>();
builder.Services.AddSingleton<ResultPages>();
builder.WebHost.ConfigureKestrel((context, kestrel) =>
{
    var o = context.Configuration.GetSection(StrataOptions.Section).Get<StrataOptions>() ?? new StrataOptions();
    kestrel.Limits.MaxRequestBodySize = o.MaxRequestBodyBytes;
    // Room for encoding to run ahead of the socket while a large result streams.
    kestrel.Limits.MaxResponseBufferSize = 4 * 1024 * 1024;
});
builder.Services.AddResponseCompression(o =>
{
    o.EnableForHttps = true;
    o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes.Concat(["text/csv"]);
});

WebApplication app;
try
{
    app = builder.Build();
    await app.PrepareAsync(Console.Out);
}
catch (Exception e) when (e is OptionsValidationException or InvalidOperationException or FormatException or Strata.Core.Storage.MetadataUnavailableException
    or Strata.Engine.DuckDb.DemoData.DemoLockException)
{
    Console.Error.WriteLine($"Strata cannot start: {e.Message}");
    return 2;
}

app.UseJsonExceptionHandler();
app.UseTrailingSlashes();
app.UseRequestLimits();
app.UseResponseCompression();
app.UseRouting();
app.UseObservability();
app.UseBodyLimitsAndRateLimits();
app.UseUseCaseErrors();
app.MapExecutionsApi();
app.MapQueriesApi();
app.MapUploadsApi();
app.MapDatasetsApi();
app.MapEndpointsApi();
app.MapOperations();
app.MapApiReference();
app.MapMaterializedViewsApi();
app.MapPipelinesApi();
app.MapIngestApi();
app.MapFallback((HttpContext context, RouteMethods routes) => routes.Unmatched(context));

try
{
    await app.StartAsync();
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine($"Strata cannot start: {e.Message}");
    return 2;
}
foreach (var address in app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses)
{
    Console.WriteLine($"Strata listening on {address}");
}
await app.WaitForShutdownAsync();
return 0;

/// <summary>Entry point type, visible to tests.</summary>
public partial class Program;
