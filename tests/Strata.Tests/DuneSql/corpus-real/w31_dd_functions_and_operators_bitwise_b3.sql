-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/bitwise.mdx, sql block 3 (SQL verbatim)
SELECT bitwise_not(-12)
