-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/map.mdx (sql block 9), verbatim
SELECT transform_values(MAP(ARRAY[], ARRAY[]), (k, v) -> v + 1);
    -- {}

    SELECT transform_values(MAP(ARRAY [1, 2, 3], ARRAY [10, 20, 30]),
                            (k, v) -> v + k);
    -- {1 -> 11, 2 -> 22, 3 -> 33}

    SELECT transform_values(MAP(ARRAY [1, 2, 3], ARRAY ['a', 'b', 'c']),
                            (k, v) -> k * k);
    -- {1 -> 1, 2 -> 4, 3 -> 9}

    SELECT transform_values(MAP(ARRAY ['a', 'b'], ARRAY [1, 2]),
                            (k, v) -> k || CAST(v as VARCHAR));
    -- {a -> a1, b -> b2}

    SELECT transform_values(MAP(ARRAY [1, 2], ARRAY [1.0, 1.4]),
                            (k, v) -> MAP(ARRAY[1, 2], ARRAY['one', 'two'])[k]
                              || '_' || CAST(v AS VARCHAR));
    -- {1 -> one_1.0, 2 -> two_1.4}
