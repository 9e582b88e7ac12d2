-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/regexp.mdx, sql block 9 (SQL verbatim)
SELECT regexp_position('I have 23 apples, 5 pears and 13 oranges', '\b\d+\b', 12, 1)
