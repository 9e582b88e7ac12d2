-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/lambda.mdx, sql block 6 (SQL verbatim)
SELECT reduce_agg(value, 0, (a, b) -> a + b, (a, b) -> a + b) sum_values
    FROM (
        VALUES (1), (2), (3), (4), (5)
    ) AS t(value)
