-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/map.mdx, sql block 9 (SQL verbatim)
SELECT transform_keys(MAP(ARRAY[], ARRAY[]), (k, v) -> k + 1)
