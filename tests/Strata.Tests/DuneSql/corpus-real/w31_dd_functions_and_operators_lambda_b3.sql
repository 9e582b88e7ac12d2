-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/lambda.mdx, sql block 3 (SQL verbatim)
SELECT xvalues,
           a,
           b,
           transform(xvalues, x -> a * x + b) as linear_function_values
    FROM (
        VALUES
            (ARRAY[1, 2], 10, 5),
            (ARRAY[3, 4], 4, 2)
    ) AS t(xvalues, a, b)
