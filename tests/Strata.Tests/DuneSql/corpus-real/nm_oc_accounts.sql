-- Source: github.com/NexusMutual/dune-queries, covers/opencover-bd-dash/oc-accounts.sql@722d2d67713cd1387553f59064d8d59b01e4bd60 (verbatim)
with opencover(account) as (
  values
  (0xe4994082a0e7f38b565e6c5f4afd608de5eddfbb),
  (0x40329f3E27dD3fe228799b4A665F6f104c2Ab6b4)
)
select account from opencover
