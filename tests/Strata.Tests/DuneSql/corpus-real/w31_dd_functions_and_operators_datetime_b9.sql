-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 9 (SQL verbatim)
SELECT from_unixtime_nanos(100)
