-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/solana/models/_sector/dex/pumpswap/pumpswap_solana_pools.sql (jinja adapted: config, incremental branch, set variables, source() and ref() expanded or removed)
WITH pool_creation AS (
    -- Pool creation events using the provided decoding pattern
    SELECT
        block_time AS created_at,
        block_slot AS created_slot,
        tx_id AS creation_tx,
        to_base58(bytearray_substring(data, 59, 32)) AS baseMint,
        to_base58(bytearray_substring(data, 91, 32)) AS quoteMint,
        bytearray_to_uint256(bytearray_reverse(bytearray_substring(data, 123, 1))) AS baseMintDecimals,
        bytearray_to_uint256(bytearray_reverse(bytearray_substring(data, 124, 1))) AS quoteMintDecimals,
        to_base58(bytearray_substring(data, 182, 32)) AS pool
    FROM solana.instruction_calls
    WHERE varbinary_starts_with(data, 0xe445a52e51cb9a1db1310cd2a076a774)
        AND executing_account = 'pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA'
        AND executing_account_prefix = 'pA'
        AND tx_success = true
    
    AND block_time >= TIMESTAMP '2025-03-14'
    
)
SELECT
    p.pool,
    p.created_at,
    p.created_slot,
    p.creation_tx,
    p.baseMint,
    p.quoteMint,
    p.baseMintDecimals,
    p.quoteMintDecimals,
    p.quoteMint IN (
        'So11111111111111111111111111111111111111112' -- SOL
        ,'mSoLzYCxHdYgdzU16g5QSh3i5K3z3KZK7ytfqcJm7So' -- mSOL
        ,'EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v' -- USDC
        ,'Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB' -- USDT
        ,'pumpCmXqMfrsAkQ5r49WcJnRayYRqmXz6ae8H7H9Dfn' -- PUMP
        ,'DEkqHyPN7GMRJ5cArtQFAWefqbZb33Hyf6s5iCwjEonT' -- BONK
    ) AS is_valid_pool
FROM pool_creation p
