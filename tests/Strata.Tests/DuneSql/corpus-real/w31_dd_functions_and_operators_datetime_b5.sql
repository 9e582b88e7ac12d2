-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 5 (SQL verbatim)
SELECT from_iso8601_date('2020-05-11')
