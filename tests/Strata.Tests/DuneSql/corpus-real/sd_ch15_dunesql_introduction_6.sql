-- Source: github.com/SixdegreeLab/MasteringChainAnalytics, en/ch15/ch15-dunesql-introduction.md@ab5f64adce7b5355941b7e0ad3f018bdf47203a0 (sql code block 7 of the chapter, verbatim)
select evt_block_time, evt_tx_hash, "from", "to", 
    cast(value as double) as amount,
    cast(value as decimal(38, 0)) as amount2
from erc20_ethereum.evt_Transfer
where evt_block_time >= date('2022-12-18') and evt_block_time < date('2022-12-19')
    and evt_tx_hash in (
        0x2a5ca5ff26e33bec43c7a0609670b7d7db6f7d74a14d163baf6de525a166ab10,
        0xb66447ec3fe29f709c43783621cbe4d878cda4856643d1dd162ce875651430fc
    )
