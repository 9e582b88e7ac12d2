-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/stonkfun.ts (template string at line 22; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH harvests AS (
      SELECT
        token_mint_address AS mint,
        from_token_account AS vault,
        amount
      FROM tokens_solana.transfers
      WHERE outer_executing_account = 'LockrWmn6K5twhz3y9w1dQERbmgSaRkfnTeTKbpofwE'
        AND to_owner = '5CEbueQnq1Ym2uSSx2xXds3jQAqT1BDnkA59RZobSPAG'
        AND block_time >= from_unixtime(1764979200)
        AND block_time <  from_unixtime(1765065600)
    ),
    -- A harvest pays both sides of the pool and the base half gets burned, so only the quote side
    -- is revenue. A base mint comes from its one pool's vault; a quote asset is shared across many
    -- launches and so comes from several.
    quote_mints AS (
      SELECT mint FROM harvests GROUP BY mint HAVING COUNT(DISTINCT vault) > 1
    ),
    stonk_received AS (
      SELECT DISTINCT tx_id
      FROM tokens_solana.transfers
      WHERE to_owner = '5CEbueQnq1Ym2uSSx2xXds3jQAqT1BDnkA59RZobSPAG'
        AND token_mint_address = '6GmAFSYs4gk3FDao5FzzySQpPZaWsa4rUJHacpMpUNgx'
        AND block_time >= from_unixtime(1764979200)
        AND block_time <  from_unixtime(1765065600)
    ),
    -- Jupiter routes hops through the operator's own accounts, so one purchase shows up as three
    -- outgoing transfers at the same value. Only the first is the amount spent.
    buyback_legs AS (
      SELECT
        t.token_mint_address AS mint,
        t.amount,
        ROW_NUMBER() OVER (
          PARTITION BY t.tx_id
          ORDER BY t.outer_instruction_index, t.inner_instruction_index
        ) AS leg
      FROM tokens_solana.transfers t
      JOIN stonk_received s ON s.tx_id = t.tx_id
      WHERE t.from_owner = '5CEbueQnq1Ym2uSSx2xXds3jQAqT1BDnkA59RZobSPAG'
        AND t.token_mint_address <> '6GmAFSYs4gk3FDao5FzzySQpPZaWsa4rUJHacpMpUNgx'
        AND t.outer_executing_account = 'JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4'
        AND t.block_time >= from_unixtime(1764979200)
        AND t.block_time <  from_unixtime(1765065600)
    ),
    buybacks AS (
      SELECT mint, amount FROM buyback_legs WHERE leg = 1
    )
    SELECT 'fee' AS kind, h.mint AS mint, CAST(SUM(h.amount) AS VARCHAR) AS raw_amount
    FROM harvests h JOIN quote_mints q ON q.mint = h.mint
    GROUP BY h.mint
    UNION ALL
    SELECT 'buyback' AS kind, b.mint AS mint, CAST(SUM(b.amount) AS VARCHAR) AS raw_amount
    FROM buybacks b JOIN quote_mints q ON q.mint = b.mint
    GROUP BY b.mint
