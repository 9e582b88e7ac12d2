namespace Strata.Tests.Infrastructure;

/// <summary>
/// The test assembly's entry point, in place of the empty one Microsoft.NET.Test.Sdk generates (the csproj turns that off).
/// <c>dotnet test</c> never calls it. A test that needs a fixture living in a process it can kill runs the built assembly
/// (<c>dotnet Strata.Tests.dll &lt;fixture&gt;</c>) as a child.
/// </summary>
internal static class TestProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["postgres"])
        {
            // A PostgresServer as a test host starts one: prints "<root> <port>", then lives until its input ends.
            await using var server = await PostgresServer.StartAsync();
            Console.WriteLine($"{server.Root} {server.Port}");
            await Console.In.ReadToEndAsync();
            return 0;
        }
        await Console.Error.WriteLineAsync("usage: dotnet Strata.Tests.dll postgres (the tests run it; the suite itself runs under dotnet test)");
        return 2;
    }
}
