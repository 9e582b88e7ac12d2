-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 41 (SQL verbatim)
SELECT json_format(JSON '[1, 2, 3]')
