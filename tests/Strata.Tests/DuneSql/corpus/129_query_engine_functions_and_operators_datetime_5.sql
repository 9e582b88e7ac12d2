-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/datetime.mdx (sql block 5), verbatim
SELECT current_timezone()
-- America/New_York
