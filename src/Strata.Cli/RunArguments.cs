namespace Strata.Cli;

/// <summary>The output formats of <c>strata run</c> and <c>strata results</c>.</summary>
public enum OutputFormat
{
    Table,
    Csv,
    Json,
    Parquet,
    Arrow,
}

/// <summary>Pure checks of the <c>run</c>/<c>results</c> arguments, kept apart for unit tests.</summary>
public static class RunArguments
{
    /// <summary><c>--param name=value</c>, repeated; the value may hold <c>=</c>. A name given twice is an error.</summary>
    public static IReadOnlyDictionary<string, string> ParseParameters(IEnumerable<string> items)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string item in items)
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            string name = eq < 0 ? "" : item[..eq].Trim();
            if (name.Length == 0)
            {
                throw new CliFailure(ExitCodes.Usage, $"--param needs name=value, got '{item}'");
            }
            if (!parameters.TryAdd(name, item[(eq + 1)..]))
            {
                throw new CliFailure(ExitCodes.Usage, $"--param {name} is given twice");
            }
        }
        return parameters;
    }

    /// <summary>The SQL: the argument or the file, exactly one of them.</summary>
    public static string Sql(string? inline, string? file)
    {
        if ((inline is null) == (file is null))
        {
            throw new CliFailure(ExitCodes.Usage, "give the SQL as an argument or with --file, not both and not neither");
        }
        if (file is not null)
        {
            try
            {
                inline = file == "-" ? Console.In.ReadToEnd() : File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliFailure(ExitCodes.Usage, $"cannot read {file}: {e.Message}");
            }
        }
        if (string.IsNullOrWhiteSpace(inline))
        {
            throw new CliFailure(ExitCodes.Usage, "the SQL is empty");
        }
        return inline;
    }

    /// <summary>The server's base URL: absolute http(s), without a trailing slash.</summary>
    public static Uri BaseUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliFailure(ExitCodes.Usage, $"--url must be an http or https URL, got '{url}'");
        }
        return new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/");
    }

    /// <summary>The key from <c>--key</c>, else <c>STRATA_API_KEY</c>.</summary>
    public static string Key(string? option, string? environment) =>
        !string.IsNullOrEmpty(option) ? option
        : !string.IsNullOrEmpty(environment) ? environment
        : throw new CliFailure(ExitCodes.Usage, "no API key: set STRATA_API_KEY or pass --key");

    /// <summary>Binary formats are not written to a terminal.</summary>
    public static void CheckDestination(OutputFormat format, string? outFile, bool stdoutIsTerminal)
    {
        if (outFile is null && stdoutIsTerminal && format is OutputFormat.Parquet or OutputFormat.Arrow)
        {
            throw new CliFailure(ExitCodes.Usage, $"{format.ToString().ToLowerInvariant()} is binary: use --out FILE or redirect stdout");
        }
        if (outFile is not null && format == OutputFormat.Table)
        {
            throw new CliFailure(ExitCodes.Usage, "--out needs --format csv, json, parquet or arrow");
        }
    }
}
