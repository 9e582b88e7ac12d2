-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/datetime.mdx (sql block 1), verbatim
SELECT current_timestamp(6);
    -- 2020-06-24 08:25:31.759993 America/Los_Angeles
