-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/logical.mdx (sql block 0), verbatim
SELECT CAST(null AS boolean) AND true; -- null

    SELECT CAST(null AS boolean) AND false; -- false

    SELECT CAST(null AS boolean) AND CAST(null AS boolean); -- null
