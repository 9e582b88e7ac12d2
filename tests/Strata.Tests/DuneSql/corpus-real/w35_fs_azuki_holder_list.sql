-- Source: public GitHub file found with find_string on "FROM erc721_ethereum.evt_Transfer" (the index names no repository nor path; read_file id 10059146427), Azuki holders and their NFT counts (the second statement of the same block, verbatim)
-- 持有人名单（持有人，持有的NFT数量）
WITH current_holders AS (
    SELECT 
        "to" as holder,
        tokenId,
        ROW_NUMBER() OVER (PARTITION BY tokenId ORDER BY evt_block_time DESC) as rn
    FROM erc721_ethereum.evt_transfer 
    WHERE contract_address = 0xED5AF388653567Af2F388E6224dC7C4b3241C544
),
holder_counts AS (
    SELECT 
        holder,
        COUNT(*) as nft_count
    FROM current_holders 
    WHERE rn = 1
        AND holder != 0x0000000000000000000000000000000000000000
    GROUP BY holder
)
SELECT 
    holder,
    nft_count
FROM holder_counts
ORDER BY nft_count DESC, holder
LIMIT 100
