-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/Functions-and-operators/array.mdx, sql block 8 (SQL verbatim)
SELECT ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 2)
