-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/regexp.mdx, sql block 3 (SQL verbatim)
SELECT regexp_extract_all('1a 2b 14m', '(\d+)([a-z]+)', 2)
