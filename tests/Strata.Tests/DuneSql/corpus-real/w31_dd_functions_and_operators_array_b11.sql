-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/array.mdx, sql block 11 (SQL verbatim)
SELECT transform(ARRAY[], x -> x + 1)
