-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/array.mdx, sql block 3 (SQL verbatim)
SELECT array_histogram(ARRAY[42, 7, 42, NULL])
