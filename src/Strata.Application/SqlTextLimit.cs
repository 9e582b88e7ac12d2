namespace Strata.Application;

/// <summary>The bound on a query text a client sends (<c>Strata:MaxSqlBytes</c>, UTF-8 bytes): over it is TooLarge (413).</summary>
public static class SqlTextLimit
{
    public static void Check(string sql, long limit)
    {
        // A UTF-8 character is at most three bytes per UTF-16 unit: a short text needs no count.
        if (sql.Length <= limit / 3)
        {
            return;
        }
        int bytes = System.Text.Encoding.UTF8.GetByteCount(sql);
        if (bytes > limit)
        {
            throw new UseCaseException(UseCaseError.TooLarge, $"query text too large: {bytes} bytes of SQL, the limit is {limit} bytes (Strata:MaxSqlBytes)");
        }
    }
}
