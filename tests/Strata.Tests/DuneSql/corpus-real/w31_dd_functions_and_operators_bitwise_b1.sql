-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/bitwise.mdx, sql block 1 (SQL verbatim)
SELECT bit_count(9, 64)
