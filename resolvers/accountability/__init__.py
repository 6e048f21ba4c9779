"""Accountability: results, their statuses, milestones and linked proposals; reads and admin writes."""
