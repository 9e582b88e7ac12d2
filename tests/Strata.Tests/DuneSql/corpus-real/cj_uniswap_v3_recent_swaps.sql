-- Source: github.com/CryptoAI-Jedi/dune-sql-cheatsheets, decoded_contracts.md@898e63c8e7a36e6f14d3aa701d8f72dab6bc9d10 (a ```sql block, verbatim)
SELECT 
    evt_block_time,
    evt_tx_hash,
    contract_address AS pool,
    sender,
    recipient,
    amount0,
    amount1,
    sqrtPriceX96
FROM uniswap_v3_ethereum.Pair_evt_Swap
WHERE evt_block_time >= NOW() - INTERVAL '1' HOUR
ORDER BY evt_block_time DESC
LIMIT 100
