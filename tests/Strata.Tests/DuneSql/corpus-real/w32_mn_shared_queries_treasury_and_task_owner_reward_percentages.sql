-- Source: github.com/missingno69420/dune @36847eb, shared_queries/treasury_and_task_owner_reward_percentages.sql (the file; SQL verbatim)
-- https://dune.com/queries/5216767
SELECT * FROM (
  VALUES
    (CAST(100000000000000000 AS UINT256), CAST(100000000000000000 AS UINT256))
) AS t (treasury_reward_percentage, task_owner_reward_percentage)
