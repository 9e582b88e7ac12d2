-- Source: github.com/nonstopcoderaxw/dune-sql, dune/dune_sql_for_csv/dashboards/protocol_retention_rate/ethereum.transactions.sql@0933a027e506d635f57d61a943dc5fbb311eeeb2 (verbatim)
SELECT
    distinct date_trunc('month', tx.block_time) as month,
    tx."from" as user
FROM
    ethereum.transactions tx
WHERE
    tx.to = 0x1f9840a85d5af5bf1d1762f925bdaddc4201f984
    AND tx.success
    AND tx.block_time >= now() - interval '3' month