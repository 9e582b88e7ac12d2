namespace Strata.Cli;

/// <summary>The process exit codes of <c>strata</c>.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The query failed, was cancelled by someone else, or its results expired.</summary>
    public const int QueryFailed = 1;

    /// <summary>Bad arguments.</summary>
    public const int Usage = 2;

    /// <summary>The server refused the request (401 bad key, 404, 429, ...).</summary>
    public const int Refused = 3;

    /// <summary>The server could not be reached.</summary>
    public const int Unreachable = 4;

    /// <summary>Ctrl-C: the execution was cancelled on the server.</summary>
    public const int Interrupted = 130;
}

/// <summary>An expected failure: one line for stderr and the exit code. Never carries an API key.</summary>
public sealed class CliFailure(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
