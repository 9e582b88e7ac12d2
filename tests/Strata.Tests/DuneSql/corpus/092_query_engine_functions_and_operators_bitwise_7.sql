-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/bitwise.mdx (sql block 7), verbatim
SELECT bitwise_left_shift(20, 0); -- 20
SELECT bitwise_left_shift(42, 0); -- 42
