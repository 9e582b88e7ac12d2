-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/comparison.mdx, sql block 4 (SQL verbatim)
SELECT 3 < 2 OR 3 > 6
