-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 13 (SQL verbatim)
SELECT parse_duration('42.8ms')
