-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/logical.mdx (sql block 2), verbatim
SELECT NOT CAST(null AS boolean); -- null
