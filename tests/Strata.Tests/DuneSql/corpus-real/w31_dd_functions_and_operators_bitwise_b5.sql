-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/bitwise.mdx, sql block 5 (SQL verbatim)
SELECT bitwise_xor(19,25)
