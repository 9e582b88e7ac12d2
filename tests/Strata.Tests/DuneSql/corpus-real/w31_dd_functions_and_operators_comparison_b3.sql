-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/comparison.mdx, sql block 3 (SQL verbatim)
SELECT 3 NOT BETWEEN 2 AND 6
