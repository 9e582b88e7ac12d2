-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/comparison.mdx, sql block 2 (SQL verbatim)
SELECT 3 >= 2 AND 3 <= 6
