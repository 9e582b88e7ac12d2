-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/regexp.mdx (sql block 2), verbatim
SELECT regexp_extract_all('1a 2b 14m', '(\d+)([a-z]+)', 2); -- ['a', 'b', 'm']
