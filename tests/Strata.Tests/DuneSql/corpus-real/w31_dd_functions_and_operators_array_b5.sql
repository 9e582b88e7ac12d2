-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/array.mdx, sql block 5 (SQL verbatim)
SELECT array_sort(ARRAY[3, 2, 5, 1, 2],
                  (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))
