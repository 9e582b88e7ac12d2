-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/datetime.mdx, sql block 6 (SQL verbatim)
SELECT current_timezone()
-- America/New_York
