-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 43), verbatim
SELECT json_parse('[1, 2, 3]');   -- JSON '[1,2,3]'
SELECT json_parse('"abc"');       -- JSON '"abc"'
