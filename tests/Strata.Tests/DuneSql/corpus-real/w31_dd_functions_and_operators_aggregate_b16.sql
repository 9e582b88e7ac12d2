-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/aggregate.mdx, sql block 16 (SQL verbatim)
SELECT id, reduce_agg(value, 1, (a, b) -> a * b, (a, b) -> a * b)
    FROM (
        VALUES
            (1, 3),
            (1, 4),
            (1, 5),
            (2, 6),
            (2, 7)
    ) AS t(id, value)
    GROUP BY id
