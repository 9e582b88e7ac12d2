-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 40 (SQL verbatim)
SELECT json_extract_scalar('[1, 2, 3]', '$[2]')
