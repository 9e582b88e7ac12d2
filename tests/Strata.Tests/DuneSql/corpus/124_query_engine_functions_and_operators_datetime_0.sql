-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/datetime.mdx (sql block 0), verbatim
SELECT timestamp '2012-10-31 01:00 UTC';
    -- 2012-10-31 01:00:00.000 UTC

    SELECT timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles';
    -- 2012-10-30 18:00:00.000 America/Los_Angeles
