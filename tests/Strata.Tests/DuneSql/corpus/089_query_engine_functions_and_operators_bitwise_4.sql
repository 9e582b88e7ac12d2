-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/bitwise.mdx (sql block 4), verbatim
SELECT bitwise_xor(19,25); -- 10
