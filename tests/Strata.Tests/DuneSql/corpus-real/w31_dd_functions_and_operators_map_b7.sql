-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/map.mdx, sql block 7 (SQL verbatim)
SELECT map_filter(MAP(ARRAY[], ARRAY[]), (k, v) -> true)
