using System.ComponentModel.DataAnnotations;

namespace Strata.Server.Configuration;

/// <summary>Bounds on what one result value may make the server hold (env: <c>Strata__MaxValueBytes</c>).</summary>
public sealed class ResultValueOptions
{
    /// <summary>
    /// The largest single value (text, bytes, or the JSON text of an array, map or struct) an execution
    /// may return; a larger one fails the execution with an error naming this limit. Default 16 MiB.
    /// </summary>
    [Range(1024L, 1L << 30)]
    public long MaxValueBytes { get; set; } = Strata.Core.Results.ResultWriter.DefaultMaxValueBytes;
}
