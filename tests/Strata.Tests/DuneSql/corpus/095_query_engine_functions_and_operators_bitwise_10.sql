-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/bitwise.mdx (sql block 10), verbatim
SELECT bitwise_right_shift(9, 1); -- 4
