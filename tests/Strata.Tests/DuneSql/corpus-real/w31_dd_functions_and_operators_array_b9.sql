-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/array.mdx, sql block 9 (SQL verbatim)
SELECT reduce(ARRAY[], 0,
              (s, x) -> s + x,
              s -> s)
