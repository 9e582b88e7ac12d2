-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/bitwise.mdx (sql block 5), verbatim
SELECT bitwise_left_shift(1, 2); -- 4
