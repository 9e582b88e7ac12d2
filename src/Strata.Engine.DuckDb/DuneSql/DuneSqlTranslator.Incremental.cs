using System.Text;
using Strata.Core.Results.Querying;

namespace Strata.Engine.DuckDb.DuneSql;

public static partial class DuneSqlTranslator
{
    private sealed partial class Pass
    {
        /// <summary>
        /// Dune's incremental queries (query-engine/incremental-queries.mdx): <c>TABLE(previous.query.result(schema =>
        /// DESCRIPTOR(day TIMESTAMP(3), n BIGINT)))</c> is the caller's previous result of the same query, and on a first
        /// run "an empty table (0 rows) with your specified schema". Strata keeps no previous result for a query to read,
        /// so every run is a first run: the table function becomes an empty relation with the descriptor's columns and
        /// types, and the query computes its whole result from the source tables, which is what the documented pattern
        /// (previous rows before a cutoff, recomputed rows after it) gives on Dune too.
        /// </summary>
        /// <returns>The index after the TABLE(…) call, or -1 when it is not previous.query.result.</returns>
        private int TryEmitPreviousResult(int nameIndex, int open, int close, int end)
        {
            int previous = Next(open, close);
            int dot1 = Next(previous, close), query = Next(dot1, close), dot2 = Next(query, close), result = Next(dot2, close);
            int resultOpen = Next(result, close);
            if (!(Is(previous, "previous") && Is(dot1, ".") && Is(query, "query") && Is(dot2, ".") && Is(result, "result") && Is(resultOpen, "(")))
            {
                return -1;
            }
            var token = tokens[nameIndex];
            int resultClose = Close(resultOpen, close);
            if (close >= end || resultClose >= close || Next(resultClose, close) != close)
            {
                throw NotSupported(sql, token, "TABLE(previous.query.result(…)) must hold only the previous.query.result call");
            }
            int descriptor = -1;
            for (int k = Next(resultOpen, resultClose); k < resultClose; k = Next(k, resultClose))
            {
                if (Is(k, "descriptor") && Is(Next(k, resultClose), "("))
                {
                    descriptor = k;
                    break;
                }
            }
            if (descriptor < 0)
            {
                throw NotSupported(sql, token, "previous.query.result needs the result's columns: schema => DESCRIPTOR(name type, …)");
            }
            int descriptorOpen = Next(descriptor, resultClose);
            int descriptorClose = Close(descriptorOpen, resultClose);
            var columns = Arguments(descriptorOpen, descriptorClose);
            if (columns.Count == 0)
            {
                throw NotSupported(sql, token, "previous.query.result needs at least one column in DESCRIPTOR(name type, …)");
            }
            var select = new StringBuilder("(SELECT ");
            for (int c = 0; c < columns.Count; c++)
            {
                int name = columns[c].From < descriptorClose && tokens[columns[c].From].IsTrivia ? Next(columns[c].From, columns[c].To) : columns[c].From;
                int typeFrom = Next(name, columns[c].To);
                if (name >= columns[c].To || typeFrom >= columns[c].To || tokens[name].Kind is not (DuneTokenKind.Word or DuneTokenKind.QuotedName))
                {
                    throw NotSupported(sql, tokens[Math.Min(name, tokens.Count - 1)], "Each DESCRIPTOR column is a name and a type");
                }
                string column = tokens[name].Kind == DuneTokenKind.QuotedName ? Text(name) : SqlQuoting.QuoteIdentifier(Text(name));
                string type = DuneTypes.Translate(sql, tokens, typeFrom, columns[c].To, tokens[name]);
                select.Append(c == 0 ? "" : ", ").Append("CAST(NULL AS ").Append(type).Append(") AS ").Append(column);
            }
            select.Append(" WHERE false)");
            emitter.Text(select.ToString(), token);
            return close + 1;
        }
    }
}
