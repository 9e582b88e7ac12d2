-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/json.mdx (sql block 13), verbatim
SELECT json_array(
                  DATE 2001-01-31,
                  UUID 12151fd2-7586-11e9-8f9e-2a86e4085a59
                 )
--> ["2001-01-31","12151fd2-7586-11e9-8f9e-2a86e4085a59"]
