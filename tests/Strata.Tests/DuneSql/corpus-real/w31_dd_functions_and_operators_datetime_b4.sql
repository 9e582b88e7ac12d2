-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 4 (SQL verbatim)
SELECT from_iso8601_timestamp_nanos('2020-05-11T11:15:05')
