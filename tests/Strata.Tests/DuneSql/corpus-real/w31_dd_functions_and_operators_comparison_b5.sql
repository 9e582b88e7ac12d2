-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/comparison.mdx, sql block 5 (SQL verbatim)
SELECT NULL BETWEEN 2 AND 4
