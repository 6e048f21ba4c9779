"""A participant's own data: download it (``export``), or delete the account (``deletion``)."""
