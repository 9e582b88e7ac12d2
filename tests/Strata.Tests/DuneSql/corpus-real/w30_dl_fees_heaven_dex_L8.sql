-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/heaven-dex/index.ts (template string at line 8; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
SELECT 
      SUM(amount_display) as total_amount
    FROM tokens_solana.transfers
    WHERE 
      block_time >= from_unixtime(1764979200)
      AND block_time <= from_unixtime(1765065600)
      AND to_token_account = '5xUKs45EtfwJAeGAwyvS8WbMebMPY7o334Fi9LxmtyYq'
      AND token_mint_address = 'So11111111111111111111111111111111111111112'
