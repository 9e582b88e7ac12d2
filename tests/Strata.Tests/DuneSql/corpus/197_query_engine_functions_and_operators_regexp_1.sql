-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/regexp.mdx (sql block 1), verbatim
SELECT regexp_extract_all('1a 2b 14m', '\d+'); -- [1, 2, 14]
