-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/conversion.mdx (sql block 8), verbatim
SELECT typeof(123); -- integer
    SELECT typeof('cat'); -- varchar(3)
    SELECT typeof(cos(2) + 1.5); -- double
