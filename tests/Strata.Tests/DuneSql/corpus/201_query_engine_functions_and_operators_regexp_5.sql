-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/regexp.mdx (sql block 5), verbatim
SELECT regexp_like('1a 2b 14m', '\d+b'); -- true
