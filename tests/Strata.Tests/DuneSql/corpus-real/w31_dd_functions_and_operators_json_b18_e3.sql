-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/json.mdx, sql block 18 example 3 (SQL verbatim)
SELECT json_array(true, 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF16)
--> X5b 00 74 00 72 00 75 00 65 00 2c 00 31 00 5d 00
