-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/beamable-network/index.ts (template string at line 14; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH calls AS (
      SELECT tx_id, block_slot, block_time
      FROM solana.instruction_calls
      WHERE executing_account = 'WSTKhDg9nQ8h2ZmnmNdR6heSGU6uYJSwdUNpzSYXBSe'
        AND tx_success = true
        AND substr(data, 1, 1) = 0x0b
        AND block_time >= from_unixtime(1764979200)
        AND block_time < from_unixtime(1765065600)
    )
    SELECT
      t.to_owner,
      t.amount
    FROM tokens_solana.transfers t
    JOIN calls c ON t.tx_id = c.tx_id
    WHERE t.block_time >= from_unixtime(1764979200)
      AND t.block_time < from_unixtime(1765065600)
      AND t.token_mint_address = 'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v'
    ORDER BY t.block_slot DESC
