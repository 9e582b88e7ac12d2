using System.Globalization;
using Strata.Core.Queries;
using Strata.Core.Uploads;

namespace Strata.Metadata.Postgres;

/// <summary>An owner's stored bytes and activity, read across tables, executions, queries and the shared result bytes in one statement.</summary>
public sealed partial class PostgresMetadataStore
{
    public async Task<UsageFigures> UsageAsync(string owner, DateTimeOffset since, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync("""
            SELECT
              (SELECT coalesce(sum(p.bytes), 0)::bigint FROM upload_parts p JOIN upload_tables t ON t.id = p.table_id WHERE t.owner = @owner),
              (SELECT coalesce(sum((result_json::jsonb ->> 'ResultSetBytes')::bigint), 0)::bigint FROM executions
                 WHERE owner = @owner AND result_json IS NOT NULL
                   AND state IN ('QUERY_STATE_COMPLETED', 'QUERY_STATE_COMPLETED_PARTIAL') AND (expires_at IS NULL OR expires_at > @now)),
              (SELECT count(*) FROM executions WHERE owner = @owner AND submitted_at >= @since),
              (SELECT count(*) FROM queries WHERE owner = @owner AND is_private AND NOT is_archived),
              coalesce((SELECT bytes FROM owner_result_bytes WHERE owner = @owner), 0),
              (SELECT coalesce(sum(octet_length(name) + octet_length(description) + octet_length(tags_json) + octet_length(query_sql)
                 + octet_length(parameters_json) + @row), 0)::bigint FROM queries WHERE owner = @owner),
              (SELECT coalesce(sum(octet_length(sql) + coalesce(octet_length(params_json), 0) + coalesce(octet_length(source_sql), 0) + coalesce(octet_length(position_map), 0)), 0)::bigint FROM executions WHERE owner = @owner)
            """, c => c.Text("owner", owner).Time("since", since).Time("now", now).Int("row", SavedQueryBytes.RowOverhead),
            r => new UsageFigures(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6)), cancellationToken).ConfigureAwait(false);
        return rows[0];
    }

    public async Task<IReadOnlyDictionary<DateOnly, long>> ExecutionsByMonthAsync(string owner, DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var rows = await ReadAllAsync("""
            SELECT to_char(submitted_at AT TIME ZONE 'UTC', 'YYYY-MM'), count(*) FROM executions
            WHERE owner = @owner AND submitted_at >= @from AND submitted_at < @until
            GROUP BY 1
            """, c => c.Text("owner", owner).Time("from", from).Time("until", until),
            r => (Month: DateOnly.ParseExact(r.GetString(0) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), Count: r.GetInt64(1)),
            cancellationToken).ConfigureAwait(false);
        return rows.ToDictionary(r => r.Month, r => r.Count);
    }
}
