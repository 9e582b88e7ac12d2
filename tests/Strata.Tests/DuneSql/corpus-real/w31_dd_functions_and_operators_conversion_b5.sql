-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/conversion.mdx, sql block 5 (SQL verbatim)
SELECT COALESCE(1, INT256 '2')
