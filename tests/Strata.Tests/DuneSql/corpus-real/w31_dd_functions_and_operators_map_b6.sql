-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/map.mdx, sql block 6 (SQL verbatim)
SELECT map_entries(MAP(ARRAY[1, 2], ARRAY['x', 'y']))
