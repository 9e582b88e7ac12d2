-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/aggregate.mdx, sql block 9 (SQL verbatim)
SELECT listagg(value, ',' ON OVERFLOW ERROR) WITHIN GROUP (ORDER
    BY value) csv_value
    FROM (VALUES 'a', 'c', 'b') t(value)
