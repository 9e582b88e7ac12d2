-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/bitwise.mdx (sql block 3), verbatim
SELECT bitwise_or(19,25); -- 27
