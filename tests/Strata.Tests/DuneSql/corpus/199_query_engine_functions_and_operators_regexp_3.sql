-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/regexp.mdx (sql block 3), verbatim
SELECT regexp_extract('1a 2b 14m', '\d+'); -- 1
