"""The desk's vault: everything the desk decrypts, the municipality's private keys, and the desk's state.

One SQLCipher vault per desk profile, opened, key-checked, migrated and locked by
``desktop.store``'s own code (:class:`desktop.desk.store.vault.DeskVault` is a ``Vault`` with
the desk's schema and repositories). Only this package touches the desk's SQL.
"""
