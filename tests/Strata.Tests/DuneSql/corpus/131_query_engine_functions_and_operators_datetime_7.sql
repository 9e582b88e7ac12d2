-- Source: github.com/duneanalytics/dune-docs, query-engine/Functions-and-operators/datetime.mdx (sql block 7), verbatim
SELECT current_timezone()
-- America/New_York

SELECT with_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'America/Los_Angeles')
-- 2022-11-01 09:08:07.321 America/Los_Angeles
