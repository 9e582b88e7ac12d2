-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/map.mdx, sql block 8 (SQL verbatim)
SELECT map_zip_with(MAP(ARRAY[1, 2, 3], ARRAY['a', 'b', 'c']),
                        MAP(ARRAY[1, 2, 3], ARRAY['d', 'e', 'f']),
                        (k, v1, v2) -> concat(v1, v2))
