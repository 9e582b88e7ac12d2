using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Storage;
using Strata.Engine.DuckDb;
using Strata.Metadata.Sqlite;
using Strata.Server.Apis;
using Strata.Server.Auth;
using Strata.Server.Configuration;
using Strata.Server.Executions;
using Strata.Server.Hosting;
using Strata.Storage.Files.Results;

// Everything the server writes under the data directory is private to its user.
DataDirectoryPermissions.RestrictUmask();
if (args is [Strata.Engine.DuckDb.Isolation.EngineWorker.Flag, ..])
{
    // This process is an engine worker of a server (see IsolatedEngine), not a server.
    return Strata.Engine.DuckDb.Isolation.EngineWorker.Run();
}
var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddInMemoryCollection(StrataEnvironment.Shortcuts());
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    // ASPNETCORE_URLS (or --urls) sets the listen address; this is the default.
    builder.WebHost.UseUrls("http://127.0.0.1:8080");
}

builder.Services.AddOptions<StrataOptions>()
    .BindConfiguration(StrataOptions.Section)
    .ValidateDataAnnotations()
    .Validate(o => o.Medium.Slots >= 1 && o.Large.Slots >= 1, "Strata:Medium/Large slots must be at least 1")
    .ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<StrataOptions>, NestedTierValidation>();
builder.Services.AddOptions<QuotaOptions>()
    .BindConfiguration(QuotaOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddOptions<ResultValueOptions>()
    .BindConfiguration(StrataOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IMetadataStore>(sp =>
    new SqliteMetadataStore(Path.Combine(sp.GetRequiredService<IOptions<StrataOptions>>().Value.DataDir, "metadata.db")));
builder.Services.AddSingleton<IKeyStore>(sp => sp.GetRequiredService<IMetadataStore>());
builder.Services.AddSingleton<IExecutionStore>(sp => sp.GetRequiredService<IMetadataStore>());
builder.Services.AddSingleton<IQueryStore>(sp => sp.GetRequiredService<IMetadataStore>());
builder.Services.AddSingleton<ITableStore>(sp => sp.GetRequiredService<IMetadataStore>());
builder.Services.AddSingleton<IUsageStore>(sp => sp.GetRequiredService<IMetadataStore>());
builder.Services.AddSingleton<IResultStore>(sp =>
    new LocalResultStore(Path.Combine(sp.GetRequiredService<IOptions<StrataOptions>>().Value.DataDir, "results"),
        observer: sp.GetRequiredService<Strata.Server.Uploads.StorageUsage>()));
builder.Services.AddQueryEngine();
builder.Services.AddSingleton<Strata.Core.Results.Querying.IResultQueryEngine>(sp =>
{
    var o = sp.GetRequiredService<IOptions<StrataOptions>>().Value;
    return new DuckDbResultQuery(Path.Combine(o.DataDir, "results"), o.Medium.Threads, o.Medium.MemoryLimit);
});
builder.Services.AddSingleton(sp =>
    new Strata.Server.Uploads.PartFiles(Path.Combine(sp.GetRequiredService<IOptions<StrataOptions>>().Value.DataDir, "uploads")));
builder.Services.AddSingleton<Strata.Core.Uploads.ITableLoader>(sp =>
{
    var o = sp.GetRequiredService<IOptions<StrataOptions>>().Value;
    return new DuckDbTableLoader(new DuckDbLoaderSettings(o.Medium.Threads, o.Medium.MemoryLimit, Path.Combine(o.DataDir, "tmp", "loader")));
});
builder.Services.AddSingleton(sp =>
{
    var engine = sp.GetRequiredService<DuckDbEngine>();
    return new UploadsApi.EngineNames(engine.DemoSchemas, engine.ReservedWords);
});
builder.Services.AddOptions<TableQuotaOptions>()
    .BindConfiguration(TableQuotaOptions.Section)
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton<Strata.Server.Uploads.StorageUsage>();
builder.Services.AddSingleton<Strata.Server.Uploads.PartCompactor>();
builder.Services.AddSingleton<Strata.Server.Uploads.UploadService>();
builder.Services.AddSingleton<ApiKeyResolver>();
builder.AddHttpHardening();
builder.Services.AddSingleton<ExecutionService>();
builder.Services.AddSingleton<ResultPages>();
builder.Services.AddHostedService<ExecutionWorkers>();
builder.Services.AddHostedService<ResultExpirySweeper>();
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
    var options = app.Services.GetRequiredService<IOptions<StrataOptions>>().Value;
    DataDirectoryPermissions.Restrict(options.DataDir);
    var store = app.Services.GetRequiredService<IMetadataStore>();
    await store.InitializeAsync(CancellationToken.None);
    StartupTasks.EnsureDemoData(options, Console.Out);
    var engineNames = app.Services.GetRequiredService<UploadsApi.EngineNames>();
    await StartupTasks.EnsureKeysAsync(options, store, Console.Out, CancellationToken.None, engineNames.DemoSchemas.Concat(engineNames.ReservedWords));
    // Left by a crash: spooled bodies, half-written parts, parts of inserts that never committed.
    int swept = app.Services.GetRequiredService<Strata.Server.Uploads.PartFiles>().Sweep(await store.AllPartFilesAsync(CancellationToken.None));
    Console.WriteLine($"Start-up removed {swept} uncommitted or temporary upload files");
    // Left by executions that never ended: their spill directories.
    int spill = app.Services.GetRequiredService<DuckDbEngine>().SweepSpill();
    Console.WriteLine($"Start-up removed {spill} leftover spill directories");
}
catch (Exception e) when (e is OptionsValidationException or InvalidOperationException or FormatException)
{
    Console.Error.WriteLine($"Strata cannot start: {e.Message}");
    return 2;
}

app.UseExceptionHandler(error => error.Run(async context =>
{
    var feature = context.Features.Get<IExceptionHandlerFeature>();
    if (feature?.Error is BadHttpRequestException bad)
    {
        long limit = context.Items.TryGetValue(HttpHardening.BodyLimitItem, out var applied) && applied is long l
            ? l : context.RequestServices.GetRequiredService<IOptions<StrataOptions>>().Value.MaxRequestBodyBytes;
        string message = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"Request body too large: the limit is {limit} bytes" : "bad request";
        await ApiErrors.WriteAsync(context, bad.StatusCode, message);
        return;
    }
    await ApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, ApiErrors.Internal);
}));
app.Use((context, next) =>
{
    // Every route accepts a trailing slash, without a redirect.
    var path = context.Request.Path.Value;
    if (path is { Length: > 1 } && path.EndsWith('/'))
    {
        context.Request.Path = path.TrimEnd('/');
    }
    return next(context);
});
app.UseRequestLimits();
app.UseResponseCompression();
app.UseRouting();
app.UseBodyLimitsAndRateLimits();
app.MapExecutionsApi();
app.MapQueriesApi();
app.MapUploadsApi();
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
