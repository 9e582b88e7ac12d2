-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/regexp.mdx, sql block 8 (SQL verbatim)
SELECT regexp_position('I have 23 apples, 5 pears and 13 oranges', '\b\d+\b', 5)
