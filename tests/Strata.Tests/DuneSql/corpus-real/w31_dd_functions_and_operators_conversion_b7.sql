-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/conversion.mdx, sql block 7 (SQL verbatim)
SELECT * FROM (
    (VALUES TINYINT '0') 
    UNION 
    (VALUES INT256 '1') 
    UNION 
    (VALUES DOUBLE '2'))
