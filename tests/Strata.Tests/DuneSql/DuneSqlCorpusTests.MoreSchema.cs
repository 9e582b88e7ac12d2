namespace Strata.Tests.DuneSql;

public sealed partial class DuneSqlCorpusTests
{
    /// <summary>Dune's column sets (as DuckDB types) of the further spellbook tables the real corpus reads
    /// (dashboards' query repositories beyond the demo's tables); Gnosis Chain's raw tables have Ethereum's columns
    /// (its decoded transfers also Dune's evt_block_date); so have the demo's other chains, and
    /// the cross-chain evms tables add a blockchain column.</summary>
    internal static readonly string MoreSchema = """
        CREATE SCHEMA cex;
        CREATE TABLE cex.addresses (blockchain VARCHAR, address BLOB, cex_name VARCHAR, distinct_name VARCHAR, added_by VARCHAR,
          added_date DATE);
        CREATE SCHEMA gnosis; CREATE SCHEMA erc20_gnosis;
        CREATE TABLE gnosis.transactions AS SELECT * FROM ethereum.transactions LIMIT 0;
        CREATE TABLE gnosis.blocks AS SELECT * FROM ethereum.blocks LIMIT 0;
        CREATE TABLE gnosis.logs AS SELECT * FROM ethereum.logs LIMIT 0;
        CREATE TABLE gnosis.traces AS SELECT * FROM ethereum.traces LIMIT 0;
        CREATE TABLE erc20_gnosis.evt_Transfer AS SELECT * FROM erc20_ethereum.evt_Transfer LIMIT 0;
        CREATE SCHEMA erc721_ethereum;
        CREATE TABLE erc721_ethereum.evt_Transfer (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB, evt_tx_index BIGINT,
          evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, "from" BLOB, "to" BLOB, tokenId BIGNUM);
        CREATE SCHEMA erc1155_ethereum;
        CREATE TABLE erc1155_ethereum.evt_TransferSingle (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, operator BLOB,
          "from" BLOB, "to" BLOB, id BIGNUM, value BIGNUM);
        CREATE TABLE erc1155_ethereum.evt_TransferBatch (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, operator BLOB,
          "from" BLOB, "to" BLOB, ids BIGNUM[], "values" BIGNUM[]);
        CREATE SCHEMA nft;
        CREATE TABLE nft.transfers (blockchain VARCHAR, block_time TIMESTAMPTZ, block_month DATE, block_date DATE, block_number BIGINT,
          token_standard VARCHAR, transfer_type VARCHAR, evt_index BIGINT, contract_address BLOB, token_id BIGNUM, amount BIGNUM, "from" BLOB,
          "to" BLOB, executed_by BLOB, tx_hash BLOB, unique_transfer_id VARCHAR);
        CREATE TABLE tokens.nft (blockchain VARCHAR, contract_address BLOB, name VARCHAR, symbol VARCHAR, standard VARCHAR);
        CREATE TABLE nft.trades (blockchain VARCHAR, project VARCHAR, version VARCHAR, block_date DATE, block_month DATE, block_time TIMESTAMPTZ,
          token_id BIGNUM, collection VARCHAR, amount_usd DOUBLE, token_standard VARCHAR, trade_type VARCHAR, number_of_items BIGNUM,
          trade_category VARCHAR, evt_type VARCHAR, seller BLOB, buyer BLOB, amount_original DOUBLE, amount_raw BIGNUM, currency_symbol VARCHAR,
          currency_contract BLOB, nft_contract_address BLOB, project_contract_address BLOB, aggregator_name VARCHAR, aggregator_address BLOB,
          tx_hash BLOB, block_number BIGINT, tx_from BLOB, tx_to BLOB, platform_fee_amount_raw BIGNUM, platform_fee_amount DOUBLE,
          platform_fee_amount_usd DOUBLE, platform_fee_percentage DOUBLE, royalty_fee_receive_address BLOB, royalty_fee_currency_symbol VARCHAR,
          royalty_fee_amount_raw BIGNUM, royalty_fee_amount DOUBLE, royalty_fee_amount_usd DOUBLE, royalty_fee_percentage DOUBLE,
          unique_trade_id VARCHAR);
        CREATE TABLE dex.prices (block_month DATE, hour TIMESTAMP, contract_address BLOB, blockchain VARCHAR, median_price DOUBLE, sample_size INTEGER);
        CREATE SCHEMA uniswap_v2_ethereum; CREATE SCHEMA uniswap_v3_ethereum; CREATE SCHEMA tokens_ethereum;
        CREATE TABLE uniswap_v2_ethereum.Pair_evt_Swap (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, sender BLOB,
          amount0In BIGNUM, amount1In BIGNUM, amount0Out BIGNUM, amount1Out BIGNUM, "to" BLOB);
        CREATE TABLE uniswap_v3_ethereum.Pair_evt_Swap (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, sender BLOB,
          recipient BLOB, amount0 BIGNUM, amount1 BIGNUM, sqrtPriceX96 BIGNUM, liquidity BIGNUM, tick INTEGER);
        CREATE TABLE uniswap_v3_ethereum.Factory_evt_PoolCreated (contract_address BLOB, evt_tx_hash BLOB, evt_index BIGINT,
          evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, token0 BLOB, token1 BLOB, fee INTEGER, tickSpacing INTEGER, pool BLOB);
        CREATE TABLE tokens_ethereum.balances_daily (blockchain VARCHAR, day DATE, address BLOB, token_symbol VARCHAR, token_address BLOB,
          token_standard VARCHAR, token_id BIGNUM, balance_raw BIGNUM, balance DOUBLE, balance_usd DOUBLE, last_updated DATE);
        CREATE VIEW labels."all" AS SELECT * FROM labels.addresses;
        CREATE SCHEMA balancer;
        CREATE TABLE balancer.trades (blockchain VARCHAR, project VARCHAR, version VARCHAR, block_date DATE, block_number BIGINT, block_month DATE,
          block_time TIMESTAMPTZ, token_bought_symbol VARCHAR, token_sold_symbol VARCHAR, token_pair VARCHAR, token_bought_amount DOUBLE,
          token_sold_amount DOUBLE, token_bought_amount_raw BIGNUM, token_sold_amount_raw BIGNUM, amount_usd DOUBLE, token_bought_address BLOB,
          token_sold_address BLOB, taker BLOB, maker BLOB, project_contract_address BLOB, pool_id BLOB, swap_fee DOUBLE, pool_symbol VARCHAR,
          pool_type VARCHAR, tx_hash BLOB, tx_from BLOB, tx_to BLOB, evt_index BIGINT);
        CREATE TABLE balancer.liquidity (day TIMESTAMPTZ, pool_id BLOB, pool_address BLOB, pool_symbol VARCHAR, version VARCHAR, blockchain VARCHAR,
          pool_type VARCHAR, token_address BLOB, token_symbol VARCHAR, token_balance_raw BIGNUM, token_balance DOUBLE, protocol_liquidity_usd DOUBLE,
          protocol_liquidity_eth DOUBLE, pool_liquidity_usd DOUBLE, pool_liquidity_eth DOUBLE);
        CREATE TABLE balancer.protocol_fee (day TIMESTAMPTZ, pool_id BLOB, pool_address BLOB, pool_symbol VARCHAR, version VARCHAR, blockchain VARCHAR,
          pool_type VARCHAR, fee_type VARCHAR, token_address BLOB, token_symbol VARCHAR, token_amount_raw BIGNUM, token_amount DOUBLE,
          protocol_fee_collected_usd DOUBLE, treasury_share DECIMAL(4,3), treasury_fee_usd DOUBLE, lp_fee_collected_usd DOUBLE);
        CREATE TABLE balancer.pools_fees (blockchain VARCHAR, version VARCHAR, contract_address BLOB, tx_hash BLOB, index BIGINT, tx_index BIGINT,
          block_time TIMESTAMPTZ, block_number BIGINT, swap_fee_percentage DOUBLE);
        CREATE SCHEMA balancer_v2_ethereum; CREATE SCHEMA balancer_v2_arbitrum; CREATE SCHEMA balancer_v2_optimism; CREATE SCHEMA balancer_v2_polygon;
        CREATE TABLE balancer.bpt_supply (day TIMESTAMPTZ, blockchain VARCHAR, token_address BLOB, supply DOUBLE);
        CREATE TABLE labels.balancer_v2_pools_ethereum (blockchain VARCHAR, address BLOB, name VARCHAR, pool_type VARCHAR, category VARCHAR,
          contributor VARCHAR, source VARCHAR, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ, model_name VARCHAR, label_type VARCHAR);
        CREATE TABLE balancer_v2_ethereum."Vault_evt_FlashLoan" (contract_address BLOB, evt_tx_hash BLOB, evt_index BIGINT,
          evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, amount BIGNUM, "feeAmount" BIGNUM, recipient BLOB, token BLOB);
        CREATE TABLE balancer_v2_ethereum."Vault_evt_PoolBalanceChanged" (contract_address BLOB, evt_tx_hash BLOB, evt_index BIGINT,
          evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, deltas BIGNUM[], "liquidityProvider" BLOB, "poolId" BLOB,
          "protocolFeeAmounts" BIGNUM[], tokens BLOB[]);
        CREATE TABLE balancer_v2_ethereum."Vault_evt_PoolRegistered" (contract_address BLOB, evt_tx_hash BLOB, evt_index BIGINT,
          evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, "poolAddress" BLOB, "poolId" BLOB, specialization INTEGER);
        -- Tables of teams' uploads and materialized results, read as dune.<team>.<table> (the columns the corpus names).
        CREATE TABLE balancer.result_b_cow_amm_base_table (time TIMESTAMPTZ, blockchain VARCHAR, cow_amm_address BLOB, istrade BOOLEAN,
          token_1_transfer_usd DOUBLE, token_1_balance_usd DOUBLE, token_2_transfer_usd DOUBLE, token_2_balance_usd DOUBLE, protocol_fee_usd DOUBLE);
        CREATE TABLE balancer.dataset_mode_snapshots (day VARCHAR, pool_symbol VARCHAR, protocol_fee_collected_usd DOUBLE);
        CREATE TABLE balancer_v2_arbitrum.trades AS SELECT * FROM balancer.trades LIMIT 0;
        CREATE TABLE balancer_v2_ethereum.pools_fees AS SELECT blockchain, version, contract_address, tx_hash, tx_index, index, block_time, block_number,
          swap_fee_percentage FROM balancer.pools_fees LIMIT 0;
        CREATE TABLE balancer_v2_arbitrum.pools_fees AS SELECT * FROM balancer_v2_ethereum.pools_fees LIMIT 0;
        CREATE SCHEMA balancer_v3_ethereum; CREATE SCHEMA balancer_v3_gnosis; CREATE SCHEMA balancer_v3_multichain;
        CREATE TABLE balancer_v3_ethereum."Vault_evt_PoolRegistered" (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, pool BLOB, factory BLOB,
          "tokenConfig" VARCHAR[], "swapFeePercentage" BIGNUM, "pauseWindowEndTime" BIGINT, "roleAccounts" VARCHAR, "hooksConfig" VARCHAR,
          "liquidityManagement" VARCHAR);
        CREATE TABLE balancer_v3_gnosis."Vault_evt_PoolRegistered" AS SELECT * FROM balancer_v3_ethereum."Vault_evt_PoolRegistered" LIMIT 0;
        CREATE TABLE balancer_v3_multichain.vault_evt_poolregistered AS SELECT 'ethereum' AS chain, * FROM balancer_v3_ethereum."Vault_evt_PoolRegistered" LIMIT 0;
        CREATE TABLE balancer_v3_ethereum."Vault_evt_Wrap" (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, "wrappedToken" BLOB,
          "depositedUnderlying" BIGNUM, "mintedShares" BIGNUM, "bufferBalances" BLOB);
        CREATE TABLE balancer_v3_ethereum."Vault_evt_Unwrap" (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, "wrappedToken" BLOB,
          "burnedShares" BIGNUM, "withdrawnUnderlying" BIGNUM, "bufferBalances" BLOB);
        CREATE TABLE balancer_v3_gnosis."Vault_evt_Wrap" AS SELECT * FROM balancer_v3_ethereum."Vault_evt_Wrap" LIMIT 0;
        CREATE TABLE balancer_v3_gnosis."Vault_evt_Unwrap" AS SELECT * FROM balancer_v3_ethereum."Vault_evt_Unwrap" LIMIT 0;
        CREATE TABLE balancer_v3_ethereum."Vault_evt_Swap" (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, pool BLOB, "tokenIn" BLOB,
          "tokenOut" BLOB, "amountIn" BIGNUM, "amountOut" BIGNUM, "swapFeePercentage" BIGNUM, "swapFeeAmount" BIGNUM);
        CREATE TABLE balancer_v3_multichain.vault_evt_swap AS SELECT 'ethereum' AS chain, * FROM balancer_v3_ethereum."Vault_evt_Swap" LIMIT 0;
        CREATE TABLE balancer_v3_ethereum."Vault_evt_LiquidityAdded" (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, pool BLOB,
          "liquidityProvider" BLOB, kind INTEGER, "totalSupply" BIGNUM, "amountsAddedRaw" BIGNUM[], "swapFeeAmountsRaw" BIGNUM[]);
        CREATE TABLE balancer_v3_ethereum."Vault_evt_LiquidityRemoved" (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, pool BLOB,
          "liquidityProvider" BLOB, kind INTEGER, "totalSupply" BIGNUM, "amountsRemovedRaw" BIGNUM[], "swapFeeAmountsRaw" BIGNUM[]);
        CREATE TABLE balancer_v3_ethereum."ReClammPool_evt_VirtualBalancesUpdated" (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB,
          evt_tx_to BLOB, evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE,
          "virtualBalanceA" BIGNUM, "virtualBalanceB" BIGNUM);
        CREATE TABLE balancer_v3_multichain.reclammpool_evt_virtualbalancesupdated AS
          SELECT 'ethereum' AS chain, * FROM balancer_v3_ethereum."ReClammPool_evt_VirtualBalancesUpdated" LIMIT 0;
        CREATE TABLE balancer_v3_multichain.reclammpool_evt_centerednessmarginupdated (chain VARCHAR, contract_address BLOB, evt_tx_hash BLOB,
          evt_tx_from BLOB, evt_tx_to BLOB, evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT,
          evt_block_date DATE, "centerednessMargin" BIGNUM);
        CREATE TABLE balancer_v3_multichain.reclammpool_call_onswap (chain VARCHAR, contract_address BLOB, call_success BOOLEAN, call_tx_hash BLOB,
          call_tx_from BLOB, call_tx_to BLOB, call_tx_index BIGINT, call_trace_address BIGINT[], call_block_time TIMESTAMPTZ,
          call_block_number BIGINT, call_block_date DATE, request VARCHAR, "output_amountCalculatedScaled18" BIGNUM);
        CREATE SCHEMA balancer_v3;
        CREATE TABLE balancer_v3.erc4626_token_mapping (blockchain VARCHAR, erc4626_token BLOB, erc4626_token_name VARCHAR, erc4626_token_symbol VARCHAR,
          underlying_token BLOB, underlying_token_symbol VARCHAR, decimals INTEGER);
        CREATE TABLE labels.balancer_v3_pools (blockchain VARCHAR, address BLOB, name VARCHAR, pool_type VARCHAR, category VARCHAR, contributor VARCHAR,
          source VARCHAR, created_at TIMESTAMP, updated_at TIMESTAMP, model_name VARCHAR, label_type VARCHAR);
        CREATE TABLE balancer_v2_optimism.pools_fees AS SELECT * FROM balancer_v2_ethereum.pools_fees LIMIT 0;
        CREATE TABLE balancer_v2_polygon.pools_fees AS SELECT * FROM balancer_v2_ethereum.pools_fees LIMIT 0;
        CREATE SCHEMA balancer_ethereum;
        CREATE TABLE balancer_ethereum.vebal_votes (round_id BIGINT, start_date TIMESTAMP, end_date TIMESTAMP, gauge BLOB, provider BLOB, vote DOUBLE);
        CREATE TABLE balancer_ethereum.vebal_balances_day (day TIMESTAMP, wallet_address BLOB, bpt_balance DOUBLE, vebal_balance DOUBLE, lock_time BIGNUM);
        CREATE SCHEMA aura_finance_ethereum;
        CREATE TABLE aura_finance_ethereum."AuraLocker_evt_Staked" (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, _user BLOB,
          "_paidAmount" BIGNUM, "_lockedAmount" BIGNUM);
        CREATE TABLE aura_finance_ethereum."AuraLocker_evt_Withdrawn" (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, _user BLOB, _amount BIGNUM,
          _relocked BOOLEAN);
        CREATE SCHEMA gas_base;
        CREATE TABLE gas_base.fees (blockchain VARCHAR, block_month DATE, block_date DATE, block_time TIMESTAMPTZ, block_number BIGINT, tx_hash BLOB,
          tx_index BIGINT, tx_from BLOB, tx_to BLOB, gas_price BIGNUM, gas_used BIGINT, currency_symbol VARCHAR, tx_fee_raw BIGNUM, tx_fee DOUBLE,
          tx_fee_usd DOUBLE, tx_fee_breakdown_raw MAP(VARCHAR, BIGNUM), tx_fee_breakdown MAP(VARCHAR, DOUBLE), tx_fee_breakdown_usd MAP(VARCHAR, DOUBLE),
          tx_fee_currency BLOB, block_proposer BLOB, gas_limit BIGINT, gas_limit_usage DOUBLE);
        -- spellbook's gas_fees.sql: the chains' models unioned, its own column order
        CREATE SCHEMA gas;
        CREATE TABLE gas.fees AS SELECT blockchain, block_month, block_date, block_time, block_number, tx_hash, tx_index, tx_from, tx_to, gas_price,
          gas_used, currency_symbol, tx_fee, tx_fee_usd, tx_fee_raw, tx_fee_breakdown, tx_fee_breakdown_usd, tx_fee_breakdown_raw, tx_fee_currency,
          block_proposer, gas_limit, gas_limit_usage FROM gas_base.fees LIMIT 0;
        CREATE SCHEMA evms;
        CREATE TABLE evms.erc20_transfers AS SELECT CAST(NULL AS VARCHAR) AS blockchain, * FROM erc20_gnosis.evt_Transfer LIMIT 0;
        CREATE TABLE evms.logs AS SELECT CAST(NULL AS VARCHAR) AS blockchain, * FROM ethereum.logs LIMIT 0;
        CREATE TABLE evms.transactions AS SELECT CAST(NULL AS VARCHAR) AS blockchain,
          * REPLACE (CAST(gas_price AS DOUBLE) AS gas_price, CAST(value AS DOUBLE) AS value) FROM ethereum.transactions LIMIT 0;
        CREATE SCHEMA solana; CREATE SCHEMA tokens_solana; CREATE SCHEMA dex_solana;
        CREATE TABLE solana.transactions ("block_slot" BIGINT, "block_date" DATE, "block_time" TIMESTAMPTZ, "index" INTEGER, "fee" BIGINT, "block_hash" VARCHAR, "error" STRUCT("instruction_index" INTEGER, "message" VARCHAR), "required_signatures" INTEGER, "readonly_signed_accounts" INTEGER, "readonly_unsigned_accounts" INTEGER, "id" VARCHAR, "success" BOOLEAN, "recent_block_hash" VARCHAR, "instructions" STRUCT("account_arguments" VARCHAR[], "data" BLOB, "executing_account" VARCHAR, "inner_instructions" STRUCT("account_arguments" VARCHAR[], "data" BLOB, "executing_account" VARCHAR)[])[], "account_keys" VARCHAR[], "log_messages" VARCHAR[], "pre_balances" BIGINT[], "post_balances" BIGINT[], "pre_token_balances" STRUCT("account" VARCHAR, "mint" VARCHAR, "owner" VARCHAR, "amount" DOUBLE)[], "post_token_balances" STRUCT("account" VARCHAR, "mint" VARCHAR, "owner" VARCHAR, "amount" DOUBLE)[], "signatures" VARCHAR[], "signer" VARCHAR, "signers" VARCHAR[]);
        CREATE TABLE tokens_solana.fungible ("token_mint_address" VARCHAR, "decimals" INTEGER, "name" VARCHAR, "symbol" VARCHAR, "token_uri" VARCHAR, "created_at" TIMESTAMPTZ, "metadata_program" VARCHAR, "token_version" VARCHAR, "init_tx" VARCHAR);
        CREATE TABLE tokens_solana.transfers ("block_month" DATE, "block_date" DATE, "block_hour" TIMESTAMPTZ, "block_time" TIMESTAMPTZ, "block_slot" BIGINT, "action" VARCHAR, "amount" BIGNUM, "fee" DOUBLE, "amount_display" DOUBLE, "amount_usd" DOUBLE, "price_usd" DOUBLE, "token_mint_address" VARCHAR, "symbol" VARCHAR, "from_owner" VARCHAR, "to_owner" VARCHAR, "from_token_account" VARCHAR, "to_token_account" VARCHAR, "token_version" VARCHAR, "tx_signer" VARCHAR, "tx_id" VARCHAR, "tx_index" INTEGER, "outer_instruction_index" INTEGER, "inner_instruction_index" INTEGER, "outer_executing_account" VARCHAR);
        CREATE TABLE dex_solana.trades ("blockchain" VARCHAR, "project" VARCHAR, "version" INTEGER, "version_name" VARCHAR, "block_month" DATE, "block_date" DATE, "block_time" TIMESTAMPTZ, "block_slot" BIGINT, "trade_source" VARCHAR, "token_bought_symbol" VARCHAR, "token_sold_symbol" VARCHAR, "token_pair" VARCHAR, "token_bought_amount" DOUBLE, "token_sold_amount" DOUBLE, "token_bought_amount_raw" BIGNUM, "token_sold_amount_raw" BIGNUM, "amount_usd" DOUBLE, "fee_tier" DOUBLE, "fee_usd" DOUBLE, "token_bought_mint_address" VARCHAR, "token_sold_mint_address" VARCHAR, "token_bought_vault" VARCHAR, "token_sold_vault" VARCHAR, "project_program_id" VARCHAR, "project_main_id" VARCHAR, "trader_id" VARCHAR, "tx_id" VARCHAR, "outer_instruction_index" INTEGER, "inner_instruction_index" INTEGER, "tx_index" INTEGER);
        CREATE TABLE ethereum.withdrawals ("block_time" TIMESTAMPTZ, "block_number" BIGINT, "index" BIGINT, "validator_index" BIGINT, "amount" DECIMAL(38,0), "address" BLOB, "withdrawals_root" BLOB, "block_hash" BLOB, "block_date" DATE);
        CREATE VIEW prices.usd_forward_fill AS SELECT * FROM prices.usd;
        CREATE TABLE solana.account_activity ("block_slot" BIGINT, "block_hash" VARCHAR, "block_time" TIMESTAMPTZ, "block_date" DATE, "address" VARCHAR, "tx_index" INTEGER, "tx_id" VARCHAR, "tx_success" BOOLEAN, "signed" BOOLEAN, "writable" BOOLEAN, "pre_balance" BIGINT, "pre_token_balance" DOUBLE, "post_balance" BIGINT, "post_token_balance" DOUBLE, "balance_change" BIGINT, "token_balance_change" DOUBLE, "token_balance_owner" VARCHAR, "token_mint_address" VARCHAR, "address_prefix" VARCHAR);
        CREATE TABLE solana.instruction_calls ("block_slot" BIGINT, "block_hash" VARCHAR, "block_time" TIMESTAMPTZ, "block_date" DATE, "index" INTEGER, "tx_index" INTEGER, "outer_instruction_index" INTEGER, "inner_instruction_index" INTEGER, "outer_executing_account" VARCHAR, "inner_executing_account" VARCHAR, "executing_account" VARCHAR, "data" BLOB, "is_inner" BOOLEAN, "account_arguments" VARCHAR[], "inner_instructions" STRUCT("account_arguments" VARCHAR[], "data" BLOB, "executing_account" VARCHAR)[], "tx_signer" VARCHAR, "tx_id" VARCHAR, "tx_success" BOOLEAN, "log_messages" VARCHAR[], "executing_account_prefix" VARCHAR);
        CREATE TABLE evms.info (chain_id INTEGER, blockchain VARCHAR, name VARCHAR, chain_type VARCHAR, rollup_type VARCHAR, native_token_symbol VARCHAR,
          wrapped_native_token_address BLOB, explorer_link VARCHAR, first_block_time TIMESTAMP, codebase VARCHAR, data_availability VARCHAR,
          settlement VARCHAR, is_on_dune BOOLEAN, ecosystem VARCHAR);
        CREATE SCHEMA bitcoin;
        CREATE TABLE bitcoin.blocks ("time" TIMESTAMPTZ, height BIGINT, "date" DATE, hash BLOB, transaction_count INTEGER, size BIGINT, mint_reward DOUBLE,
          total_fees DOUBLE, total_reward DOUBLE, stripped_size BIGINT, weight BIGINT, chainwork BLOB, difficulty DOUBLE, merkle_root BLOB, nonce BIGINT,
          coinbase BLOB, previous_block_hash BLOB, bits VARCHAR);
        CREATE TABLE bitcoin.outputs (block_time TIMESTAMPTZ, block_date DATE, block_height BIGINT, block_hash BLOB, tx_id BLOB, "index" INTEGER, "value" DOUBLE,
          script_asm VARCHAR, script_hex BLOB, address VARCHAR, "type" VARCHAR);
        CREATE TABLE bitcoin.inputs (block_time TIMESTAMPTZ, block_date DATE, block_height BIGINT, "index" INTEGER, block_hash BLOB, tx_id BLOB,
          spent_block_height BIGINT, spent_tx_id BLOB, spent_output_number BIGINT, "value" DOUBLE, address VARCHAR, "type" VARCHAR, coinbase BLOB,
          is_coinbase BOOLEAN, script_asm VARCHAR, script_hex BLOB, script_desc VARCHAR, script_signature_asm VARCHAR, script_signature_hex BLOB,
          "sequence" BIGINT, witness_data BLOB[]);
        CREATE TABLE bitcoin.transactions (block_time TIMESTAMPTZ, block_date DATE, block_height BIGINT, block_hash BLOB, "index" INTEGER, id BLOB,
          input_value DOUBLE, output_value DOUBLE, fee DOUBLE, input_count INTEGER, output_count INTEGER, size BIGINT, virtual_size BIGINT, is_coinbase BOOLEAN,
          coinbase BLOB, "input" STRUCT("value" DOUBLE, height BIGINT, tx_id BLOB, output_number BIGINT, coinbase BLOB, "sequence" BIGINT, witness_data BLOB[],
          script_signature STRUCT(hex BLOB, asm VARCHAR), script_pub_key STRUCT(asm VARCHAR, "desc" VARCHAR, address VARCHAR, hex BLOB, "type" VARCHAR))[],
          "output" STRUCT("index" BIGINT, "value" DOUBLE, script_pub_key STRUCT(asm VARCHAR, hex BLOB, address VARCHAR, "type" VARCHAR))[], lock_time BIGINT, hex BLOB);
        """ + string.Concat(new[] { "base", "arbitrum", "optimism", "polygon", "bnb", "avalanche_c" }.Select(c => $"""
        CREATE SCHEMA {c}; CREATE SCHEMA erc20_{c};
        CREATE TABLE {c}.transactions AS SELECT * FROM ethereum.transactions LIMIT 0;
        CREATE TABLE {c}.blocks AS SELECT * FROM ethereum.blocks LIMIT 0;
        CREATE TABLE {c}.logs AS SELECT * FROM ethereum.logs LIMIT 0;
        CREATE TABLE {c}.traces AS SELECT * FROM ethereum.traces LIMIT 0;
        CREATE TABLE erc20_{c}.evt_Transfer AS SELECT * FROM erc20_gnosis.evt_Transfer LIMIT 0;
        """)) + """
        CREATE SCHEMA tron; CREATE SCHEMA erc20_tron; CREATE SCHEMA tether_tron;
        CREATE TABLE tron.transactions AS SELECT * FROM ethereum.transactions LIMIT 0;
        CREATE TABLE tron.blocks AS SELECT * FROM ethereum.blocks LIMIT 0;
        CREATE TABLE tron.logs AS SELECT * FROM ethereum.logs LIMIT 0;
        CREATE TABLE erc20_tron.evt_Transfer AS SELECT * FROM erc20_gnosis.evt_Transfer LIMIT 0;
        CREATE TABLE tether_tron.Tether_USD_evt_Transfer AS SELECT * FROM erc20_gnosis.evt_Transfer LIMIT 0;
        CREATE TABLE labels.owner_details (name VARCHAR, owner_key VARCHAR, website VARCHAR, dune_team VARCHAR, project_documentation VARCHAR,
          project_github_url VARCHAR, social VARCHAR, primary_category VARCHAR, category_tags VARCHAR, country_name VARCHAR, description VARCHAR,
          created_at TIMESTAMP, created_by VARCHAR, updated_at TIMESTAMP, updated_by VARCHAR);
        CREATE TABLE labels.owner_addresses (address BLOB, blockchain VARCHAR, owner_key VARCHAR, account_owner VARCHAR, custody_owner VARCHAR,
          contract_name VARCHAR, contract_version VARCHAR, eoa BOOLEAN, factory_contract BOOLEAN, source VARCHAR, identifying_transaction VARCHAR,
          algorithm_name VARCHAR, source_website VARCHAR, source_evidence VARCHAR, created_at TIMESTAMP, created_by VARCHAR, updated_at TIMESTAMP,
          updated_by VARCHAR);
        CREATE SCHEMA starknet;
        CREATE TABLE starknet.blocks ("date" DATE, number BIGINT, "time" TIMESTAMPTZ, l1_da_mode VARCHAR, starknet_version VARCHAR, tx_count BIGINT,
          hash BLOB, new_root BLOB, parent_hash BLOB, sequencer_address BLOB);
        CREATE TABLE starknet.transactions (block_date DATE, block_time TIMESTAMPTZ, block_number BIGINT, block_l1_da_mode VARCHAR, block_status VARCHAR,
          "index" BIGINT, max_fee BIGNUM, nonce BIGINT, tip BIGNUM, "type" VARCHAR, version VARCHAR, actual_fee_amount BIGNUM, actual_fee_unit VARCHAR,
          execution_resources_steps BIGINT, execution_status VARCHAR, finality_status VARCHAR, receipt_type VARCHAR, block_hash BLOB, calldata BLOB[],
          class_hash BLOB, contract_address BLOB, entry_point_selector BLOB, hash BLOB, sender_address BLOB, signature BLOB[], revert_reason VARCHAR,
          transaction_hash BLOB);
        CREATE TABLE starknet.events (block_date DATE, block_time TIMESTAMPTZ, block_number BIGINT, block_status VARCHAR, event_index BIGINT, block_hash BLOB,
          "data" BLOB[], "keys" BLOB[], from_address BLOB, class_hash BLOB, transaction_hash BLOB);
        CREATE TABLE starknet.calls (block_date DATE, block_time TIMESTAMPTZ, block_number BIGINT, transaction_index BIGINT, transaction_hash BLOB,
          transaction_type VARCHAR, trace_address BIGINT[], caller_address BLOB, contract_address BLOB, entry_point_selector BLOB, call_type VARCHAR,
          entry_point_type VARCHAR, calldata BLOB[], class_hash BLOB, execution_succeeded BOOLEAN);
        CREATE SCHEMA stellar;
        CREATE TABLE stellar.contract_data (closed_at_date DATE, contract_id VARCHAR, contract_key_type VARCHAR, contract_durability VARCHAR,
          asset_code VARCHAR, asset_issuer VARCHAR, asset_type VARCHAR, balance_holder VARCHAR, balance VARCHAR, last_modified_ledger BIGINT,
          ledger_entry_change BIGINT, deleted BOOLEAN, closed_at TIMESTAMPTZ, ledger_sequence BIGINT, ledger_key_hash BLOB, "key" VARCHAR,
          key_decoded VARCHAR, val VARCHAR, val_decoded VARCHAR, contract_data_xdr VARCHAR, updated_at TIMESTAMPTZ, ingested_at TIMESTAMPTZ);
        CREATE SCHEMA uniswap_ethereum; CREATE SCHEMA uniswap; CREATE SCHEMA solana_utils;
        CREATE TABLE uniswap_ethereum.trades (blockchain VARCHAR, project VARCHAR, version VARCHAR, block_month DATE, block_date DATE,
          block_time TIMESTAMPTZ, block_number BIGINT, token_bought_symbol VARCHAR, token_sold_symbol VARCHAR, token_pair VARCHAR,
          token_bought_amount_usd DOUBLE, token_sold_amount_usd DOUBLE, token_bought_amount DOUBLE, token_sold_amount DOUBLE,
          token_bought_amount_raw BIGNUM, token_sold_amount_raw BIGNUM, amount_usd DOUBLE, token_bought_address BLOB, token_sold_address BLOB,
          taker BLOB, maker BLOB, project_contract_address BLOB, pool_address BLOB, token0_address BLOB, token1_address BLOB, token0_symbol VARCHAR,
          token1_symbol VARCHAR, tx_hash BLOB, tx_from BLOB, tx_to BLOB, evt_index BIGINT, lp_fee_amount_usd DOUBLE, lp_fee_amount DOUBLE,
          lp_fee_amount_raw DOUBLE, lp_fee DOUBLE, hooks_fee_amount_usd DOUBLE, hooks_fee_amount DOUBLE, hooks_fee_amount_raw DOUBLE,
          hooks_fee DOUBLE, hooks VARCHAR);
        CREATE TABLE uniswap.trades AS SELECT * FROM uniswap_ethereum.trades LIMIT 0;
        CREATE TABLE uniswap_v3_ethereum.trades (blockchain VARCHAR, project VARCHAR, version VARCHAR, block_month DATE, block_date DATE,
          block_time TIMESTAMPTZ, block_number BIGINT, token_bought_symbol VARCHAR, token_sold_symbol VARCHAR, token_pair VARCHAR,
          token_bought_amount DOUBLE, token_sold_amount DOUBLE, token_bought_amount_raw BIGNUM, token_sold_amount_raw BIGNUM, amount_usd DOUBLE,
          token_bought_address BLOB, token_sold_address BLOB, taker BLOB, maker BLOB, project_contract_address BLOB, fee INTEGER, tx_hash BLOB,
          tx_from BLOB, tx_to BLOB, evt_index BIGINT);
        CREATE TABLE tokens.native (chain VARCHAR, symbol VARCHAR, price_symbol VARCHAR, price_address BLOB, decimals INTEGER);
        CREATE SCHEMA tokens_gnosis; CREATE SCHEMA tokens_base;
        CREATE TABLE tokens_ethereum.erc20 (contract_address BLOB, symbol VARCHAR, decimals INTEGER);
        CREATE TABLE tokens_gnosis.erc20 AS SELECT * FROM tokens_ethereum.erc20 LIMIT 0;
        CREATE TABLE tokens_base.erc20 AS SELECT * FROM tokens_ethereum.erc20 LIMIT 0;
        CREATE TABLE solana_utils.daily_balances ("day" TIMESTAMPTZ, "month" DATE, address VARCHAR, sol_balance DOUBLE, token_mint_address VARCHAR,
          token_balance DOUBLE, token_balance_owner VARCHAR, block_time TIMESTAMPTZ, block_slot BIGINT, unique_address_key VARCHAR,
          updated_at TIMESTAMPTZ);
        CREATE TABLE solana_utils.latest_balances (address VARCHAR, block_time TIMESTAMPTZ, block_slot BIGINT, sol_balance DOUBLE,
          token_balance DOUBLE, token_mint_address VARCHAR, token_balance_owner VARCHAR, updated_at TIMESTAMPTZ);
        CREATE SCHEMA utils; CREATE TABLE utils.days ("timestamp" TIMESTAMP);
        CREATE TABLE tokens_ethereum.balances (blockchain VARCHAR, block_number BIGINT, block_time TIMESTAMPTZ, address BLOB, token_address BLOB,
          token_standard VARCHAR, balance_raw BIGNUM, balance DOUBLE, token_symbol VARCHAR, token_id BIGNUM, collection_name VARCHAR);
        CREATE SCHEMA staking_ethereum;
        CREATE TABLE staking_ethereum.deposits (block_time TIMESTAMPTZ, block_number BIGINT, amount_staked DOUBLE, depositor_address BLOB,
          entity VARCHAR, entity_unique_name VARCHAR, entity_category VARCHAR, sub_entity VARCHAR, sub_entity_unique_name VARCHAR,
          sub_entity_category VARCHAR, tx_hash BLOB, tx_from BLOB, deposit_index BIGINT, pubkey BLOB, signature BLOB, withdrawal_address BLOB,
          withdrawal_credentials_type BLOB, withdrawal_credentials BLOB, evt_index BIGINT);
        CREATE SCHEMA safe_ethereum;
        CREATE TABLE safe_ethereum.safes (blockchain VARCHAR, address BLOB, creation_version VARCHAR, block_date DATE, block_month DATE,
          creation_time TIMESTAMPTZ, tx_hash BLOB);
        CREATE SCHEMA account_abstraction_erc4337;
        CREATE TABLE account_abstraction_erc4337.userops (blockchain VARCHAR, version VARCHAR, block_month DATE, block_time TIMESTAMPTZ,
          entrypoint_contract BLOB, tx_hash BLOB, sender BLOB, userop_hash BLOB, success BOOLEAN, paymaster BLOB, op_fee DOUBLE, op_fee_usd DOUBLE,
          bundler BLOB, tx_to BLOB, gas_symbol VARCHAR, tx_fee DOUBLE, tx_fee_usd DOUBLE, beneficiary BLOB);
        CREATE SCHEMA cow_protocol_ethereum;
        CREATE TABLE cow_protocol_ethereum.trades (block_date DATE, block_month DATE, block_time TIMESTAMPTZ, block_number BIGINT, tx_hash BLOB,
          evt_index BIGINT, trace_address BIGINT[], project_contract_address BLOB, order_uid BLOB, trader BLOB, sell_token_address BLOB,
          sell_token VARCHAR, buy_token_address BLOB, buy_token VARCHAR, token_pair VARCHAR, units_sold DOUBLE, atoms_sold BIGNUM,
          units_bought DOUBLE, atoms_bought BIGNUM, usd_value DOUBLE, buy_price DOUBLE, buy_value_usd DOUBLE, sell_price DOUBLE,
          sell_value_usd DOUBLE, fee DOUBLE, fee_atoms BIGNUM, fee_usd DOUBLE, app_data BLOB, receiver BLOB, limit_sell_amount BIGNUM,
          limit_buy_amount BIGNUM, valid_to VARCHAR, flags INTEGER, order_type VARCHAR, partial_fill BOOLEAN, fill_proportion BIGNUM,
          surplus_usd DOUBLE);
        CREATE SCHEMA aave_v3_ethereum;
        CREATE TABLE aave_v3_ethereum.Pool_evt_Supply (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, reserve BLOB,
          "user" BLOB, "onBehalfOf" BLOB, amount BIGNUM, "referralCode" INTEGER);
        CREATE TABLE aave_v3_ethereum.Pool_evt_Borrow (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, reserve BLOB,
          "user" BLOB, "onBehalfOf" BLOB, amount BIGNUM, "interestRateMode" INTEGER, "borrowRate" BIGNUM, "referralCode" INTEGER);
        CREATE TABLE ethereum.creation_traces (block_time TIMESTAMPTZ, block_number BIGINT, tx_hash BLOB, address BLOB, "from" BLOB, code BLOB,
          block_month DATE);
        CREATE TABLE labels.contracts (blockchain VARCHAR, address BLOB, name VARCHAR, category VARCHAR, contributor VARCHAR, source VARCHAR,
          created_at DATE, updated_at TIMESTAMPTZ, model_name VARCHAR, label_type VARCHAR);
        CREATE TABLE ethereum.blobs_submissions (block_number BIGINT, block_time TIMESTAMPTZ, block_date DATE, beacon_slot_number BIGINT,
          beacon_epoch BIGINT, tx_value BIGNUM, tx_hash BLOB, blob_submitter BLOB, blob_receiver BLOB, blob_submitter_label VARCHAR,
          blob_proposer_label VARCHAR, tx_index BIGINT, tx_success BOOLEAN, tx_data BLOB, tx_type VARCHAR, blob_versioned_hashes BLOB[],
          blob_indexes BIGINT[], blob_count BIGINT, blob_gas_used DOUBLE, blob_base_fee BIGINT, max_fee_per_blob_gas BIGINT,
          is_blobscription BOOLEAN);
        CREATE TABLE aave_v3_ethereum.Pool_evt_Repay (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, reserve BLOB,
          "user" BLOB, repayer BLOB, amount BIGNUM, "useATokens" BOOLEAN);
        CREATE TABLE aave_v3_ethereum.Pool_evt_Withdraw (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE, reserve BLOB,
          "user" BLOB, "to" BLOB, amount BIGNUM);
        CREATE TABLE aave_v3_ethereum.Pool_evt_LiquidationCall (contract_address BLOB, evt_tx_hash BLOB, evt_tx_from BLOB, evt_tx_to BLOB,
          evt_tx_index BIGINT, evt_index BIGINT, evt_block_time TIMESTAMPTZ, evt_block_number BIGINT, evt_block_date DATE,
          "collateralAsset" BLOB, "debtAsset" BLOB, "user" BLOB, "debtToCover" BIGNUM, "liquidatedCollateralAmount" BIGNUM, liquidator BLOB,
          "receiveAToken" BOOLEAN);
        CREATE TABLE prices.usd_daily (day DATE, blockchain VARCHAR, contract_address BLOB, decimals INTEGER, symbol VARCHAR, price DOUBLE,
          price_open DOUBLE, price_high DOUBLE, price_low DOUBLE, price_close DOUBLE);
        CREATE SCHEMA opensea;
        CREATE TABLE opensea.trades AS SELECT blockchain, project, version, block_date, block_month, block_time, token_id, collection,
          amount_usd, token_standard, trade_type, number_of_items, trade_category, evt_type, seller, buyer, amount_original, amount_raw,
          currency_symbol, currency_contract, nft_contract_address, project_contract_address, aggregator_name, aggregator_address, tx_hash,
          block_number, tx_from, tx_to, platform_fee_amount_raw, platform_fee_amount, platform_fee_amount_usd, platform_fee_percentage,
          royalty_fee_receive_address, royalty_fee_currency_symbol, royalty_fee_amount_raw, royalty_fee_amount, royalty_fee_amount_usd,
          royalty_fee_percentage, unique_trade_id FROM nft.trades LIMIT 0;
        CREATE TABLE evms.creation_traces (blockchain VARCHAR, block_time TIMESTAMPTZ, block_number BIGINT, tx_hash BLOB, address BLOB,
          "from" BLOB, code BLOB, block_month DATE, block_date DATE);
        """ + string.Concat(new[] { "base", "arbitrum", "optimism", "polygon", "gnosis", "bnb", "avalanche_c" }.Select(c => $"""
        CREATE TABLE {c}.creation_traces AS SELECT * FROM ethereum.creation_traces LIMIT 0;
        CREATE SCHEMA erc721_{c};
        CREATE TABLE erc721_{c}.evt_Transfer AS SELECT * FROM erc721_ethereum.evt_Transfer LIMIT 0;
        """));
}
