-- Source: github.com/heowl/onchain-analytics-portfolio @748809aac3b278e40d3ce48393be427417a53b29, part_1_sql_foundations/lesson_01_3_categorical_vs_numerical_data_types.md (the ```sql block, verbatim)
SELECT
	hash,
	TYPEOF(hash) AS hash_type,
	"from",
	TYPEOF("from") AS from_type,
value,
	TYPEOF(value) AS value_type,
	block_time,
	TYPEOF(block_time) AS time_type
FROM ethereum.transactions
LIMIT 5;
