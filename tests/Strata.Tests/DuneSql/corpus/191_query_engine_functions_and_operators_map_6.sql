-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/map.mdx (sql block 6), verbatim
SELECT map_filter(MAP(ARRAY[], ARRAY[]), (k, v) -> true);
    -- {}

    SELECT map_filter(MAP(ARRAY[10, 20, 30], ARRAY['a', NULL, 'c']),
                      (k, v) -> v IS NOT NULL);
    -- {10 -> a, 30 -> c}

    SELECT map_filter(MAP(ARRAY['k1', 'k2', 'k3'], ARRAY[20, 3, 15]),
                      (k, v) -> v > 10);
    -- {k1 -> 20, k3 -> 15}
