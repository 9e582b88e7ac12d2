-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/lambda.mdx, sql block 4 (SQL verbatim)
SELECT numbers
    FROM (
        VALUES
            (ARRAY[1,NULL,3]),
            (ARRAY[10,20,30]),
            (ARRAY[100,200,300])
    ) AS t(numbers)
    WHERE any_match(numbers, n ->  COALESCE(n, 0) > 100)
