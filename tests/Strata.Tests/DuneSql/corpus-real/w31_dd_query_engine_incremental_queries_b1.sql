-- Source: github.com/duneanalytics/dune-docs @1502a52, query-engine/incremental-queries.mdx, sql block 1 (SQL verbatim)
SELECT * FROM TABLE(previous.query.result(
    schema => DESCRIPTOR(
        day TIMESTAMP(3),
        tx_count BIGINT,
        total_gas BIGINT
    )
))
