using Microsoft.Data.Sqlite;

namespace Strata.Metadata.Sqlite;

/// <summary>
/// Columns added after the first release. <c>CREATE TABLE IF NOT EXISTS</c> leaves an existing table
/// as it is, so each is added here when missing: a database written by an older version opens and
/// keeps its rows (a NULL in an added column reads as that column's old meaning).
/// </summary>
public sealed partial class SqliteMetadataStore
{
    private static readonly (string Table, string Column, string Definition)[] AddedColumns =
    [
        // The SQL dialect (issue 10): NULL is DuneSQL, the dialect every execution had before the field.
        ("executions", "dialect", "TEXT NULL"),
        ("queries", "query_engine", "TEXT NULL"),
    ];

    private static async Task AddMissingColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        foreach (var (table, column, definition) in AddedColumns)
        {
            using var info = connection.CreateCommand();
            // Table and column names are the constants above, never input.
            info.CommandText = $"SELECT COUNT(*) FROM pragma_table_info('{table}') WHERE name = '{column}'";
            if ((long)(await info.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! > 0)
            {
                continue;
            }
            using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {definition}";
            try
            {
                await alter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
            {
                // Another process opening the same database added it first.
            }
        }
    }
}
