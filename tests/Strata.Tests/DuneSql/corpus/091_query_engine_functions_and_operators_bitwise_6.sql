-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/bitwise.mdx (sql block 6), verbatim
SELECT bitwise_left_shift(5, 2); -- 20
