-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/bitwise.mdx (sql block 14), verbatim
SELECT bitwise_right_shift_arithmetic( 12, 64); -- 0
SELECT bitwise_right_shift_arithmetic(-45, 64); -- -1
