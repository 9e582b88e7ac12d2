using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Strata.Application.Configuration;
using Strata.Server.Apis;

namespace Strata.Server.Hosting;

/// <summary>The request pipeline's own steps: the one place unexpected failures become the contract's bodies, and path normalisation.</summary>
public static class HttpPipeline
{
    /// <summary>
    /// Unexpected exceptions answer <c>{"error":"An internal error occurred"}</c> (500) after the host logs
    /// them; a request Kestrel refuses (a body over its limit) answers with its own status and message.
    /// </summary>
    public static IApplicationBuilder UseJsonExceptionHandler(this IApplicationBuilder app) => app.UseExceptionHandler(new ExceptionHandlerOptions
    {
        ExceptionHandler = AnswerAsync,
        // A request Kestrel refused (a body past its limit) is the client's error, answered as such: logged as an
        // unhandled failure with its stack, every oversized body wrote about twenty error lines (hostile12).
        SuppressDiagnosticsCallback = c => c.Exception is BadHttpRequestException || IsUnreadableBody(c.Exception),
    });

    /// <summary>
    /// Kestrel's own failure to read a request body that is not a <see cref="BadHttpRequestException"/>: a chunk size past
    /// 2³¹ (<c>ffffffffffffffff</c>) overflows in its chunked-body parser, which throws an <see cref="IOException"/> ("Bad
    /// chunk size data.") instead; it answered 500 (hostile16). Only Kestrel's throw counts: an I/O failure of the server's
    /// own (its disk) stays an internal error.
    /// </summary>
    internal static bool IsUnreadableBody(Exception exception) =>
        exception is IOException && exception.TargetSite?.DeclaringType?.Namespace?.StartsWith("Microsoft.AspNetCore.Server.Kestrel", StringComparison.Ordinal) == true;

    private static async Task AnswerAsync(HttpContext context)
    {
        var feature = context.Features.Get<IExceptionHandlerFeature>();
        if (feature?.Error is BadHttpRequestException bad)
        {
            long limit = context.Items.TryGetValue(HttpHardening.BodyLimitItem, out var applied) && applied is long l
                ? l : context.RequestServices.GetRequiredService<IOptions<StrataOptions>>().Value.MaxRequestBodyBytes;
            string message = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? $"Request body too large: the limit is {limit} bytes" : "bad request";
            await ApiErrors.WriteAsync(context, bad.StatusCode, message).ConfigureAwait(false);
            return;
        }
        if (feature?.Error is { } unreadable && IsUnreadableBody(unreadable))
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status400BadRequest, $"bad request: the request body could not be read ({unreadable.Message})").ConfigureAwait(false);
            return;
        }
        if (feature?.Error is Strata.Core.Storage.MetadataUnavailableException unavailable)
        {
            // Thrown outside the use-case error mapping (by a middleware): still the database being away, not a bug.
            await ApiErrors.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, unavailable.Message).ConfigureAwait(false);
            return;
        }
        await ApiErrors.WriteAsync(context, StatusCodes.Status500InternalServerError, ApiErrors.Internal).ConfigureAwait(false);
    }

    /// <summary>Every API route accepts a trailing slash, without a redirect.</summary>
    public static IApplicationBuilder UseTrailingSlashes(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var path = context.Request.Path.Value;
        // Scalar's reference page lives at /docs/ and redirects /docs there: its slash stays.
        if (path is { Length: > 1 } && path.EndsWith('/') && !path.StartsWith(Strata.Server.OpenApi.ApiReference.DocsRoute + "/", StringComparison.Ordinal))
        {
            context.Request.Path = path.TrimEnd('/');
        }
        return next(context);
    });
}
