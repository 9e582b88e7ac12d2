-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/comparison.mdx, sql block 1 (SQL verbatim)
SELECT 3 BETWEEN 2 AND 6
