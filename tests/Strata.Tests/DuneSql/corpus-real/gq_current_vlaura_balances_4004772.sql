-- Source: github.com/gustavobftorres/dune-queries, balancer/analysis/comparisons/current_vlaura_balances_4004772.sql@da8fdabf11e14b991df37c62bdb6600b0ddb9126 (query_4001808, query_601405 and query_4007145 replaced by the SQL of balancer/support/composed/vlaura_rounds_4001808.sql, balancer/metrics/governance/vebal/vebal_by_top_lps_601405.sql and balancer/support/composed/query_4007145_vlaura_providers_4007145.sql in parentheses, their comments dropped; SQL otherwise verbatim)
-- part of a query repo
-- query name: Current vlAURA balances
-- query link: https://dune.com/queries/4004772


WITH user_locks AS (
    -- Fetch the locked amounts and their corresponding unlock times for each user
    SELECT 
        _user, 
        vlaura_round,
        _lockedAmount AS amount, 
        vlaura_round + 16 AS unlock_round
    FROM aura_finance_ethereum.AuraLocker_evt_Staked
    LEFT JOIN (WITH weeks_seq AS (
        SELECT sequence(CAST('2022-06-16' AS timestamp), cast(now() as timestamp), interval '7' day) as week
    ),

    calendar AS (
        SELECT weeks.week AS start_date FROM weeks_seq CROSS JOIN unnest(week) as weeks(week)
    ),
    
    rounds_info AS (
        SELECT
            start_date,
            to_unixtime(start_date) AS start_timestamp,
            start_date + interval '7' day AS end_date,
            to_unixtime(start_date + interval '7' day) AS end_timestamp,
            row_number() OVER (ORDER BY start_date) AS round_id
        FROM calendar
    )
    
    SELECT 
        a.start_date,
        a.start_timestamp,
        b.end_date,
        b.end_timestamp,
        a.round_id AS vlaura_round,
        b.round_id AS vebal_round 
    FROM rounds_info a
    LEFT JOIN (WITH weeks_seq AS (
        SELECT sequence(CAST('2022-04-07' AS timestamp), cast(now() as timestamp), interval '7' day) as week
    ),

    calendar AS (
        SELECT weeks.week AS start_date FROM weeks_seq CROSS JOIN unnest(week) as weeks(week)
    )

        SELECT
            start_date,
            to_unixtime(start_date) AS start_timestamp,
            start_date + interval '7' day AS end_date,
            to_unixtime(start_date + interval '7' day) AS end_timestamp,
            row_number() OVER (ORDER BY start_date) AS round_id
        FROM calendar) b
    ON a.start_date = b.start_date
    AND a.end_date = b.end_date) qa ON  --aura rounds
    (qa.start_date <= DATE_TRUNC('day', evt_block_time) AND qa.end_date > DATE_TRUNC('day', evt_block_time)) 

    UNION ALL

    -- Fetch the withdrawn amounts as negative values
    SELECT 
        _user, 
        vlaura_round,
        -(_amount) AS amount, 
        vlaura_round AS unlock_round
    FROM aura_finance_ethereum.AuraLocker_evt_Withdrawn
    LEFT JOIN (WITH weeks_seq AS (
        SELECT sequence(CAST('2022-06-16' AS timestamp), cast(now() as timestamp), interval '7' day) as week
    ),

    calendar AS (
        SELECT weeks.week AS start_date FROM weeks_seq CROSS JOIN unnest(week) as weeks(week)
    ),
    
    rounds_info AS (
        SELECT
            start_date,
            to_unixtime(start_date) AS start_timestamp,
            start_date + interval '7' day AS end_date,
            to_unixtime(start_date + interval '7' day) AS end_timestamp,
            row_number() OVER (ORDER BY start_date) AS round_id
        FROM calendar
    )
    
    SELECT 
        a.start_date,
        a.start_timestamp,
        b.end_date,
        b.end_timestamp,
        a.round_id AS vlaura_round,
        b.round_id AS vebal_round 
    FROM rounds_info a
    LEFT JOIN (WITH weeks_seq AS (
        SELECT sequence(CAST('2022-04-07' AS timestamp), cast(now() as timestamp), interval '7' day) as week
    ),

    calendar AS (
        SELECT weeks.week AS start_date FROM weeks_seq CROSS JOIN unnest(week) as weeks(week)
    )

        SELECT
            start_date,
            to_unixtime(start_date) AS start_timestamp,
            start_date + interval '7' day AS end_date,
            to_unixtime(start_date + interval '7' day) AS end_timestamp,
            row_number() OVER (ORDER BY start_date) AS round_id
        FROM calendar) b
    ON a.start_date = b.start_date
    AND a.end_date = b.end_date) qa ON  --aura rounds
    (qa.start_date <= DATE_TRUNC('day', evt_block_time) AND qa.end_date > DATE_TRUNC('day', evt_block_time)) 
),

