using System.Text;
using Microsoft.Extensions.Logging;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// Keeps the messages an in-process server logs (Information and above), one line each, as <see cref="StrataServer.Output"/>
/// keeps a server process's console: for tests that count what the server did from its log ("Execution X submitted by").
/// Only the message is kept (no category or timestamp).
/// </summary>
internal sealed class LogCapture : ILoggerProvider
{
    private readonly StringBuilder lines = new();

    public string Text
    {
        get
        {
            lock (lines)
            {
                return lines.ToString();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private void Add(string message)
    {
        lock (lines)
        {
            lines.Append(message).Append('\n');
        }
    }

    private sealed class Logger(LogCapture capture) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                capture.Add(formatter(state, exception));
            }
        }
    }
}
