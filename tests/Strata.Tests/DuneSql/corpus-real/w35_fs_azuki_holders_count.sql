-- Source: public GitHub file found with find_string on "FROM erc721_ethereum.evt_Transfer" (the index names no repository nor path; read_file id 10059146427), Azuki current holder count (the first statement of a Markdown ```SQL block, verbatim)
-- 持有者总数
WITH current_holders AS (
    SELECT 
        "to" as holder,
        ROW_NUMBER() OVER (PARTITION BY tokenId ORDER BY evt_block_time DESC) as rn
    FROM erc721_ethereum.evt_transfer 
    WHERE contract_address = 0xED5AF388653567Af2F388E6224dC7C4b3241C544
)
SELECT 
    COUNT(DISTINCT holder) as current_unique_holders
FROM current_holders 
WHERE rn = 1
    AND holder != 0x0000000000000000000000000000000000000000
