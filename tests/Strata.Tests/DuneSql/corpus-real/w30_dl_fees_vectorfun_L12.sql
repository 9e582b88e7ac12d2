-- Source: github.com/DefiLlama/dimension-adapters @e7346b0e9, fees/vectorfun.ts (template string at line 12; TIME_RANGE/${...} time bounds substituted as helpers/dune.ts does, SQL otherwise verbatim)
WITH
        allFeePayments AS (
            SELECT
              tx_id,
              balance_change AS fee_token_amount
            FROM
              solana.account_activity
            WHERE
              block_time >= TIMESTAMP '2024-07-28'
              AND block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
              AND address IN (
                'EvMii962PiDkygT6qHWVTDamadqhDyHu4Mco7aNfRsp8',
                '5Arp4KGGXdobT8LxSBLRLUDYEa3rh77frgEYsvTHTYka',
                '5W3rMZSgus2mQVb2dYA9qR8Z1YLzcu5fjBNm8P3wmoEw',
                'GdZJRqonwzeWRneFVrniwU5PeQqJa7bB8G12qdQqhU1H',
                '7etTJL5WnHidy4AD1JbwBo76BtPtnxAmRRbG7un6QjYX',
                '66eUcZJT8BNQZoGiLGfv9yBts2uxWQxCy3UuBnDT5rG1',
                'BtqgEzQDCH3JFjJ6hFRsQB7Aacg9zmV6yDR96vH5vyC5',
                's1gnrNn3b3zs1MCAGYzXsBn13v41HP9nq4JZZGpLESL',
                '9ZeKZdYzVii2a22ajnXSkVrqkwkkyjWpkjT3oVyEqw46',
                '8YihpEuQnMoRYgRPdWSPbVLXmP8Fwzzbr8YZCYY6Fmf1',
                '9umoGVjHCM5mm4UTyjq9QstAvg2DxdhgdECBuqkjji6x'
              )
              AND balance_change > 0
              AND tx_success
        )
        SELECT
          SUM(fee_token_amount) AS fee
        FROM
          dex_solana.trades AS trades
          JOIN allFeePayments AS feePayments ON trades.tx_id = feePayments.tx_id
        WHERE
          block_time >= from_unixtime(1764979200)
  AND block_time <= from_unixtime(1765065600)
          AND trades.trader_id NOT IN (
            'EvMii962PiDkygT6qHWVTDamadqhDyHu4Mco7aNfRsp8',
            '5Arp4KGGXdobT8LxSBLRLUDYEa3rh77frgEYsvTHTYka',
            '5W3rMZSgus2mQVb2dYA9qR8Z1YLzcu5fjBNm8P3wmoEw',
            'GdZJRqonwzeWRneFVrniwU5PeQqJa7bB8G12qdQqhU1H',
            '7etTJL5WnHidy4AD1JbwBo76BtPtnxAmRRbG7un6QjYX',
            '66eUcZJT8BNQZoGiLGfv9yBts2uxWQxCy3UuBnDT5rG1',
            'BtqgEzQDCH3JFjJ6hFRsQB7Aacg9zmV6yDR96vH5vyC5',
            '9ZeKZdYzVii2a22ajnXSkVrqkwkkyjWpkjT3oVyEqw46',
            's1gnrNn3b3zs1MCAGYzXsBn13v41HP9nq4JZZGpLESL',
            '8YihpEuQnMoRYgRPdWSPbVLXmP8Fwzzbr8YZCYY6Fmf1',
            '9umoGVjHCM5mm4UTyjq9QstAvg2DxdhgdECBuqkjji6x'
          )
