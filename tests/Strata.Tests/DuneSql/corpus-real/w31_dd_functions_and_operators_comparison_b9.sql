-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/comparison.mdx, sql block 9 (SQL verbatim)
SELECT NULL IS DISTINCT FROM NULL
