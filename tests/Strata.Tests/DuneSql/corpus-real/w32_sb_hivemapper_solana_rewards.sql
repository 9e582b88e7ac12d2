-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/hivemapper/hivemapper_solana_rewards.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
with 
    honey_transfers as (
        SELECT 
            block_time
            , block_date
            , block_slot
            , "action"
            , amount
            , token_mint_address
            , from_owner
            , to_owner
            , from_token_account
            , to_token_account
            , tx_signer
            , tx_id
            , outer_instruction_index
            , inner_instruction_index
            , outer_executing_account
        
        FROM tokens_solana.transfers WHERE token_mint_address = '4vMsoUT2BWatFweudnQM1xedRLfJgJ7hswhcpz4xgBTy'

        
    )
    
    , memo_join as (
        SELECT
            case 
                when contains(tx.log_messages,'Program log: Memo (len 12): "Map Coverage"') then 'map coverage'
                when contains(tx.log_messages,'Program log: Memo (len 6): "Bounty"') then 'bounty'
                when contains(tx.log_messages,'Program log: Memo (len 4): "Buzz"') then 'buzz'
                when contains(tx.log_messages,'Program log: Memo (len 18): "Map Editing and QA"') then 'QA (AI trainer)'
                when contains(tx.log_messages,'Program log: Memo (len 15): "Map Consumption"') then 'map consumption'
                when contains(tx.log_messages,'Program log: Memo (len 23): "Map Consumption (fleet)"') then 'map consumption (fleet)'
                when contains(tx.log_messages,'Program log: Memo (len 17): "Foundation Reward"') then 'FTM'
                when contains(tx.log_messages,'Program log: Memo (len 11): "Honey Burst"') then 'burst'
                else null
            end as reward_type
            , hny.*
        FROM solana.transactions tx
        JOIN honey_transfers hny ON tx.id = hny.tx_id --assumes only one transfer per tx
        WHERE 1=1 
        and contains(account_keys, 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr') --memo program invoked sometimes not by honey though
        

    ) 
    
SELECT
*
FROM memo_join
WHERE reward_type is not null
