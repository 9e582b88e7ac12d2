-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 2 (SQL verbatim)
SELECT current_timestamp(6)
