-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, dexs/cube/index.ts (template string at line 75; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH cube_txs AS (
      SELECT DISTINCT tx_id
      FROM solana.instruction_calls
      WHERE executing_account = '8iQtGj9mcUfFUGaiCpPy89swC3s8YTC8FhVZWfgeZhwu'
        AND bytearray_substring(data, 1, 8) = from_hex('f8c69e91e17587c8')
        AND block_time >= from_unixtime(1764979200)
        AND block_time < from_unixtime(1765065600)
        AND tx_success = true
    ),
    swap_event_payloads AS (
      SELECT event_data FROM (
        SELECT
          try(from_base64(split(l.log, ' ')[3])) AS event_data
        FROM solana.transactions t
        CROSS JOIN UNNEST(t.log_messages) AS l(log)
        WHERE t.id IN (SELECT tx_id FROM cube_txs)
          AND t.block_time >= from_unixtime(1764979200)
          AND t.block_time < from_unixtime(1765065600)
          AND l.log LIKE 'Program data: UWzj%'
          AND cardinality(split(l.log, ' ')) = 3
      )
      WHERE event_data IS NOT NULL
    ),
    parsed AS (
      SELECT
        bytearray_substring(event_data, 73, 32)  AS token_in_bytes,
        bytearray_to_bigint(bytearray_reverse(bytearray_substring(event_data, 153, 8))) AS fee_amount,
        bytearray_to_bigint(bytearray_reverse(bytearray_substring(event_data, 161, 8))) AS protocol_fee_amount
      FROM swap_event_payloads
      WHERE LENGTH(event_data) >= 176
        AND bytearray_substring(event_data, 1, 8) = from_hex('516ce3becdd00ac4')
    )
    SELECT
      to_base58(token_in_bytes) AS token_mint_in,
      SUM(fee_amount)          AS total_fee,
      SUM(protocol_fee_amount) AS total_protocol_fee
    FROM parsed
    WHERE fee_amount > 0
    GROUP BY token_in_bytes
