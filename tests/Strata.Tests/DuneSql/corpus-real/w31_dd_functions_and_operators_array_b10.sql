-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/array.mdx, sql block 10 (SQL verbatim)
SELECT trim_array(ARRAY[1, 2, 3, 4], 1)
