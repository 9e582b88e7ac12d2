using System.Reflection;
using System.Text.RegularExpressions;

namespace Strata.Tests.Units;

/// <summary>
/// The layering of issue 11, checked on the built assemblies and on the source: the inner rings reference no
/// infrastructure, adapters are named only by the composition roots, the use cases read no clock but
/// <see cref="TimeProvider"/>, and no source file grows past 400 lines. Each failure names the file or the
/// assembly that breaks the rule.
/// </summary>
public sealed partial class ArchitectureTests
{
    /// <summary>Assemblies of infrastructure: HTTP, databases, engines, file formats.</summary>
    private static readonly string[] Infrastructure =
    [
        "Microsoft.AspNetCore", "DuckDB.NET", "Microsoft.Data.Sqlite", "SQLitePCLRaw", "Npgsql", "ParquetSharp",
        "Strata.Server", "Strata.Engine.DuckDb", "Strata.Metadata.Sqlite", "Strata.Metadata.Postgres",
        "Strata.Storage.Files", "Strata.Cluster.Postgres", "Strata.Node.JsonRpc", "Strata.Cli",
    ];

    private static string[] ReferencesOf(Type typeInAssembly) =>
        typeInAssembly.Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Fact]
    public void Core_and_the_application_reference_no_infrastructure_assembly()
    {
        foreach (var type in new[] { typeof(Strata.Core.Engine.IQueryEngine), typeof(Strata.Application.Executions.ExecutionService) })
        {
            var bad = ReferencesOf(type).Where(r => Infrastructure.Any(i => r.StartsWith(i, StringComparison.Ordinal))).ToList();
            Assert.True(bad.Count == 0, $"{type.Assembly.GetName().Name} references {string.Join(", ", bad)}");
        }
        Assert.DoesNotContain("Strata.Application", ReferencesOf(typeof(Strata.Core.Engine.IQueryEngine)));
    }

    [Fact]
    public void No_adapter_references_the_web_host_or_the_cli()
    {
        foreach (var type in new[]
        {
            typeof(Strata.Engine.DuckDb.DuckDbEngine), typeof(Strata.Metadata.Sqlite.SqliteMetadataStore),
            typeof(Strata.Metadata.Postgres.PostgresMetadataStore), typeof(Strata.Storage.Files.Results.LocalResultStore),
            typeof(Strata.Cluster.Postgres.PostgresExecutionQueue), typeof(Strata.Node.JsonRpc.JsonRpcNode),
        })
        {
            var bad = ReferencesOf(type).Where(r => r is "Strata.Server" or "Strata.Cli" || r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)).ToList();
            Assert.True(bad.Count == 0, $"{type.Assembly.GetName().Name} references {string.Join(", ", bad)}");
        }
    }

    /// <summary>No DuckDB type outside the DuckDB project and the composition roots (the server's host and the CLI): no
    /// other project's assembly references DuckDB.NET or the DuckDB engine.</summary>
    [Fact]
    public void Only_the_duckdb_project_and_the_composition_roots_reference_duckdb()
    {
        foreach (var type in new[]
        {
            typeof(Strata.Core.Engine.IQueryEngine), typeof(Strata.Application.Executions.ExecutionService),
            typeof(Strata.Metadata.Sqlite.SqliteMetadataStore), typeof(Strata.Metadata.Postgres.PostgresMetadataStore),
            typeof(Strata.Storage.Files.Results.LocalResultStore), typeof(Strata.Cluster.Postgres.PostgresExecutionQueue),
            typeof(Strata.Node.JsonRpc.JsonRpcNode),
        })
        {
            var bad = ReferencesOf(type).Where(r => r.StartsWith("DuckDB.NET", StringComparison.Ordinal) || r == "Strata.Engine.DuckDb").ToList();
            Assert.True(bad.Count == 0, $"{type.Assembly.GetName().Name} references {string.Join(", ", bad)}");
        }
    }

    /// <summary>The source files of a project under src/, relative to it, without build output.</summary>
    private static IEnumerable<(string Relative, string Text)> Sources(string project)
    {
        string root = Path.Combine(StrataServer.RepoRoot, "src", project);
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(Path.Combine(root, f))));
    }

    [GeneratedRegex(@"\bStrata\.(Engine\.DuckDb|Metadata\.Sqlite|Metadata\.Postgres|Storage\.Files|Cluster\.Postgres|Node\.JsonRpc)\b|\bDuckDB\.NET\b|\bMicrosoft\.Data\.Sqlite\b|\bNpgsql\b|\bParquetSharp\b")]
    private static partial Regex AdapterName();

    [Fact]
    public void Only_the_composition_root_of_the_server_names_an_adapter()
    {
        // Hosting/ wires the adapters; Program.cs starts an engine worker when asked to be one.
        var bad = Sources("Strata.Server")
            .Where(s => !s.Relative.StartsWith("Hosting/", StringComparison.Ordinal) && s.Relative != "Program.cs")
            .Where(s => AdapterName().IsMatch(s.Text))
            .Select(s => $"{s.Relative} ({AdapterName().Match(s.Text).Value})")
            .ToList();
        Assert.True(bad.Count == 0, "adapters named outside Strata.Server/Hosting: " + string.Join(", ", bad));
        var program = Sources("Strata.Server").Single(s => s.Relative == "Program.cs").Text;
        Assert.Equal(["Strata.Engine.DuckDb"], AdapterName().Matches(program).Select(m => m.Value).Distinct().ToArray());
    }

    [GeneratedRegex(@"\b(\w+Api)\.")]
    private static partial Regex ApiMember();

    [Fact]
    public void No_api_file_calls_into_another()
    {
        var bad = Sources("Strata.Server")
            .Where(s => s.Relative.StartsWith("Apis/", StringComparison.Ordinal) && s.Relative.EndsWith("Api.cs", StringComparison.Ordinal))
            .SelectMany(s => ApiMember().Matches(s.Text).Select(m => m.Groups[1].Value)
                .Where(api => api != Path.GetFileNameWithoutExtension(s.Relative))
                .Select(api => $"{s.Relative} uses {api}"))
            .Distinct()
            .ToList();
        Assert.True(bad.Count == 0, "API files calling into another: " + string.Join(", ", bad));
    }

    [GeneratedRegex(@"\bApiErrors\.(BadRequest|NotFound|Error|WriteAsync)\(|\bResults\.(BadRequest|NotFound|Problem|StatusCode|Conflict|UnprocessableEntity)\(")]
    private static partial Regex ErrorAnswer();

    /// <summary>
    /// One error style: a handler refuses by throwing a <c>UseCaseException</c>, answered once by <c>ApiErrors</c>; none
    /// writes or returns an error of its own. <c>RouteMethods.cs</c> answers requests no handler takes (404, 405).
    /// </summary>
    [Fact]
    public void No_api_handler_answers_a_refusal_but_by_throwing()
    {
        var bad = Sources("Strata.Server")
            .Where(s => s.Relative.StartsWith("Apis/", StringComparison.Ordinal) && s.Relative is not ("Apis/ApiErrors.cs" or "Apis/RouteMethods.cs"))
            .Where(s => ErrorAnswer().IsMatch(s.Text))
            .Select(s => $"{s.Relative} ({ErrorAnswer().Match(s.Text).Value})")
            .ToList();
        Assert.True(bad.Count == 0, "API files answering an error themselves: " + string.Join(", ", bad));
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Utc)?Now\b|\bStopwatch\b|\bEnvironment\.TickCount")]
    private static partial Regex ClockRead();

    [Fact]
    public void The_use_cases_read_no_clock_but_their_TimeProvider()
    {
        var bad = Sources("Strata.Application").Where(s => ClockRead().IsMatch(s.Text))
            .Select(s => $"{s.Relative} ({ClockRead().Match(s.Text).Value})").ToList();
        Assert.True(bad.Count == 0, "clock reads outside TimeProvider in Strata.Application: " + string.Join(", ", bad));
    }

    [Fact]
    public void No_source_file_passes_400_lines_but_the_demo_data_generator()
    {
        string src = Path.Combine(StrataServer.RepoRoot, "src");
        var over = Directory.GetDirectories(src)
            .SelectMany(project => Sources(Path.GetFileName(project)).Select(s => (File: $"{Path.GetFileName(project)}/{s.Relative}", Lines: s.Text.Split('\n').Length - (s.Text.EndsWith('\n') ? 1 : 0))))
            .Where(f => f.Lines > 400 && !f.File.Contains("/DemoData/", StringComparison.Ordinal))
            .Select(f => $"{f.File} ({f.Lines} lines)")
            .ToList();
        Assert.True(over.Count == 0, "files past 400 lines in src/: " + string.Join(", ", over));
    }
}
