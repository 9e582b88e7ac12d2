-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/bitwise.mdx, sql block 15 (SQL verbatim)
SELECT bitwise_right_shift_arithmetic( 12, 64)
