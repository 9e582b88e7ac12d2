-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/aggregate.mdx (sql block 10), verbatim
SELECT listagg(value, ',' ON OVERFLOW SKIP) WITHIN GROUP (ORDER
    BY value) csv_value
