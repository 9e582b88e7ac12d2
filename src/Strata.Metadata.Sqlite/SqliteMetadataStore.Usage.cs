using System.Globalization;
using Strata.Core.Queries;
using Strata.Core.Uploads;

namespace Strata.Metadata.Sqlite;

/// <summary>An owner's stored bytes and activity, read across tables, executions and queries in one statement.</summary>
public sealed partial class SqliteMetadataStore
{
    public async Task<UsageFigures> UsageAsync(string owner, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT
              (SELECT coalesce(sum(p.bytes), 0) FROM upload_parts p JOIN upload_tables t ON t.id = p.table_id WHERE t.owner = $owner),
              (SELECT coalesce(sum(json_extract(result_json, '$.ResultSetBytes')), 0) FROM executions
                 WHERE owner = $owner AND result_json IS NOT NULL
                   AND state IN ('QUERY_STATE_COMPLETED', 'QUERY_STATE_COMPLETED_PARTIAL') AND (expires_at IS NULL OR expires_at > $now)),
              (SELECT count(*) FROM executions WHERE owner = $owner AND submitted_at >= $since),
              (SELECT count(*) FROM queries WHERE owner = $owner AND is_private = 1 AND is_archived = 0),
              (SELECT coalesce(sum(octet_length(name) + octet_length(description) + octet_length(tags_json) + octet_length(query_sql)
                 + octet_length(parameters_json) + $row), 0) FROM queries WHERE owner = $owner),
              (SELECT coalesce(sum(octet_length(sql) + coalesce(octet_length(params_json), 0) + coalesce(octet_length(source_sql), 0) + coalesce(octet_length(position_map), 0)), 0) FROM executions WHERE owner = $owner)
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$since", Format(since));
        command.Parameters.AddWithValue("$now", Format(now));
        command.Parameters.AddWithValue("$row", SavedQueryBytes.RowOverhead);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return new UsageFigures(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), QueryBytes: reader.GetInt64(4), ExecutionTextBytes: reader.GetInt64(5));
    }

    public async Task<IReadOnlyDictionary<DateOnly, long>> ExecutionsByMonthAsync(string owner, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.CreateCommand();
        // submitted_at is written as yyyy-MM-ddTHH:mm:ss.ffffffZ (UTC), so its first 7 characters are the month.
        command.CommandText = """
            SELECT substr(submitted_at, 1, 7), count(*) FROM executions
            WHERE owner = $owner AND submitted_at >= $from AND submitted_at < $until
            GROUP BY 1
            """;
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$from", Format(from));
        command.Parameters.AddWithValue("$until", Format(until));
        var months = new Dictionary<DateOnly, long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            months[DateOnly.ParseExact(reader.GetString(0) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture)] = reader.GetInt64(1);
        }
        return months;
    }
}
