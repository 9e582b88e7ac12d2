-- Source: github.com/xilibi2003/training_camp_2 @464e0fb, w4_dune/example.sql (lines 5-6 of the file, one of its several statements; SQL verbatim)
SELECT * FROM ethereum."transactions"
  order by block_number desc LIMIT 10;
