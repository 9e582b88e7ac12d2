-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/map.mdx, sql block 10 (SQL verbatim)
SELECT transform_values(MAP(ARRAY[], ARRAY[]), (k, v) -> v + 1)
