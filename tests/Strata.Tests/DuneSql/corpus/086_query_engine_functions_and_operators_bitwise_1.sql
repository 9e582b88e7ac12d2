-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/bitwise.mdx (sql block 1), verbatim
SELECT bitwise_and(19,25); -- 17
