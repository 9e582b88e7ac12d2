-- Source: github.com/heowl/onchain-analytics-portfolio @b7aabd7d8d8b147d1be95bbb6bd21311cd444cb4, part_1_sql_foundations/lesson_01_2_dunesql_setup_and_basic_syntax.md (the first ```sql block, verbatim)
SELECT
	hash,
	block_time,
	"from",
	"to",
	value
FROM ethereum.transactions
LIMIT 10;
