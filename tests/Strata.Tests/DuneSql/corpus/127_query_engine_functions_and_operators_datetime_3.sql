-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/datetime.mdx (sql block 3), verbatim
SELECT from_iso8601_timestamp_nanos('2020-05-11T11:15:05');
    -- 2020-05-11 11:15:05.000000000 America/Vancouver

    SELECT from_iso8601_timestamp_nanos('2020-05-11T11:15:05.123456789+01:00');
    -- 2020-05-11 11:15:05.123456789 +01:00