aggregated_locks AS (
    -- Aggregate the locks to get the total locked amount and the cumulative sum of unlockable amounts
    SELECT 
        _user, 
        SUM(amount) AS total_vlaura,
        SUM(CASE WHEN unlock_round + 1 < (SELECT MAX(vlaura_round) FROM (WITH weeks_seq AS (
        SELECT sequence(CAST('2022-06-16' AS timestamp), cast(now() as timestamp), interval '7' day) as week
    ),

    calendar AS (
        SELECT weeks.week AS start_date FROM weeks_seq CROSS JOIN unnest(week) as weeks(week)
    ),
    
    rounds_info AS (
        SELECT
            start_date,
            to_unixtime(start_date) AS start_timestamp,
            start_date + interval '7' day AS end_date,
            to_unixtime(start_date + interval '7' day) AS end_timestamp,
            row_number() OVER (ORDER BY start_date) AS round_id
        FROM calendar
    )
    
    SELECT 
        a.start_date,
        a.start_timestamp,
        b.end_date,
        b.end_timestamp,
        a.round_id AS vlaura_round,
        b.round_id AS vebal_round 
    FROM rounds_info a
    LEFT JOIN (WITH weeks_seq AS (
        SELECT sequence(CAST('2022-04-07' AS timestamp), cast(now() as timestamp), interval '7' day) as week
    ),

    calendar AS (
        SELECT weeks.week AS start_date FROM weeks_seq CROSS JOIN unnest(week) as weeks(week)
    )

        SELECT
            start_date,
            to_unixtime(start_date) AS start_timestamp,
            start_date + interval '7' day AS end_date,
            to_unixtime(start_date + interval '7' day) AS end_timestamp,
            row_number() OVER (ORDER BY start_date) AS round_id
        FROM calendar) b
    ON a.start_date = b.start_date
    AND a.end_date = b.end_date)) THEN amount ELSE 0 END) AS unlockable
    FROM user_locks
    GROUP BY _user
),


