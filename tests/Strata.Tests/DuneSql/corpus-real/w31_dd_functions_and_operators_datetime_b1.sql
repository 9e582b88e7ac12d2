-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 1 (SQL verbatim)
SELECT timestamp '2012-10-31 01:00 UTC'
