-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/_sector/dex/bot_trades/solana/platforms/banana_gun_solana_bot_trades.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
WITH
  allFeePayments AS (
    SELECT
      tx_id,
      'SOL' AS feeTokenType,
      balance_change / 1e9 AS fee_token_amount,
      'So11111111111111111111111111111111111111112' AS fee_token_mint_address
    FROM
      solana.account_activity
    WHERE
      
      block_time >= TIMESTAMP '2024-01-08'
      
      AND tx_success
      AND balance_change > 0
      AND (
        address = '8r2hZoDfk5hDWJ1sDujAi2Qr45ZyZw5EQxAXiMZWLKh2'
        OR address = 'Cj297UauzMX64FU9dKJZRUBWszJ7tEWpVheasq4CfATV'
        OR address = 'HKMh8nV3ysSofRi23LsfVGLGQKB415QAEfZT96kCcVj4'
        OR address = '7tQiiBdKoScWQkB1RmVuML7DBGnR31cuKPEtMM7Vy5SA'
        OR address = '4BBNEVRgrxVKv9f7pMNE788XM1tt379X9vNjpDH2KCL7'
        OR address = '47hEzz83VFR23rLTEeVm9A7eFzjJwjvdupPPmX3cePqF'
        OR address = 'EMbqD9Y9jLXEa3RbCR8AsEW1kVa3EiJgDLVgvKh4qNFP'
        OR address = 'Lk693UiTzQC4vobasRS1QGcYA9D6RGYLjHp1bWreQtM'
      )
      AND address_prefix IN ('8r', 'Cj', 'HK', '7t', '4B', '47', 'EM', 'Lk')
      AND tx_id != 'AT915GhHaLdGsdFkywx2uE6jqSXeyTauveYH2BQqWMyptGhUtjE6dcdr74ErELg79VY9apZ9Egiyc1VtA6Ddykb' -- Edge case that sent fees to multiple fee wallets
  ),
  botTrades AS (
    SELECT
      trades.block_time,
      CAST(date_trunc('day', trades.block_time) AS date) AS block_date,
      CAST(date_trunc('month', trades.block_time) AS date) AS block_month,
      'solana' AS blockchain,
      amount_usd,
      IF(
        token_sold_mint_address = 'So11111111111111111111111111111111111111112',
        'Buy',
        'Sell'
      ) AS type,
      token_bought_amount,
      token_bought_symbol,
      token_bought_mint_address AS token_bought_address,
      token_sold_amount,
      token_sold_symbol,
      token_sold_mint_address AS token_sold_address,
      fee_token_amount * price AS fee_usd,
      fee_token_amount,
      IF(feeTokenType = 'SOL', 'SOL', symbol) AS fee_token_symbol,
      fee_token_mint_address AS fee_token_address,
      project,
      trades.version,
      token_pair,
      project_program_id AS project_contract_address,
      trader_id AS user,
      trades.tx_id,
      tx_index,
      outer_instruction_index,
      inner_instruction_index
    FROM
      dex_solana.trades AS trades
      JOIN allFeePayments AS feePayments ON trades.tx_id = feePayments.tx_id
      LEFT JOIN prices.usd AS feeTokenPrices ON (
        feeTokenPrices.blockchain = 'solana'
        AND fee_token_mint_address = toBase58 (feeTokenPrices.contract_address)
        AND date_trunc('minute', block_time) = minute
        
        AND minute >= TIMESTAMP '2024-01-08'
        
      )
      JOIN solana.transactions AS transactions ON (
        trades.tx_id = id
        
        AND transactions.block_time >= TIMESTAMP '2024-01-08'
        
      )
    WHERE
      trades.trader_id != '8r2hZoDfk5hDWJ1sDujAi2Qr45ZyZw5EQxAXiMZWLKh2' -- Exclude trades signed by FeeWallet
      AND trades.trader_id != 'Cj297UauzMX64FU9dKJZRUBWszJ7tEWpVheasq4CfATV' -- Exclude trades signed by FeeWallet
      AND trades.trader_id != 'HKMh8nV3ysSofRi23LsfVGLGQKB415QAEfZT96kCcVj4' -- Exclude trades signed by FeeWallet
      AND trades.trader_id != '7tQiiBdKoScWQkB1RmVuML7DBGnR31cuKPEtMM7Vy5SA' -- Exclude trades signed by FeeWallet
      AND trades.trader_id != '4BBNEVRgrxVKv9f7pMNE788XM1tt379X9vNjpDH2KCL7' -- Exclude trades signed by FeeWallet
      AND trades.trader_id != '47hEzz83VFR23rLTEeVm9A7eFzjJwjvdupPPmX3cePqF' -- Exclude trades signed by FeeWallet
      AND trades.trader_id != 'EMbqD9Y9jLXEa3RbCR8AsEW1kVa3EiJgDLVgvKh4qNFP' -- Exclude trades signed by FeeWallet
      AND trades.trader_id != 'Lk693UiTzQC4vobasRS1QGcYA9D6RGYLjHp1bWreQtM' -- Exclude trades signed by FeeWallet
      AND transactions.signer != '8r2hZoDfk5hDWJ1sDujAi2Qr45ZyZw5EQxAXiMZWLKh2' -- Exclude trades signed by FeeWallet
      AND transactions.signer != 'Cj297UauzMX64FU9dKJZRUBWszJ7tEWpVheasq4CfATV' -- Exclude trades signed by FeeWallet
      AND transactions.signer != 'HKMh8nV3ysSofRi23LsfVGLGQKB415QAEfZT96kCcVj4' -- Exclude trades signed by FeeWallet
      AND transactions.signer != '7tQiiBdKoScWQkB1RmVuML7DBGnR31cuKPEtMM7Vy5SA' -- Exclude trades signed by FeeWallet
      AND transactions.signer != '4BBNEVRgrxVKv9f7pMNE788XM1tt379X9vNjpDH2KCL7' -- Exclude trades signed by FeeWallet
      AND transactions.signer != '47hEzz83VFR23rLTEeVm9A7eFzjJwjvdupPPmX3cePqF' -- Exclude trades signed by FeeWallet
      AND transactions.signer != 'EMbqD9Y9jLXEa3RbCR8AsEW1kVa3EiJgDLVgvKh4qNFP' -- Exclude trades signed by FeeWallet
      AND transactions.signer != 'Lk693UiTzQC4vobasRS1QGcYA9D6RGYLjHp1bWreQtM' -- Exclude trades signed by FeeWallet
      
      AND trades.block_time >= TIMESTAMP '2024-01-08'
      
  )
SELECT
  block_time,
  block_date,
  block_month,
  'Banana Gun' as bot,
  blockchain,
  amount_usd,
  type,
  token_bought_amount,
  token_bought_symbol,
  token_bought_address,
  token_sold_amount,
  token_sold_symbol,
  token_sold_address,
  fee_usd,
  fee_token_amount,
  fee_token_symbol,
  fee_token_address,
  project,
  version,
  token_pair,
  project_contract_address,
  user,
  botTrades.tx_id,
  tx_index,
  botTrades.outer_instruction_index,
  COALESCE(inner_instruction_index, 0) AS inner_instruction_index,
  IF(
    inner_instruction_index = MAX(inner_instruction_index) OVER (PARTITION BY tx_id, outer_instruction_index),
    true,
    false
  ) AS is_last_trade_in_transaction
FROM
  botTrades
ORDER BY
  block_time DESC,
  tx_index DESC,
  outer_instruction_index DESC,
  inner_instruction_index DESC
