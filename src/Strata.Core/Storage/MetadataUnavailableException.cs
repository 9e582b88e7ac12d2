namespace Strata.Core.Storage;

/// <summary>
/// The metadata database cannot be reached now (refused, timed out, restarting, out of connections).
/// A store over a network database throws it instead of its driver's exceptions; the server answers the
/// request with 503 and this message, and the caller may try again. Its message never holds a password.
/// </summary>
public sealed class MetadataUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
}
