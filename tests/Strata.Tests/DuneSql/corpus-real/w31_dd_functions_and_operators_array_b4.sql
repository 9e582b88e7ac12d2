-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/array.mdx, sql block 4 (SQL verbatim)
SELECT array_histogram(ARRAY[NULL, NULL])
