-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/bitwise.mdx, sql block 2 (SQL verbatim)
SELECT bitwise_and(19,25)
