-- Source: github.com/duneanalytics/spellbook @91dac12, dbt_subprojects/daily_spellbook/models/addresses/optimism/addresses_optimism_fee_vaults.sql (jinja rendered: config removed, non-incremental branch, source()/ref() -> table; SQL verbatim)
-- https://github.com/ethereum-optimism/optimism/blob/develop/op-bindings/predeploys/addresses.go
SELECT  address, vault_name
FROM (VALUES
      (0x4200000000000000000000000000000000000011,'SequencerFeeVault')
     ,(0x4200000000000000000000000000000000000019,'BaseFeeVault')
     ,(0x420000000000000000000000000000000000001a,'L1FeeVault')
    ) AS x (address, vault_name)
