-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/bitwise.mdx (sql block 9), verbatim
SELECT bitwise_right_shift(8, 3); -- 1
