-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/array.mdx (sql block 0), verbatim
SELECT my_array[1] AS f_element
