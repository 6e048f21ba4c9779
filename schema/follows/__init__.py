"""Follows: ``follow`` / ``unfollow`` and what they answer."""
