-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/hourly_spellbook/models/_project/lido/accounting/ethereum/lido_accounting_ethereum_deposits.sql (jinja adapted: config, incremental branch, set variables and source() expanded or removed)
SELECT  block_time as period,
        sum(cast(value as DOUBLE)) as amount_staked,
        0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2 AS token,
        tx_hash
        FROM  ethereum.traces
        
        WHERE date_trunc('hour', block_time) >= cast('2020-12-18' as timestamp)
        
        AND to = 0x00000000219ab540356cbb839cbe05303d7705fa
        AND call_type = 'call'
        AND success = True
        AND "from" in (0xae7ab96520de3a18e5e111b5eaab095312d7fe84, 0xB9D7934878B5FB9610B3fE8A5e441e8fad7E293f, 0xFdDf38947aFB03C621C71b06C9C70bce73f12999)
        group by 1,3,4
