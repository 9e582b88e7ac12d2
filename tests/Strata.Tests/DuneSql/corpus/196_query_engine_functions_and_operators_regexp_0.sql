-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/regexp.mdx (sql block 0), verbatim
SELECT regexp_count('1a 2b 14m', '\s*[a-z]+\s*'); -- 3
