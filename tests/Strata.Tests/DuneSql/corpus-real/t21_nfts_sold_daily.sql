-- Source: a public GitHub file found with find_string('erc1155_ethereum.evt_TransferSingle') (stored index id 29195101065; the index names no repository for it); parameters {{Time Period}} = Past Month, {{wallet address:}} = 0x00859b3baac525143bb8a3ee3e19ddf9daf2408c; SQL otherwise verbatim
WITH 
time_filter AS (
  SELECT 
    CASE 
      WHEN 'Past Month' = 'Past Week'     THEN CURRENT_DATE - INTERVAL '7' day
      WHEN 'Past Month' = 'Past Month'    THEN CURRENT_DATE - INTERVAL '1' month
      WHEN 'Past Month' = 'Past 3 Months' THEN CURRENT_DATE - INTERVAL '3' month
      WHEN 'Past Month' = 'Past Year'     THEN CURRENT_DATE - INTERVAL '1' year
      WHEN 'Past Month' = 'All Time'      THEN CAST('2015-07-30' AS DATE)
      ELSE CURRENT_DATE - INTERVAL '30' day
    END AS start_date
),

address AS (
  SELECT FROM_HEX(LOWER(REPLACE('0x00859b3baac525143bb8a3ee3e19ddf9daf2408c', '0x', ''))) AS addr
),

-- Combine ERC721 and ERC1155 transfers
all_transfers AS (
  -- ERC721 Sales
  SELECT 
    evt_block_time,
    evt_block_date,
    'ERC721' as standard
  FROM erc721_ethereum.evt_Transfer
  CROSS JOIN address
  CROSS JOIN time_filter
  WHERE "from" = addr
    AND evt_block_time >= time_filter.start_date
    AND evt_block_date >= CAST(time_filter.start_date AS DATE)

  UNION ALL

  -- ERC1155 Sales
  SELECT 
    evt_block_time,
    evt_block_date,
    'ERC1155' as standard
  FROM erc1155_ethereum.evt_TransferSingle
  CROSS JOIN address
  CROSS JOIN time_filter
  WHERE "from" = addr
    AND evt_block_time >= time_filter.start_date
    AND evt_block_date >= CAST(time_filter.start_date AS DATE)
),

daily_stats AS (
  SELECT
    DATE_TRUNC('day', evt_block_time) AS day,
    COUNT(*) AS nfts_sold_daily
  FROM all_transfers
  GROUP BY 1
)

SELECT
  DATE_FORMAT(day, '%Y/%m/%d') AS date,
  nfts_sold_daily,
  SUM(nfts_sold_daily) OVER (ORDER BY day) AS nfts_sold_total
FROM daily_stats
ORDER BY day DESC;
