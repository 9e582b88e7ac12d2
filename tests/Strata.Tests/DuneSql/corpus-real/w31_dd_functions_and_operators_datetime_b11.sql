-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 11 (SQL verbatim)
SELECT date_add('second', 86, TIMESTAMP '2020-03-01 00:00:00')
