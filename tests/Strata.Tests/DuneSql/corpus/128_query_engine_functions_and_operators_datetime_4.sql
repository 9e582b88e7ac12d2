-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/datetime.mdx (sql block 4), verbatim
SELECT from_iso8601_date('2020-05-11');
    -- 2020-05-11

    SELECT from_iso8601_date('2020-W10');
    -- 2020-03-02

    SELECT from_iso8601_date('2020-123');
    -- 2020-05-02
