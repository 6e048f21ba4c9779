"""Blogs: news posts; reads."""
