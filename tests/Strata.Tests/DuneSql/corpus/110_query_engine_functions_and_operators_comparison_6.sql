-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/comparison.mdx (sql block 6), verbatim
select NULL IS NULL; -- true
