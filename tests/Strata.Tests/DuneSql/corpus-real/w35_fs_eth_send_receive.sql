-- Source: public GitHub file found with find_string on "from ethereum.transactions" (the index names no repository nor path; read_file id 39161702986), daily sending and receiving addresses (parameters {{Trailing Number of Days}} = 30, {{Show Today - if available}} = Yes; a commented-out CTE removed; SQL otherwise verbatim)
WITH sending_users AS (
SELECT day, COUNT(*) AS send_user
FROM (
    SELECT
    DATE_TRUNC('day',block_time) AS day,"from"
    FROM ethereum.transactions
    WHERE
    success AND block_time >= (DATE_TRUNC('day',NOW()) - interval '30' day)
    AND 1=
        (CASE WHEN 'Yes' = 'Yes' THEN 1 
            WHEN 'Yes' = 'No' AND block_time < (DATE_TRUNC('day',NOW())) THEN 1
            ELSE 0
        END)
    GROUP BY 1,2
    ) s
GROUP BY 1
)

, receiving_users AS (
SELECT day, COUNT(*) AS receive_user
FROM (
    SELECT
    DATE_TRUNC('day',block_time) AS day,to
    FROM ethereum.transactions
    WHERE
    success AND block_time >= (DATE_TRUNC('day',NOW()) - interval '30' day)
    AND 1=
        (CASE WHEN 'Yes' = 'Yes' THEN 1 
            WHEN 'Yes' = 'No' AND block_time < (DATE_TRUNC('day',NOW())) THEN 1
            ELSE 0
        END)
    GROUP BY 1,2
    ) s
GROUP BY 1
)

, total_addrs AS (
SELECT
day,COUNT(*) AS total_users
FROM 
    (
    SELECT day, addr
    FROM (
        SELECT
        DATE_TRUNC('day',block_time) AS day
        ,"from" AS addr
        FROM ethereum.transactions
        WHERE success AND block_time >= (DATE_TRUNC('day',NOW()) - interval '30' day)
        AND 1=
            (CASE WHEN 'Yes' = 'Yes' THEN 1 
                WHEN 'Yes' = 'No' AND block_time < (DATE_TRUNC('day',NOW())) THEN 1
                ELSE 0
            END)
        GROUP BY 1,2
        
        UNION ALL
        
        SELECT
        DATE_TRUNC('day',block_time) AS day
        , to AS addr
        FROM ethereum.transactions
        WHERE success AND block_time >= (DATE_TRUNC('day',NOW()) - interval '30' day)
        AND 1=
            (CASE WHEN 'Yes' = 'Yes' THEN 1 
                WHEN 'Yes' = 'No' AND block_time < (DATE_TRUNC('day',NOW())) THEN 1
                ELSE 0
            END)
        GROUP BY 1,2
        ) a
    GROUP BY 1,2
    ) b
GROUP BY 1
)

SELECT
u.day AS "Day"
--,u.trail_day
,u.send_user AS "# Sending Addresses (S)"
,r.receive_user AS "# Receiving Addresses (R)"
,tt.total_users AS "# Total Addresses"
,ROUND(cast(u.send_user as double)/cast(r.receive_user as double),2) AS "S/R Ratio"

,1 AS "Baseline"
FROM sending_users u
INNER JOIN receiving_users r
    ON r.day = u.day
INNER JOIN total_addrs tt
    ON tt.day = u.day

ORDER BY u.day DESC
