-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 3 (SQL verbatim)
SELECT from_iso8601_timestamp('2020-05-11')
