-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/string.mdx, sql block 2 (SQL verbatim)
SELECT translate('abcd', '', '')
