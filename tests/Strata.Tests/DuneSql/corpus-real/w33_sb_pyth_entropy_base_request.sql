-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/pyth/base/pyth_entropy_base_request.sql (jinja rendered: config, is_incremental() false, ref() and source() as schema.alias, the spellbook's own macros expanded)
SELECT
    'base' as blockchain,
    tx_hash,
    from_big_endian_64(substr(output, 25, 8)) as assigned_sequence_number,
    cast(value as decimal(38, 0)) / 1e18 as fee,
    'ETH' as symbol,
    substr(input, 17, 20) as provider,
    block_time,
    block_date,
    "from" as caller
FROM
    base.traces
WHERE
    contains(
        array[
            0x93cbf217   -- request(address,bytes32,bool)
            , 0x19cb825f -- requestWithCallback(address,bytes32)
            , 0x7b43155d -- requestV2()
            , 0x0bed189f -- requestV2(uint32 gasLimit)
            , 0x0e33da29 -- requestV2(address provider, uint32 gasLimit)
        ],
        substr(input, 1, 4)
    )
    and tx_success
    and call_type = 'call'
    and success
    and to = 0x6E7D74FA7d5c90FEF9F0512987605a6d546181Bb
