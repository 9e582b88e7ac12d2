-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/array.mdx, sql block 7 (SQL verbatim)
SELECT filter(ARRAY[], x -> true)
