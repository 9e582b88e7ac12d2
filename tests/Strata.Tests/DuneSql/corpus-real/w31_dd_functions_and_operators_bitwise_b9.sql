-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/bitwise.mdx, sql block 9 (SQL verbatim)
SELECT bitwise_left_shift(0, 1)
