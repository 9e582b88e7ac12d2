-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/lambda.mdx, sql block 2 (SQL verbatim)
SELECT transform(prices, n -> TRY_CAST(n AS VARCHAR) || '$') as price_tags
    FROM (
        VALUES
            (ARRAY[100, 200]),
            (ARRAY[30, 4])
    ) AS t(prices)
