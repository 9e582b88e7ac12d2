-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/bitwise.mdx, sql block 14 (SQL verbatim)
SELECT bitwise_right_shift(0, 1)
