-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/regexp.mdx (sql block 10), verbatim
SELECT regexp_split('1a 2b 14m', '\s*[a-z]+\s*'); -- [1, 2, 14, ]
