"""Pages: the static pages of pages components; reads."""
