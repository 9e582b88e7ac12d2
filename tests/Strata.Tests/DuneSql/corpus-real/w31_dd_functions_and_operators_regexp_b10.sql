-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/regexp.mdx, sql block 10 (SQL verbatim)
SELECT regexp_replace('1a 2b 14m', '(\d+)([ab]) ', '3c$2 ')
