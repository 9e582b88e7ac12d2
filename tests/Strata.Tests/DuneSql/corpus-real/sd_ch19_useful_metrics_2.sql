-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch19/ch19-useful-metrics.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 3 of the chapter, verbatim)
SELECT SUM(50/POWER(2, ROUND(height/210000))) AS Supply                      
FROM bitcoin.blocks
