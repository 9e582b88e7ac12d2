using System.Text.RegularExpressions;

namespace Strata.Server.Hosting;

/// <summary>
/// Removes API keys from log text: the value of any query parameter whose decoded name is <c>api_key</c>
/// (also percent-encoded spellings such as <c>api%5Fkey</c>, which ASP.NET decodes to the same name), and
/// the value of an <c>X-Dune-API-Key</c> header written as "name: value" or "name=value".
/// </summary>
public static partial class KeyRedaction
{
    public const string Mask = "[redacted]";

    public static string Redact(string text)
    {
        if (text.IndexOf('=', StringComparison.Ordinal) < 0 && text.IndexOf(':', StringComparison.Ordinal) < 0)
        {
            return text;
        }
        string result = QueryParameter().Replace(text, m => IsKeyName(m.Groups["name"].Value)
            ? m.Groups["lead"].Value + m.Groups["name"].Value + "=" + Mask
            : m.Value);
        return HeaderValue().Replace(result, m => m.Groups["head"].Value + Mask);
    }

    private static bool IsKeyName(string raw)
    {
        string name;
        try
        {
            name = Uri.UnescapeDataString(raw.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            name = raw;
        }
        return string.Equals(name.Trim(), "api_key", StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"(?<lead>^|[?&;\s""'(\[{,])(?<name>[^=&?;\s""'#]{1,64})=(?<value>[^&\s""'#;,)\]}]*)", RegexOptions.CultureInvariant)]
    private static partial Regex QueryParameter();

    [GeneratedRegex(@"(?<head>x-dune-api-key[""']?\s*[:=]\s*[""']?)[^\s,""';&]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HeaderValue();
}

/// <summary>Wraps every logger provider so that no log line, from Strata or from ASP.NET Core's hosting,
/// Kestrel or routing, carries an API key: messages, structured values and scopes are redacted.</summary>
public sealed class KeyRedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider)
    {
        if (inner is ISupportExternalScope scoped)
        {
            scoped.SetScopeProvider(new RedactingScopeProvider(scopeProvider));
        }
    }

    public void Dispose() => inner.Dispose();

    /// <summary>Replaces each registered provider by a redacting wrapper; call after all providers are added.</summary>
    public static void WrapAll(IServiceCollection services)
    {
        var registered = services.Where(d => d.ServiceType == typeof(ILoggerProvider)).ToList();
        foreach (var descriptor in registered)
        {
            services.Remove(descriptor);
            services.AddSingleton<ILoggerProvider>(sp => new KeyRedactingLoggerProvider(
                (ILoggerProvider)(descriptor.ImplementationInstance
                    ?? descriptor.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, descriptor.ImplementationType!))));
        }
    }

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }
            string message = KeyRedaction.Redact(formatter(state, exception));
            var redacted = new RedactedState(message, state);
            inner.Log(logLevel, eventId, redacted, exception is null ? null : new RedactedException(exception), static (s, _) => s.Message);
        }
    }

    /// <summary>The structured values of a log entry with every string redacted.</summary>
    private sealed class RedactedState(string message, object? original) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] values = original is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value is null or ValueType ? p.Value : KeyRedaction.Redact(p.Value.ToString() ?? ""))).ToArray()
            : [];

        public string Message => message;

        public int Count => values.Length;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)values).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => message;
    }

    /// <summary>An exception whose message and stack text are redacted (a bad request line quotes the URL).</summary>
    private sealed class RedactedException(Exception inner) : Exception(KeyRedaction.Redact(inner.Message))
    {
        public override string? StackTrace => inner.StackTrace;

        public override string ToString() => KeyRedaction.Redact(inner.ToString());
    }

    private sealed class RedactingScopeProvider(IExternalScopeProvider inner) : IExternalScopeProvider
    {
        public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
            inner.ForEachScope((scope, s) => callback(scope is null or ValueType ? scope : new RedactedState(KeyRedaction.Redact(scope.ToString() ?? ""), scope), s), state);

        public IDisposable Push(object? state) => inner.Push(state);
    }
}
