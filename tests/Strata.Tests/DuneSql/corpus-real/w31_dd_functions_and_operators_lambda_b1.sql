-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/lambda.mdx, sql block 1 (SQL verbatim)
SELECT numbers,
           transform(numbers, n -> n * n) as squared_numbers
    FROM (
        VALUES
            (ARRAY[1, 2]),
            (ARRAY[3, 4]),
            (ARRAY[5, 6, 7])
    ) AS t(numbers)
