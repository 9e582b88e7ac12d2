-- Source: github.com/duneanalytics/dune-docs @1502a52, api-reference/connectors/trino/dbeaver.mdx (```sql block 1, statement 1; SQL verbatim)
SELECT
  date_trunc('day', block_time) AS time,
  count(*) AS count
FROM base.transactions
WHERE block_time > now() - interval '12' month
GROUP BY 1
ORDER BY 1 DESC
