"""Underret's store: the encrypted vault and everything that touches SQL or key material.

``keys`` (vault keys, passphrase wrapping, OS keyring), ``profiles`` (one folder per person on a
PC), ``vault`` (opening SQLCipher safely, migrations) and the repositories ``notifications``,
``outbox``, ``profile_repo`` and ``audit``. Errors are in ``errors``.
"""
