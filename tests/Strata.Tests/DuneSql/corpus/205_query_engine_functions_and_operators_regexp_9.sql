-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/regexp.mdx (sql block 9), verbatim
SELECT regexp_replace('1a 2b 14m', '(\d+)([ab]) ', '3c$2 '); -- '3ca 3cb 14m'
