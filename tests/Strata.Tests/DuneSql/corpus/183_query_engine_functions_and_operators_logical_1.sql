-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/logical.mdx (sql block 1), verbatim
SELECT CAST(null AS boolean) OR CAST(null AS boolean); -- null

    SELECT CAST(null AS boolean) OR false; -- null

    SELECT CAST(null AS boolean) OR true; -- true