agg AS(
SELECT 
    qa.vlaura_round AS vlaura_round,
    qa.vebal_round,
    _user,
    COALESCE(qc.provider, 'Others') AS provider,
    total_vlaura / POWER(10,18) AS total_vlaura,
    unlockable / POWER(10,18) AS unlockable,
    (total_vlaura - unlockable) / POWER(10,18) AS total_locked,
    (SELECT SUM(total_vlaura - unlockable) FROM aggregated_locks) / POWER(10,18) AS agg_vlaura_locked,    qb.vebal_balance AS aura_vebal_balance
FROM aggregated_locks
LEFT JOIN (WITH weeks_seq AS (
        SELECT sequence(CAST('2022-06-16' AS timestamp), cast(now() as timestamp), interval '7' day) as week
    ),

    calendar AS (
        SELECT weeks.week AS start_date FROM weeks_seq CROSS JOIN unnest(week) as weeks(week)
    ),
    
    rounds_info AS (
        SELECT
            start_date,
            to_unixtime(start_date) AS start_timestamp,
            start_date + interval '7' day AS end_date,
            to_unixtime(start_date + interval '7' day) AS end_timestamp,
            row_number() OVER (ORDER BY start_date) AS round_id
        FROM calendar
    )
    
    SELECT 
        a.start_date,
        a.start_timestamp,
        b.end_date,
        b.end_timestamp,
        a.round_id AS vlaura_round,
        b.round_id AS vebal_round 
    FROM rounds_info a
    LEFT JOIN (WITH weeks_seq AS (
        SELECT sequence(CAST('2022-04-07' AS timestamp), cast(now() as timestamp), interval '7' day) as week
    ),

    calendar AS (
        SELECT weeks.week AS start_date FROM weeks_seq CROSS JOIN unnest(week) as weeks(week)
    )

        SELECT
            start_date,
            to_unixtime(start_date) AS start_timestamp,
            start_date + interval '7' day AS end_date,
            to_unixtime(start_date + interval '7' day) AS end_timestamp,
            row_number() OVER (ORDER BY start_date) AS round_id
        FROM calendar) b
    ON a.start_date = b.start_date
    AND a.end_date = b.end_date) qa ON  --aura rounds
(qa.start_date <= CURRENT_DATE AND qa.end_date > CURRENT_DATE) 
LEFT JOIN (WITH
    total_vebal AS (
        SELECT day, SUM(vebal_balance) AS total_vebal
        FROM
            balancer_ethereum.vebal_balances_day
        GROUP BY 1
    ),
    top_providers AS (
        SELECT
            wallet_address,
            LOWER(
                CONCAT(
                    '0x',
                    SUBSTRING(to_hex(wallet_address), 1, 4),
                    '...',
                    SUBSTRING(to_hex(wallet_address), 37, 4)
                )
            ) AS short_provider
        FROM
            
                   balancer_ethereum.vebal_balances_day
        WHERE
            day = CURRENT_DATE
        ORDER BY
            vebal_balance DESC
        LIMIT 20
    )
SELECT
    r.day,
    r.wallet_address,
    COALESCE(q.provider, t.short_provider, 'Others') AS provider,
    SUM(vebal_balance) AS vebal_balance,
    SUM(vebal_balance) / total_vebal AS pct
FROM  balancer_ethereum.vebal_balances_day AS r
INNER JOIN total_vebal AS v ON v.day = r.day
LEFT JOIN top_providers AS t ON t.wallet_address = r.wallet_address
LEFT JOIN (WITH providers as (
    SELECT * FROM (values
    (0xaf52695e1bb01a16d33d7194c28c42b10e0dbec2, 'Aura'),
    (0x9cc56fa7734da21ac88f6a816af10c5b898596ce, 'Tetu'),
    (0x36cc7b13029b5dee4034745fb4f24034f3f2ffc6, 'Humpy'),
    (0x8a8743afc23769d5b27fb22af510da3147bb9a55, 'Humpy'),
    (0x9e9f535da358bf4f9cdc10a3d690dcf981956f68, 'Humpy'),
    (0xc407e861f5a16256534b0c92fdd8220a35831840, 'Humpy'),
    (0xc0a893145ad461af44241a7db5bb99b8998e7d2c, 'Humpy'),
    (0xae0baf66e8f5bb87a6fd54066e469cdfe93212ec, 'Humpy'),
    (0x014e61311e4dd2364cf6c0868c9978c5887deca8, 'Humpy'),
    (0x1e7267fa2628d66538822fc44f0edb62b07272a4, 'Humpy'),
    (0x8b781a032c0ff967d2786a66afb1dbd5128fc382, 'Humpy'),
    (0x5f547f19e5ad75bc19196d2f0472a2f4522fefd6, 'Humpy'),
    (0x42d1f0e3e5461e368f24a29f68b212c1f15036a5, 'Humpy'),
    (0xba55e4e6fca6abd74071516d0784aced07adef47, 'Humpy'),
    (0xd23da72ee782227074851e1090bff19f6b15e978, 'Humpy'),
    (0x79ff36919d24f004d68428a46b9cb08640c0b23b, 'Humpy'),
    (0x9e38d938e909e15c155e35fc2dbb9008a1d019af, 'Humpy'),
    (0xe09697e1e476dce90b1199b0c5aa73bd33589a60, 'Humpy'),
    (0x50ecfcc005a10537ffacf02466690a0d00145e47, 'Humpy'),
    (0x90be067d924d86d4e2cfbdf7b1698a1f665cb61b, 'Humpy'),
    (0x90be067d924d86d4e2cfbdf7b1698a1f665cb61b, 'Humpy'),
    (0x4086e3e1e99a563989a9390facff553a4f29b6ee, 'Humpy'),
    (0x2b67a3c0b90f6ae4394210692f69968d02970126, 'Humpy'),
    (0x6e139b850f67bcdfd4191f40fd8d55eed1edb191, 'Humpy'),
    (0xc4dc891d5b5171f789829d6050d5eb64c447e0fe, 'Humpy'),
    (0x5e1dfa4892095400f374c78320653d338d0cec8b, 'Humpy'),
    (0xfa2d501dea12306281b9fbccc93bcbbe38ef0a4e, 'Humpy'),
    (0x45ec6a657ad37845dc1d2c3ac653721d3037bf41, 'Humpy'),
    (0x11eef043a0908f209ce53ac289a0fec2e82ce45d, 'Humpy'),
    (0x0a7b24cca8e5b9379535649493fee3c2b0f61dc5, 'Humpy'),
    (0xd519d5704b41511951c8cf9f65fee9ab9bef2611, 'Humpy'),
    (0x19ae63358648795aaf29e36733f04fcef683aa69, 'Humpy'),
    (0xba5c2f2165ddd691f99e12a23ec75cc1519930b4, 'Humpy'),
    (0xe8d4d93d9728bd673b0197673a230f62255c7846, 'Aave'),
    (0xAA484Ba6a7f51f00A3f82a11e73b741AE1dEAB58, 'Aave'),
    (0xea79d1a83da6db43a85942767c389fe0acf336a5, 'Stake DAO'),
    (0xf5307a74d1550739ef81c6488dc5c7a6a53e5ac2, 'Vita DAO'),
    (0xf094d5205197435da9268dfb0540e1bf3c1c970a, 'Gnosis DAO'),
    (0x8b5c657b1a31d9deb90a2d6da6966a2186d1800b, 'Gnosis DAO'),
    (0x849d52316331967b6ff1198e5e32a0eb168d039d, 'Gnosis DAO'),
    (0xE3e3AA196a5917165F2B218CB7F1892f897b5B4f, 'Gnosis DAO')
    ) AS t(wallet_address, provider)
)

SELECT * FROM providers) AS q ON q.wallet_address = r.wallet_address
WHERE r.day <= CURRENT_DATE
GROUP BY 1, 2, 3, total_vebal
ORDER BY 1 DESC, 4 DESC) qb ON qb.day = CURRENT_DATE --vebal balances
AND qb.provider = 'Aura' 
LEFT JOIN (WITH providers as (
    SELECT * FROM (values
    (0xd14f076044414c255d2e82cceb1cb00fb1bba64c, 'AuraMaxi'),
    (0x36cc7b13029b5dee4034745fb4f24034f3f2ffc6, 'Humpy'),
    (0x8a8743afc23769d5b27fb22af510da3147bb9a55, 'Humpy'),
    (0x9e9f535da358bf4f9cdc10a3d690dcf981956f68, 'Humpy'),
    (0xc407e861f5a16256534b0c92fdd8220a35831840, 'Humpy'),
    (0xc0a893145ad461af44241a7db5bb99b8998e7d2c, 'Humpy'),
    (0xae0baf66e8f5bb87a6fd54066e469cdfe93212ec, 'Humpy'),
    (0x014e61311e4dd2364cf6c0868c9978c5887deca8, 'Humpy'),
    (0x1e7267fa2628d66538822fc44f0edb62b07272a4, 'Humpy'),
    (0x8b781a032c0ff967d2786a66afb1dbd5128fc382, 'Humpy'),
    (0x5f547f19e5ad75bc19196d2f0472a2f4522fefd6, 'Humpy'),
    (0x42d1f0e3e5461e368f24a29f68b212c1f15036a5, 'Humpy'),
    (0xba55e4e6fca6abd74071516d0784aced07adef47, 'Humpy'),
    (0xd23da72ee782227074851e1090bff19f6b15e978, 'Humpy'),
    (0x79ff36919d24f004d68428a46b9cb08640c0b23b, 'Humpy'),
    (0x9e38d938e909e15c155e35fc2dbb9008a1d019af, 'Humpy'),
    (0xe09697e1e476dce90b1199b0c5aa73bd33589a60, 'Humpy'),
    (0x50ecfcc005a10537ffacf02466690a0d00145e47, 'Humpy'),
    (0x90be067d924d86d4e2cfbdf7b1698a1f665cb61b, 'Humpy'),
    (0x90be067d924d86d4e2cfbdf7b1698a1f665cb61b, 'Humpy'),
    (0x4086e3e1e99a563989a9390facff553a4f29b6ee, 'Humpy'),
    (0x2b67a3c0b90f6ae4394210692f69968d02970126, 'Humpy'),
    (0x6e139b850f67bcdfd4191f40fd8d55eed1edb191, 'Humpy'),
    (0xc4dc891d5b5171f789829d6050d5eb64c447e0fe, 'Humpy'),
    (0x5e1dfa4892095400f374c78320653d338d0cec8b, 'Humpy'),
    (0xfa2d501dea12306281b9fbccc93bcbbe38ef0a4e, 'Humpy'),
    (0x45ec6a657ad37845dc1d2c3ac653721d3037bf41, 'Humpy'),
    (0x11eef043a0908f209ce53ac289a0fec2e82ce45d, 'Humpy'),
    (0x0a7b24cca8e5b9379535649493fee3c2b0f61dc5, 'Humpy'),
    (0xd519d5704b41511951c8cf9f65fee9ab9bef2611, 'Humpy'),
    (0x19ae63358648795aaf29e36733f04fcef683aa69, 'Humpy'),
    (0xba5c2f2165ddd691f99e12a23ec75cc1519930b4, 'Humpy'),
    (0x7629fc134e5a7febef6340438d96881c8d121f2c, 'Jones DAO'),
    (0x52ea58f4fc3ced48fa18e909226c1f8a0ef887dc, 'Stake DAO'),
    (0xfc78f8e1Af80A3bF5A1783BB59eD2d1b10f78cA9, 'Aura'), 
    (0x10a19e7ee7d7f8a52822f6817de8ea18204f2e4f, 'Balancer'), 
    (0x9a5BDF08a6969A4bDb7724beE3c6d8964BDc0B28, 'Balancer'), 
    (0xB1f881f47baB744E7283851bC090bAA626df931d, 'meditator29367.eth'),
    (0x849d52316331967b6ff1198e5e32a0eb168d039d, 'Gnosis DAO'),
    (0xca86d57519dbfe34a25eef0923b259ab07986b71, 'incoom.eth'),
    (0x285b7eea81a5b66b62e7276a24c1e0f83f7409c1, '0xmaki.eth'),
    (0x7b90e043aac79adea0dbb0690e3c832757207a3b, 'Paladin'),
    (0x4a266739e40664e80470cc335120a2a1fa0b3f3f, 'Mimo'),
    (0x9e2b6378ee8ad2a4a95fe481d63caba8fb0ebbf9, 'Alchemix'),
    (0x65bb797c2b9830d891d87288f029ed8dacc19705, 'Stargate'),
    (0x71e47a4429d35827e0312aa13162197c23287546, 'Threshold'),
    (0xa52fd396891e7a74b641a2cb1a6999fcf56b077e, 'Dinero'),
    (0x9d5df30f475cea915b1ed4c0cca59255c897b61b, 'Inverse'),
    (0xea06e1b4259730724885a39ce3ca670efb020e26, 'Beethoven'),
    (0x6665e62ef6f6db29d5f8191fbac472222c2cc80f, 'Defi Collective'),
    (0xc47ec74a753acb09e4679979afc428cde0209639, 'Spiral'),
    (0xb95a4779ccedc53010ef0df8bf8ed6aeb0e8c2b2, 'Paladin'),
    (0x205e795336610f5131be52f09218af19f0f3ec60, 'Aave'),
    (0x2ca74be68f0a0e053f030d143c1376806babedc9, 'Jarvis')
    ) AS t(wallet_address, provider)
)

SELECT * FROM providers) qc ON --aura providers
_user = qc.wallet_address

ORDER BY _user)

SELECT
    vlaura_round,
    vebal_round,
    provider,
    SUM(total_vlaura) AS total_vlaura,
    SUM(unlockable) AS unlockable,
    SUM(total_locked) AS total_locked,
    SUM(total_locked / agg_vlaura_locked) AS voting_power,
    SUM(aura_vebal_balance * (total_locked / agg_vlaura_locked)) AS vebal_balance
FROM agg
GROUP BY 1, 2, 3
ORDER BY 8 DESC
