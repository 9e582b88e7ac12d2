-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 33 (SQL verbatim)
SELECT is_json_scalar('1')
