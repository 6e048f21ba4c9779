"""The edit history of traceable resources."""
