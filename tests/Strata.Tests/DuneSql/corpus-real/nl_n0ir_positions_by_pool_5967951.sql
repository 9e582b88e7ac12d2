-- Source: github.com/n0ir-labs/dune-analytics, queries/n0ir_positions_by_pool___5967951.sql@a230bffb915d9ffa5b63a708f069b59bda56c629 (verbatim)
-- part of a query repo
-- query name: n0ir Positions by Pool
-- query link: https://dune.com/queries/placeholder_4


WITH position_data AS (
    SELECT
        bytearray_substring(topic3, 13, 20) AS pool_address,
        bytearray_to_uint256(bytearray_substring(data, 33, 32)) / 1e6 AS usdc_invested
    FROM base.logs
    WHERE contract_address IN (
        0x7c4b58b87D72A2F44baAf9A08F333BE562595540,  -- Current proxy
        0x0ee44295f4335256D2cE1123E5Bc277Fa36aB140   -- Old contract
    )
      AND topic0 = 0x22c1b606e32c54081d4813a6daf0b6ab4522b84a2829c0dfa181ac6f12c62b7c  -- PositionCreated
)
SELECT
    pool_address,
    CASE
        WHEN pool_address = 0xb2cc224c1c9fee385f8ad6a55b4d94e92359dc59 THEN 'WETH/USDC'
        WHEN pool_address = 0x4e962bb3889bf030368f56810a9c96b83cb3e778 THEN 'USDC/cbBTC'
        WHEN pool_address = 0xbe00ff35af70e8415d0eb605a286d8a45466a4c1 THEN 'AERO/USDC'
        WHEN pool_address = 0xe846373c1a92b167b4e9cd5d8e4d6b1db9e90ec7 THEN 'EURC/USDC'
        WHEN pool_address = 0x7501bc8bb51616f79bfa524e464fb7b41f0b10fb THEN 'msUSD/USDC'
        WHEN pool_address = 0x363d1607b8da83d6b6ea76d017ceecf1316bb08a THEN 'cbBTC/cbDOGE'
        ELSE 'Other'
    END AS pool_name,
    COUNT(*) AS position_count,
    SUM(usdc_invested) AS total_volume_usdc,
    AVG(usdc_invested) AS avg_position_size_usdc
FROM position_data
GROUP BY 1, 2
ORDER BY 4 DESC
