using System.CommandLine;
using Strata.Core.Storage;
using Strata.Metadata.Postgres;
using Strata.Metadata.Sqlite;

namespace Strata.Cli;

/// <summary><c>strata migrate-metadata --to &lt;connection string&gt;</c>: the data directory's embedded metadata, copied into PostgreSQL.</summary>
public static class MigrateCommands
{
    public static Command MigrateMetadata(Option<string> dataDir)
    {
        var to = new Option<string>("--to")
        {
            Description = "Npgsql connection string of the PostgreSQL database (Host=...;Port=...;Username=...;Password=...;Database=...)",
            Required = true,
        };
        var command = new Command("migrate-metadata",
            "Copy the data directory's metadata (keys, queries, executions, tables, endpoints, views, pipelines) into PostgreSQL; safe to run again")
        {
            dataDir, to,
        };
        command.SetAction(async (parse, ct) =>
        {
            string path = Path.Combine(parse.GetValue(dataDir)!, "metadata.db");
            if (!File.Exists(path))
            {
                throw new CliFailure(ExitCodes.Usage, $"there is no metadata database at {path}: give the data directory with --data-dir or STRATA_DATA_DIR");
            }
            PostgresMetadataStore target;
            try
            {
                target = new PostgresMetadataStore(parse.GetValue(to)!);
            }
            catch (ArgumentException e)
            {
                throw new CliFailure(ExitCodes.Usage, $"--to: {e.Message}");
            }
            await using (target.ConfigureAwait(false))
            {
                var source = new SqliteMetadataStore(path);
                MetadataCopyCounts counts;
                try
                {
                    // The source is brought to this release's schema first, as any start of Strata on it would.
                    await source.InitializeAsync(ct).ConfigureAwait(false);
                    await target.InitializeAsync(ct).ConfigureAwait(false);
                    counts = await target.ImportAsync(source, ct).ConfigureAwait(false);
                }
                catch (MetadataSchemaTooNewException e)
                {
                    throw new CliFailure(ExitCodes.Usage, e.Message);
                }
                catch (MetadataUnavailableException e)
                {
                    throw new CliFailure(ExitCodes.Unreachable, e.Message);
                }
                catch (InvalidOperationException e)
                {
                    throw new CliFailure(ExitCodes.QueryFailed, e.Message);
                }
                Console.WriteLine($"Copied {path} to PostgreSQL {target.Database} (schema version {PostgresMetadataStore.SchemaVersion}):");
                foreach (var (kind, count) in counts.ByKind())
                {
                    Console.WriteLine($"  {kind}: {count}");
                }
                Console.WriteLine("Each row was written over any copy of it already there, so running this again gives the same rows.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
