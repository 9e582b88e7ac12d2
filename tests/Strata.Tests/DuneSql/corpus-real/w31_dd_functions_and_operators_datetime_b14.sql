-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 14 (SQL verbatim)
SELECT human_readable_seconds(96)
