-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/regexp.mdx, sql block 1 (SQL verbatim)
SELECT regexp_count('1a 2b 14m', '\s*[a-z]+\s*')
