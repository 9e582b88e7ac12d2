-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/map.mdx (sql block 8), verbatim
SELECT transform_keys(MAP(ARRAY[], ARRAY[]), (k, v) -> k + 1);
    -- {}

    SELECT transform_keys(MAP(ARRAY [1, 2, 3], ARRAY ['a', 'b', 'c']),
                          (k, v) -> k + 1);
    -- {2 -> a, 3 -> b, 4 -> c}

    SELECT transform_keys(MAP(ARRAY ['a', 'b', 'c'], ARRAY [1, 2, 3]),
                          (k, v) -> v * v);
    -- {1 -> 1, 4 -> 2, 9 -> 3}

    SELECT transform_keys(MAP(ARRAY ['a', 'b'], ARRAY [1, 2]),
                          (k, v) -> k || CAST(v as VARCHAR));
    -- {a1 -> 1, b2 -> 2}

    SELECT transform_keys(MAP(ARRAY [1, 2], ARRAY [1.0, 1.4]),
                          (k, v) -> MAP(ARRAY[1, 2], ARRAY['one', 'two'])[k]);
    -- {one -> 1.0, two -> 1.4}
