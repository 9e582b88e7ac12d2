-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/_sector/dex/sanctum_router/sanctum_router_trades.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
-- backwards compatible view so we don't break any user queries
select
      blockchain
      , project
      , version
      , block_month
      , block_date
      , block_time
      , block_slot
      , trade_source
      , token_bought_symbol
      , token_sold_symbol
      , token_pair
      , token_bought_amount
      , token_sold_amount
      , token_bought_amount_raw
      , token_sold_amount_raw
      , amount_usd
      , fee_tier
      , fee_usd
      , token_bought_mint_address
      , token_sold_mint_address
      , token_bought_vault
      , token_sold_vault
      , project_program_id
      , project_main_id
      , trader_id
      , tx_id
      , outer_instruction_index
      , inner_instruction_index
      , tx_index
from dex_solana.trades
where project = 'sanctum_router' and version = 1
